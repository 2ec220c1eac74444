// The Case page: the schedule of a (fictional example) case rendered as a timeline whose
// rows carry data-rule, data-due and data-status. Expected dates are worked out here
// independently, in JavaScript, from the same bank-holiday table.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DIST, axeViolations, openPage, useApp, watchedPage } from './harness.mjs';

const STATUSES = ['overdue', 'due-today', 'due-soon', 'upcoming', 'cannot-compute', 'waiting', 'done-late', 'done-on-time', 'not-applicable'];

const HOLIDAYS = new Set(
  [...readFileSync(join(DIST, '..', 'core/src/calendar/bank_holidays.rs'), 'utf8').matchAll(/\((\d{4}), (\d+), (\d+), "/g)].map(
    ([, y, m, d]) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
  ),
);
const iso = (date) => date.toISOString().slice(0, 10);
const addDays = (date, n) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + n));
const isWorkingDay = (date) => ![0, 6].includes(date.getUTCDay()) && !HOLIDAYS.has(iso(date));
/** The nth working day after `from` (from itself not counted). */
function workingDaysAfter(from, n) {
  let date = from;
  while (n > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) n -= 1;
  }
  return date;
}
/** Today as the browser sees it (local calendar date), at midnight UTC for arithmetic. */
const now = new Date();
const TODAY = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));

async function rows(page) {
  return page.locator('tr[data-rule]').evaluateAll((trs) =>
    trs.map((tr) => ({ rule: tr.dataset.rule, due: tr.dataset.due ?? null, status: tr.dataset.status })),
  );
}

describe('the case page', () => {
  const env = useApp();

  test('every row carries its rule, due date and status, overdue first', async () => {
    const { page, context, seen } = await watchedPage(env);
    await openPage(page, env.url + '#/cases/example-proceedings', 'Riley (example)');
    const all = await rows(page);
    assert.ok(all.length >= 41, `a row for every rule (${all.length})`);
    for (const row of all) {
      assert.match(row.rule, /^[a-z0-9-]+$/);
      assert.ok(STATUSES.includes(row.status), row.status);
      if (row.due !== null) assert.match(row.due, /^\d{4}-\d{2}-\d{2}$/);
    }
    // The main table is sorted: no status comes before one that ranks ahead of it.
    const main = await page.locator('table.timeline').first().locator('tr[data-rule]').evaluateAll((trs) => trs.map((tr) => tr.dataset.status));
    const ranks = main.map((s) => STATUSES.indexOf(s));
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
    // Proceedings issued 115 days ago: 26 weeks beginning with that day.
    const issued = addDays(TODAY, -115);
    const end = all.find((r) => r.rule === 'proceedings-26-weeks');
    assert.equal(end.due, iso(addDays(issued, 26 * 7 - 1)));
    assert.equal(await page.getByText('In week 17 since issue').count(), 1);
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    await context.close();
  });

  test('the first review follows the chosen procedures, with its working on demand', async () => {
    const { page, context } = await watchedPage(env);
    await openPage(page, env.url + '#/cases/example-section-20', 'Sam (example)');
    const admitted = addDays(TODAY, -12);
    const review = page.locator('tr[data-rule="review-1"]');
    // local-a (000 "First Statutory Review"): 15 working days, stricter than the law's 20.
    const local = workingDaysAfter(admitted, 15);
    assert.equal(await review.getAttribute('data-due'), iso(local));
    const soon = workingDaysAfter(TODAY, 5);
    const expected = iso(local) < iso(TODAY) ? 'overdue' : iso(local) === iso(TODAY) ? 'due-today' : local <= soon ? 'due-soon' : 'upcoming';
    assert.equal(await review.getAttribute('data-status'), expected);

    await review.getByText('How this was worked out').click();
    const working = await review.locator('.details__text').innerText();
    assert.match(working, /National \(CPPCR reg 33\): 20 working days after/);
    assert.match(working, /Local \(000 "First Statutory Review"\): 15 working days after/);
    assert.match(working, /The earlier date applies/);

    // Under the national profile alone, the law's 20 working days apply.
    await page.getByLabel('Procedures to follow').selectOption('national');
    await page.locator(`tr[data-rule="review-1"][data-due="${iso(workingDaysAfter(admitted, 20))}"]`).waitFor();
    await context.close();
  });

  test('is accessible with every explanation open', async () => {
    const { page, context } = await watchedPage(env);
    await openPage(page, env.url + '#/cases/example-leaving-care', 'Jordan (example)');
    await page.locator('details').evaluateAll((all) => all.forEach((d) => (d.open = true)));
    assert.deepEqual(await axeViolations(page), []);
    assert.match(await page.locator('dl').innerText(), /Eligible child\s+Yes\./);
    await context.close();
  });

  test('the caseload links to every example', async () => {
    const { page, context } = await watchedPage(env);
    await openPage(page, env.url, 'Your caseload');
    for (const name of ['Sam (example)', 'Riley (example)', 'Jordan (example)']) {
      assert.equal(await page.getByRole('link', { name }).count(), 1, name);
    }
    await page.getByRole('link', { name: 'Riley (example)' }).click();
    await page.locator('main h1').filter({ hasText: 'Riley (example)' }).waitFor();
    assert.equal(new URL(page.url()).hash, '#/cases/example-proceedings');
    await context.close();
  });
});
