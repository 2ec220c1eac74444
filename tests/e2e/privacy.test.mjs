// The privacy statement is true: after a case is added, a passphrase set and preferences
// chosen, everything the browser holds for the site is what the statement lists, and no
// case data is anywhere but IndexedDB (encrypted once the lock is on).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addCase, heading, openPage, useApp, watchedPage } from './harness.mjs';

const NAME = 'Primrose Statement';
const PREFERENCES = [
  'care-planner.calendar',
  'care-planner.last-backup',
  'care-planner.lock-after-minutes',
  'care-planner.profiles',
];

/** Everything the browser holds for the page's origin, except IndexedDB's contents. */
const siteData = (page) =>
  page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const cached = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const body = await (await cache.match(request)).text();
        cached.push({ url: request.url, body });
      }
    }
    return {
      localStorage: Object.keys(localStorage).sort(),
      sessionStorage: Object.keys(sessionStorage),
      cookies: document.cookie,
      databases: (await indexedDB.databases()).map((d) => d.name),
      cached,
    };
  });

describe('privacy statement', () => {
  const env = useApp();

  test('lists where everything is kept, and nothing is kept anywhere else', async () => {
    const { page, context, seen } = await watchedPage(env);
    await openPage(page, env.url + '#/about', 'About Care Planner');
    const rows = page.locator('#privacy-table tbody tr');
    assert.equal(await rows.count(), 5);
    for (const place of ['IndexedDB', 'local storage', 'service worker', 'not kept']) {
      assert.ok((await page.locator('#privacy-table').innerText()).includes(place), place);
    }

    await addCase(page, env.url, { name: NAME, reference: 'PS-1' });
    await openPage(page, env.url + '#/settings/passphrase', 'Passphrase lock');
    await page.getByLabel('New passphrase', { exact: true }).fill('statement words here');
    await page.getByLabel('The new passphrase again').fill('statement words here');
    await page.getByRole('button', { name: 'Set passphrase and encrypt the cases' }).click();
    await page.locator('#passphrase-done').waitFor();
    await page.getByLabel('5 minutes', { exact: true }).check();
    await heading(page, 'Passphrase lock');

    const data = await siteData(page);
    for (const key of data.localStorage) assert.ok(PREFERENCES.includes(key), `${key} is a listed preference`);
    assert.ok(data.localStorage.includes('care-planner.lock-after-minutes'));
    assert.deepEqual(data.sessionStorage, []);
    assert.equal(data.cookies, '');
    assert.deepEqual(data.databases, ['care-planner']);
    assert.ok(data.cached.length > 0, 'the service worker keeps the app files');
    for (const { url, body } of data.cached) {
      assert.equal(new URL(url).origin, env.origin, `${url} is the app's own file`);
      assert.ok(!body.includes(NAME) && !body.includes('PS-1'), `${url} holds no case data`);
    }
    const everything = JSON.stringify(
      await page.evaluate(() => Object.fromEntries(Object.entries(localStorage))),
    );
    assert.ok(!everything.includes(NAME) && !everything.includes('PS-1'), 'no case data in local storage');

    assert.deepEqual(seen.foreign(), []);
    assert.deepEqual(seen.pageErrors, []);
    await context.close();
  });
});
