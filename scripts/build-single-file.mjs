// Turns the release build in dist/ into one self-contained HTML file that runs when
// opened from disk or a file share (file://), for devices that cannot reach a web server:
//
//   node scripts/build-single-file.mjs [DIST] [OUT]
//     (defaults: dist/ and dist-single/care-planner.html)
//
// The stylesheet, the wasm-bindgen JavaScript and the WebAssembly (as base64) go inline.
// The Content-Security-Policy stays strict without 'unsafe-inline': it allows exactly the
// inline script and style written here, by their sha256 hashes. There is no service
// worker: browsers do not run them for file:// pages, and the file is already local.
// docs/offline.md says which browsers keep cases for a page opened from a file.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The one element of `html` matching `pattern`, or a clear error naming what is missing. */
function one(html, pattern, what) {
  const found = [...html.matchAll(pattern)];
  if (found.length !== 1) throw new Error(`dist/index.html: expected one ${what}, found ${found.length}`);
  return found[0];
}

/** Text that can sit inside a <script> or <style> element without ending it early. */
function inlineSafe(text, tag, what) {
  if (new RegExp(`</${tag}|<!--`, 'i').test(text)) throw new Error(`${what} contains </${tag} or <!--`);
  return text;
}

/** Builds the single file's HTML from the build in `dist`. */
export function singleFile(dist) {
  const read = (href) => readFileSync(join(dist, decodeURIComponent(href.replace(/^\.\//, ''))));
  let html = read('index.html').toString('utf8');

  const boot = one(html, /<script type="module" src="[^"]*boot\.js" data-care-planner-js="([^"]+)" data-care-planner-wasm="([^"]+)"><\/script>/g, 'boot script');
  const [, jsHref, wasmHref] = boot;
  const glue = read(jsHref).toString('utf8');
  // The glue is an ES module whose default export starts the app; the start-up below calls
  // it by its own name, so the module needs no import and nothing to fetch.
  if (!/export \{[^}]*\b__wbg_init as default\b/.test(glue)) throw new Error(`${jsHref}: no __wbg_init export (wasm-bindgen changed?)`);
  if (/^\s*import\b/m.test(glue)) throw new Error(`${jsHref} imports another file; it cannot be inlined as it is`);
  const wasm = read(wasmHref).toString('base64');
  const script = inlineSafe(
    `${glue}
// Start-up for the single file (scripts/build-single-file.mjs): the WebAssembly is in the
// string below, so nothing is fetched. As in public/boot.js, a failure is shown as text.
try {
  const base64 = ${JSON.stringify(wasm)};
  const bytes = new Uint8Array(base64.length * 3 / 4 - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0));
  const binary = atob(base64);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = binary.charCodeAt(i);
  await __wbg_init({ module_or_path: bytes });
} catch (error) {
  const message = document.getElementById('loading') || document.body;
  message.textContent =
    'Care Planner could not start in this browser (' + error + '). ' +
    'It needs a recent version of Edge, Chrome, Firefox or Safari with WebAssembly allowed.';
  throw error;
}
`,
    'script',
    jsHref,
  );

  const [styleTag, cssHref] = one(html, /<link rel="stylesheet" href="([^"]+)"[^>]*>/g, 'stylesheet link');
  const style = inlineSafe(read(cssHref).toString('utf8'), 'style', cssHref);
  const [iconTag, iconHref] = one(html, /<link rel="icon" href="([^"]+)"[^>]*>/g, 'icon link');
  const icon = `data:image/svg+xml;base64,${read(iconHref).toString('base64')}`;

  const [cspTag, policy] = one(html, /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g, 'security policy');
  // The hosted policy with 'self' replaced: this page has no origin of its own to load
  // from, and needs nothing from anywhere, not even itself.
  const single = {
    'default-src': "'none'",
    'script-src': `${sha256(script)} 'wasm-unsafe-eval'`,
    'style-src': sha256(style),
    'img-src': 'data:',
    'connect-src': "'none'",
    'worker-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
  };
  const hosted = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
  for (const directive of Object.keys(hosted)) {
    if (!(directive in single) && !["'self'", "'none'"].includes(hosted[directive])) {
      throw new Error(`the hosted policy's ${directive} (${hosted[directive]}) has no single-file equivalent here`);
    }
  }
  const csp = Object.entries(single).map(([k, v]) => `${k} ${v}`).join('; ');

  const replace = (from, to) => {
    if (!html.includes(from)) throw new Error(`dist/index.html: lost track of ${from}`);
    html = html.replace(from, () => to);
  };
  // The page's own markup first, with markers where the inline code goes, so that the
  // checks below read only the markup and not the code.
  replace(cspTag, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  replace(iconTag, `<link rel="icon" href="${icon}" type="image/svg+xml">`);
  replace(styleTag, '<style>\0STYLE\0</style>');
  replace(boot[0], '<script type="module">\0SCRIPT\0</script>');
  // Preloads of files that are now inline.
  html = html.replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
  // The hosted build's comment about boot.js no longer describes this page.
  html = html.replace(/<!--[\s\S]*?-->/, '<!-- One self-contained file (scripts/build-single-file.mjs): the policy allows only the inline script and style below, by their hashes. -->');
  if (/(src|href)="(?!data:|#)[^"]*"/.test(html)) throw new Error('the single file still refers to another file');
  if ((html.match(/<script\b/g) ?? []).length !== 1) throw new Error('the single file should have exactly one script');
  html = html.replace('\0STYLE\0', () => style).replace('\0SCRIPT\0', () => script);
  return html;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = resolve(process.argv[2] ?? join(ROOT, 'dist'));
  const out = resolve(process.argv[3] ?? join(ROOT, 'dist-single', 'care-planner.html'));
  const html = singleFile(dist);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`${out}: ${kb(Buffer.byteLength(html))} (${kb(gzipSync(html, { level: 9 }).length)} with zlib's gzip level 9)`);
}
