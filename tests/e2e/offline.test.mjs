// Offline use (docs/offline.md): after one visit the service worker serves the whole app
// with the network off, and a new version waits for the person to choose "Reload to
// update" instead of replacing the running one.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { startServer } from '../../scripts/static-server.mjs';
import { buildFiles, stamp } from '../../scripts/stamp-service-worker.mjs';
import { DIST, addCase, heading, launchBrowser, openPage, useApp, watchedPage } from './harness.mjs';

/** The files sw.js was stamped with at build time. */
function precacheList(dir) {
  const line = readFileSync(join(dir, 'sw.js'), 'utf8').match(/^const PRECACHE = (.*);$/m);
  return JSON.parse(line[1]);
}

/** Waits until a service worker controls the page; returns its script's URL. */
async function controlledBy(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
}

const cachedFiles = (page) =>
  page.evaluate(async () => {
    const names = await caches.keys();
    const files = [];
    for (const name of names) {
      for (const request of await (await caches.open(name)).keys()) files.push({ cache: name, url: request.url });
    }
    return files;
  });

describe('the service worker of the build', () => {
  test('is stamped with every file of the build, and stamping again changes nothing', () => {
    const precache = precacheList(DIST);
    assert.deepEqual(precache, buildFiles(DIST));
    for (const kind of ['index.html', 'boot.js', '.css', '.js', '_bg.wasm', '.svg']) {
      assert.ok(precache.some((p) => p.endsWith(kind)), `a ${kind} file is kept`);
    }
    assert.ok(!precache.includes('./sw.js'), 'not itself: the browser keeps and updates it');
    const root = mkdtempSync(join(tmpdir(), 'care-planner-stamp-'));
    try {
      cpSync(DIST, root, { recursive: true });
      stamp(root);
      assert.equal(readFileSync(join(root, 'sw.js'), 'utf8'), readFileSync(join(DIST, 'sw.js'), 'utf8'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('with the network off', () => {
  const env = useApp();

  test('after one visit the app starts, moves between pages and keeps a new case', async () => {
    const { page, context, seen } = await watchedPage(env);
    await openPage(page, env.url, 'Your caseload');
    assert.equal(await controlledBy(page), env.url + 'sw.js');

    // The cache holds the build's own files and nothing else: no case data.
    const precache = precacheList(DIST);
    const cached = await cachedFiles(page);
    assert.equal(new Set(cached.map((f) => f.cache)).size, 1, 'one cache, for this version');
    assert.deepEqual(cached.map((f) => f.url).sort(), precache.map((p) => new URL(p, env.url).href).sort());

    await context.setOffline(true);
    const response = await page.reload();
    assert.ok(response.fromServiceWorker(), 'the page came from the service worker');
    await heading(page, 'Your caseload');

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'About' }).click();
    await heading(page, 'About Care Planner');
    await page.goto(env.url + '#/wizards');
    await heading(page, 'Start a guided procedure');

    const id = await addCase(page, env.url, { name: 'Offline O.' });
    await page.locator('#save-status').filter({ hasText: /^Saved at \d\d:\d\d$/ }).waitFor();
    await heading(page, 'Offline O.');

    await page.reload();
    await heading(page, 'Offline O.');
    await openPage(page, env.url + '#/', 'Your caseload');
    assert.equal(await page.locator(`#caseload tr[data-case="${id}"]`).count(), 1, 'the case is in the caseload');
    await heading(page, 'Your caseload');

    assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser really was offline');
    assert.deepEqual(seen.foreign(), [], 'requests to other origins');
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    await context.close();
  });
});

describe('a new version', () => {
  test('waits for "Reload to update", then replaces the old one once, in that tab', async () => {
    // A copy of the build that the test can change, as a deployment would.
    const root = mkdtempSync(join(tmpdir(), 'care-planner-update-'));
    cpSync(DIST, root, { recursive: true });
    const { server, url } = await startServer({ root });
    const origin = new URL(url).origin;
    const browser = await launchBrowser();
    try {
      const { page, context, seen } = await watchedPage({ browser, origin });
      await openPage(page, url, 'Your caseload');
      const firstWorker = await controlledBy(page);
      const firstCache = (await cachedFiles(page))[0].cache;

      // Deploy a new version: a changed index.html, so a new stamp and a new sw.js.
      const indexPath = join(root, 'index.html');
      writeFileSync(indexPath, readFileSync(indexPath, 'utf8').replace('<head>', '<head><meta name="care-planner-build" content="second">'));
      const { version } = stamp(root);
      assert.ok(!firstCache.endsWith(version), 'the stamp changed with the file');

      // The app's own check: it runs when the page becomes visible again.
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      const banner = page.getByRole('region', { name: 'A new version of Care Planner is ready' });
      await banner.waitFor();
      await heading(page, 'Your caseload');

      // Nothing was swapped: the old worker still controls the page, the new one waits,
      // and even a reload still gets the old version, with the banner shown from the start.
      const state = () =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return {
            waiting: registration.waiting !== null,
            marker: document.querySelector('meta[name=care-planner-build]')?.content ?? null,
            caches: await caches.keys(),
          };
        });
      assert.deepEqual(await state(), { waiting: true, marker: null, caches: [firstCache, `care-planner-${version}`] });
      await page.reload();
      await banner.waitFor();
      await heading(page, 'Your caseload');
      assert.deepEqual(await state(), { waiting: true, marker: null, caches: [firstCache, `care-planner-${version}`] });
      assert.equal(await controlledBy(page), firstWorker);

      // Choosing to update reloads the page once, under the new worker and its files.
      let loads = 0;
      page.on('load', () => (loads += 1));
      await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload to update' }).click()]);
      await page.locator('main h1').filter({ hasText: 'Your caseload' }).waitFor();
      await page.waitForFunction(() => document.querySelector('meta[name=care-planner-build]')?.content === 'second');
      assert.deepEqual(await state(), { waiting: false, marker: 'second', caches: [`care-planner-${version}`] });
      assert.equal(await banner.count(), 0, 'no banner once updated');
      await heading(page, 'Your caseload');
      assert.equal(loads, 1, 'reloaded exactly once');

      assert.deepEqual(seen.foreign(), [], 'requests to other origins');
      assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
      await context.close();
    } finally {
      await browser.close();
      await new Promise((done) => server.close(done));
      rmSync(root, { recursive: true, force: true });
    }
  });
});
