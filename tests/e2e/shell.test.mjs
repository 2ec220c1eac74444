// The app shell as a person uses it: navigation, keyboard, the skip link, and the
// security policy that keeps everything on this origin.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DIST, openPage, useApp, watchedPage } from './harness.mjs';

describe('the app shell', () => {
  const env = useApp();

  test('the navigation moves between pages, marks the current one and focuses the heading', async () => {
    const { page, context, seen } = await watchedPage(env);
    await openPage(page, env.url, 'Your caseload');
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.locator('[aria-current=page]').textContent(), 'Caseload');

    await nav.getByRole('link', { name: 'About' }).click();
    await page.locator('main h1').filter({ hasText: 'About Care Planner' }).waitFor();
    assert.equal(new URL(page.url()).hash, '#/about');
    assert.equal(await nav.locator('[aria-current=page]').textContent(), 'About');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');

    await page.goBack();
    await page.locator('main h1').filter({ hasText: 'Your caseload' }).waitFor();
    await page.goForward();
    await page.locator('main h1').filter({ hasText: 'About Care Planner' }).waitFor();

    await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy' }).click();
    await page.locator('main h1').filter({ hasText: 'Privacy' }).waitFor();
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    await context.close();
  });

  test('the skip link is the first thing a keyboard reaches and jumps to the content', async () => {
    const { page, context } = await watchedPage(env);
    await openPage(page, env.url + '#/settings', 'Settings and backup');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    assert.ok(await skip.evaluate((el) => el === document.activeElement), 'skip link has focus');
    assert.ok(await skip.isVisible(), 'skip link is visible when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main-content');
    // The page and its address stay as they were.
    assert.equal(new URL(page.url()).hash, '#/settings');
    assert.equal(await page.locator('main h1').textContent(), 'Settings and backup');
    await context.close();
  });

  test('the About page shows the version, every source and the privacy statement', async () => {
    const { page, context } = await watchedPage(env);
    await openPage(page, env.url + '#/about', 'About Care Planner');
    const cargoToml = readFileSync(join(DIST, '..', 'Cargo.toml'), 'utf8');
    const version = cargoToml.match(/\[workspace\.package\][^[]*?version = "([^"]+)"/)[1];
    const versionRow = page.locator('.summary-list__row').filter({ hasText: 'Version' });
    assert.equal(await versionRow.locator('dd').textContent(), version);
    const rows = await page.locator('table:not(#privacy-table) tbody tr th').allTextContents();
    assert.equal(rows.length, 7, 'national law (2) and the five procedures');
    assert.ok(rows.includes('Children Act 1989'));
    assert.ok(rows.includes('Permanence Planning Policy (3.1.3)'));
    assert.ok(await page.getByRole('heading', { name: 'Privacy' }).isVisible());
    await context.close();
  });

  test('the security policy refuses connections to any other origin', async () => {
    const { page, context, seen } = await watchedPage(env);
    await openPage(page, env.url, 'Your caseload');
    const outcome = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      let fetched;
      try {
        await fetch('https://example.org/collect');
        fetched = 'allowed';
      } catch {
        fetched = 'refused';
      }
      await new Promise((r) => setTimeout(r, 100));
      return { fetched, violations };
    });
    assert.equal(outcome.fetched, 'refused');
    assert.deepEqual(outcome.violations, ['connect-src']);
    assert.deepEqual(seen.foreign(), [], 'nothing left for another origin');
    await context.close();
  });

  test('the built page has no inline script and loads nothing from elsewhere', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length >= 1, 'the boot script is there');
    for (const [, attributes, body] of scripts) {
      assert.match(attributes, /\bsrc="\.\//, 'scripts come from this origin');
      assert.equal(body.trim(), '', 'no inline script');
    }
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, 'no asset from another origin');
    assert.match(html, /http-equiv="Content-Security-Policy"/);
  });
});
