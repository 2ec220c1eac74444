// Every page of the release build: it loads from a plain static server with no console
// error or warning, has one <h1>, passes axe-core, requests nothing from any other origin,
// and prints without the site's navigation chrome.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PAGES, axeViolations, openPage, useApp, watchedPage } from './harness.mjs';

describe('every page', () => {
  const env = useApp();

  for (const { hash, h1 } of PAGES) {
    test(`${hash} loads by its address, is accessible and stays on this origin`, async () => {
      const { page, context, seen } = await watchedPage(env);
      await openPage(page, env.url + hash, h1);

      assert.equal(await page.locator('h1').count(), 1, 'exactly one <h1>');
      assert.equal(await page.title(), `${h1} – Care Planner`);
      assert.deepEqual(await axeViolations(page), [], 'axe-core violations');

      // Printed: the heading stays, the navigation, skip link and footer do not.
      for (const chrome of ['.header nav', '.footer']) {
        assert.equal(await page.locator(chrome).isVisible(), true, `${chrome} on screen`);
      }
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('main h1').isVisible(), true, 'printed heading');
      for (const chrome of ['.header nav', '.skip-link', '.footer']) {
        assert.equal(await page.locator(chrome).first().isVisible(), false, `${chrome} printed`);
      }
      await page.emulateMedia({ media: 'screen' });

      // Reloading a deep link shows the same page: the static server needs no rewrites.
      await page.reload();
      await page.locator('main h1').filter({ hasText: h1 }).waitFor();

      assert.deepEqual(seen.consoleProblems, [], 'console errors and warnings');
      assert.deepEqual(seen.pageErrors, [], 'page errors');
      assert.ok(seen.requests.length >= 4, `requests were counted (${seen.requests.length})`);
      assert.deepEqual(seen.foreign(), [], 'requests to other origins');
      await context.close();
    });
  }
});
