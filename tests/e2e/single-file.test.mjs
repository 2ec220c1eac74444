// The single-file build (scripts/build-single-file.mjs, docs/offline.md): one HTML file
// opened from disk, as from a file share, keeps its cases across a reload, asks for
// nothing but itself, breaks none of its own security policy, and still runs where the
// browser keeps nothing for files.

import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { singleFile } from '../../scripts/build-single-file.mjs';
import { DIST, PAGES, addCase, heading, launchBrowser, watchedPage } from './harness.mjs';

const BUILT = join(DIST, '..', 'dist-single', 'care-planner.html');

describe('the single file opened from disk', () => {
  const env = {};
  before(async () => {
    // The file scripts/test.sh built, copied to a folder of its own as onto a file share,
    // with a space in its name as such paths often have.
    assert.ok(existsSync(BUILT), `${BUILT} is missing: run node scripts/build-single-file.mjs`);
    assert.equal(readFileSync(BUILT, 'utf8'), singleFile(DIST), `${BUILT} is older than dist/: build it again`);
    env.folder = mkdtempSync(join(tmpdir(), 'care planner single-'));
    env.file = join(env.folder, 'care-planner.html');
    copyFileSync(BUILT, env.file);
    env.url = pathToFileURL(env.file).href;
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    rmSync(env.folder, { recursive: true, force: true });
  });

  test('starts, keeps a new case across a reload and fetches nothing', async () => {
    const { page, context, seen } = await watchedPage({ browser: env.browser, origin: 'file://' });
    const violations = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    await page.goto(env.url);
    assert.equal(new URL(page.url()).protocol, 'file:');
    await heading(page, 'Your caseload');
    assert.equal(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), null, 'no service worker');

    const id = await addCase(page, env.url, { name: 'Single F.' });
    await page.locator('#save-status').filter({ hasText: /^Saved at \d\d:\d\d$/ }).waitFor();
    await heading(page, 'Single F.');
    await page.reload();
    await heading(page, 'Single F.');
    await page.goto(env.url + '#/');
    await heading(page, 'Your caseload');
    assert.equal(await page.locator(`#caseload tr[data-case="${id}"]`).count(), 1, 'the case is in the caseload');

    // Every request was for the file itself (its address with a page's fragment).
    const files = new Set(seen.requests.map((u) => u.split('#')[0]));
    assert.deepEqual([...files], [env.url]);
    assert.deepEqual(violations, []);
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    await context.close();
  });

  test('the passphrase lock works from a file too (Web Crypto counts file:// as secure)', async () => {
    const { page, context, seen } = await watchedPage({ browser: env.browser, origin: 'file://' });
    await page.goto(env.url);
    const id = await addCase(page, env.url, { name: 'Locked L.' });
    await page.goto(env.url + '#/settings/passphrase');
    await heading(page, 'Passphrase lock');
    await page.getByLabel('New passphrase', { exact: true }).fill('file share words');
    await page.getByLabel('The new passphrase again').fill('file share words');
    await page.getByRole('button', { name: 'Set passphrase and encrypt the cases' }).click();
    await page.locator('#passphrase-done').filter({ hasText: 'The passphrase lock is on' }).waitFor();
    await page.goto(env.url + `#/cases/${id}`);
    await page.reload();
    await heading(page, 'Care Planner is locked');
    assert.ok(!(await page.locator('body').innerText()).includes('Locked L.'));
    await page.getByLabel('Passphrase', { exact: true }).fill('file share words');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await heading(page, 'Locked L.');
    assert.deepEqual(new Set(seen.requests.map((u) => u.split('#')[0])), new Set([env.url]));
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    await context.close();
  });

  test('every page opens by its address, accessible and within the policy', async () => {
    const { page, context, seen } = await watchedPage({ browser: env.browser, origin: 'file://' });
    for (const { hash, h1 } of PAGES) {
      await page.goto(env.url + hash);
      await heading(page, h1);
    }
    assert.deepEqual(new Set(seen.requests.map((u) => u.split('#')[0])), new Set([env.url]));
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    await context.close();
  });

  test('where the browser refuses storage to a file, as Safari is reported to, it still runs and says so', async () => {
    const { page, context, seen } = await watchedPage({ browser: env.browser, origin: 'file://' });
    // What Safari is reported to do for file:// pages (docs/offline.md): both throw.
    await page.addInitScript(() => {
      const refuse = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
      Object.defineProperty(window, 'localStorage', { get: refuse });
      IDBFactory.prototype.open = refuse;
    });
    await page.goto(env.url);
    await heading(page, 'Your caseload');
    await page.getByRole('region', { name: 'Storage warning' }).getByText('Cases are not being kept on this device').waitFor();
    await addCase(page, env.url, { name: 'Memory M.' });
    await heading(page, 'Memory M.');
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    await context.close();
  });

  test('the policy still refuses inline code it was not built with, and any connection', async () => {
    const { page, context } = await watchedPage({ browser: env.browser, origin: 'file://' });
    await page.goto(env.url + '#/about');
    await heading(page, 'About Care Planner');
    const outcome = await page.evaluate(async () => {
      const violated = [];
      document.addEventListener('securitypolicyviolation', (e) => violated.push(e.violatedDirective));
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { color: red }';
      document.head.append(style);
      let fetched;
      try {
        await fetch('https://example.org/collect');
        fetched = 'allowed';
      } catch {
        fetched = 'refused';
      }
      await new Promise((r) => setTimeout(r, 100));
      return { injected: window.injected === true, red: getComputedStyle(document.body).color === 'rgb(255, 0, 0)', fetched, violated };
    });
    assert.deepEqual(outcome, {
      injected: false,
      red: false,
      fetched: 'refused',
      violated: ['script-src-elem', 'style-src-elem', 'connect-src'],
    });
    await context.close();
  });
});
