// Writes into a build's sw.js the list of files it must keep and a version made from their
// contents, so that any change to the build changes sw.js and browsers offer the update.
// Run by Trunk after each build (a post_build hook in Trunk.toml, on the staging folder);
// also usable on a finished build:
//
//   node scripts/stamp-service-worker.mjs [DIR]   (DIR defaults to $TRUNK_STAGING_DIR)
//
// Safe to run again on a stamped sw.js: it replaces the two lines whatever they hold.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const WORKER = 'sw.js';
const VERSION_LINE = /^const VERSION = .*;$/m;
const PRECACHE_LINE = /^const PRECACHE = .*;$/m;

/** Every file under `dir` as a './'-relative URL path, sorted, sw.js itself left out. */
export function buildFiles(dir) {
  const found = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push('./' + relative(dir, path).split(sep).map(encodeURIComponent).join('/'));
    }
  };
  walk(dir);
  return found.filter((path) => path !== './' + WORKER).sort();
}

/** Stamps `dir`/sw.js; returns { version, files }. */
export function stamp(dir) {
  const files = buildFiles(dir);
  if (!files.includes('./index.html')) throw new Error(`${dir} has no index.html: not a build`);
  const hash = createHash('sha256');
  for (const path of files) {
    // The name as well as the bytes: a renamed file is a different build.
    hash.update(path + '\0');
    hash.update(readFileSync(join(dir, decodeURIComponent(path))));
    hash.update('\0');
  }
  const version = hash.digest('hex').slice(0, 16);

  const workerPath = join(dir, WORKER);
  const source = readFileSync(workerPath, 'utf8');
  for (const [name, line] of [['VERSION', VERSION_LINE], ['PRECACHE', PRECACHE_LINE]]) {
    const count = source.match(new RegExp(line.source, 'gm'))?.length ?? 0;
    if (count !== 1) throw new Error(`${workerPath}: expected one "const ${name} = …;" line, found ${count}`);
  }
  const stamped = source
    .replace(VERSION_LINE, `const VERSION = ${JSON.stringify(version)};`)
    .replace(PRECACHE_LINE, `const PRECACHE = ${JSON.stringify(files)};`);
  writeFileSync(workerPath, stamped);
  return { version, files };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('usage: node scripts/stamp-service-worker.mjs DIR (or run as a Trunk hook)');
    process.exit(2);
  }
  const { version, files } = stamp(dir);
  console.log(`sw.js: version ${version}, ${files.length} files to keep offline`);
}
