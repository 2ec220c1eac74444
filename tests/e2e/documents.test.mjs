// Printable documents end to end: the case summary (child, legal status, every dated
// deadline with its status, tasks) and the care plan front sheet and outline (004 §10),
// in print preview without the site's navigation; axe-core clean.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fillDate, heading, openPage, useApp, watchedPage } from './harness.mjs';

async function recordEvent(page, name, kind, iso, basis) {
  await page.getByRole('link', { name: 'Record an event' }).click();
  await page.locator('main h1').filter({ hasText: 'Record an event' }).waitFor();
  await page.getByLabel('What happened').selectOption(kind);
  await fillDate(page, iso);
  if (basis) await page.getByLabel('Legal basis').selectOption(basis);
  await page.getByRole('button', { name: 'Record event' }).click();
  await page.locator('main h1').filter({ hasText: name }).waitFor();
}

describe('printable documents', () => {
  const env = useApp();

  test('the case summary and the care plan front sheet, in print preview', async () => {
    const { page, context, seen } = await watchedPage(env);
    await openPage(page, env.url + '#/cases/new', 'Add a case');
    await page.getByLabel("Child's name or initials").fill('D.P.');
    await page.getByLabel('Case reference (optional)').fill('LCS-42');
    await fillDate(page, '2015-06-01');
    await page.getByRole('button', { name: 'Add case' }).click();
    await page.locator('main h1').filter({ hasText: 'D.P.' }).waitFor();
    await recordEvent(page, 'D.P.', 'became_looked_after', '2026-09-01', 's20');
    await recordEvent(page, 'D.P.', 'review_held', '2026-09-25');
    await page.getByLabel('What needs doing').fill('Book the health assessment');
    await page.getByRole('button', { name: 'Add task' }).click();
    await page.locator('.task-list__item').filter({ hasText: 'Book the health assessment' }).waitFor();

    await page.getByRole('link', { name: 'Case summary, to print' }).click();
    await heading(page, 'Case summary: D.P.');
    const child = await page.locator('main .summary-list').first().innerText();
    assert.match(child, /Case reference\s+LCS-42/);
    assert.match(child, /Date of birth\s+Mon 1 Jun 2015 \(aged 11\)/);
    assert.match(child, /Legal status\s+Accommodated \(section 20\)/);
    // The first review was held on time; the second is due 3 months after it.
    assert.equal(await page.locator('#summary-deadlines tr[data-rule="review-1"]').getAttribute('data-status'), 'done-on-time');
    assert.match(await page.locator('#summary-deadlines tr[data-rule="review-2"]').innerText(), /Fri 25 Dec 2026/);
    assert.match(await page.locator('#summary-tasks').innerText(), /Book the health assessment\s+Open/);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.header nav').isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Print the case summary' }).isVisible(), false);
    assert.equal(await page.locator('#summary-deadlines').isVisible(), true);
    await page.emulateMedia({ media: 'screen' });

    await page.locator('a.back-link').click();
    await page.locator('main h1').filter({ hasText: 'D.P.' }).waitFor();
    await page.getByRole('link', { name: 'Care plan front sheet and outline, to print' }).click();
    await heading(page, 'Care plan: D.P.');
    const sheet = await page.locator('#front-sheet').innerText();
    assert.match(sheet, /Child or young person \(name and date of birth\)\s+D\.P\., born Mon 1 Jun 2015/);
    assert.match(sheet, /Case number \(LCS number\)\s+LCS-42/);
    assert.match(sheet, /Date of last review\s+Fri 25 Sep 2026/);
    assert.match(sheet, /Date of next review\s+Fri 25 Dec 2026 \(due\)/);
    const blanks = await page.locator('#front-sheet .request__field').filter({ hasText: /Social worker|Independent reviewing officer/ }).locator('dd').allInnerTexts();
    assert.deepEqual(blanks.map((t) => t.trim()), ['', ''], 'left blank, never guessed');
    const sections = await page.locator('main h2').allInnerTexts();
    for (const title of ['Front sheet', 'Section 1 \u2013 About the child or young person and their strengths and needs',
      'Section 2 \u2013 Summary and analysis', 'Section 3 \u2013 The plan', 'Section 4 \u2013 Views of others']) {
      assert.ok(sections.includes(title), title);
    }
    assert.match(await page.locator('main').innerText(), /Source: Care Planning Guidance, §10\.2/);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.header nav').isVisible(), false);
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    assert.deepEqual(seen.foreign(), []);
    await context.close();
  });
});
