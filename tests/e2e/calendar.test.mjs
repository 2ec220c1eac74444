// Calendar export end to end: the case's deadlines downloaded as an .ics file, parsed with
// an independent iCalendar parser (Mozilla's ical.js, used by Thunderbird) and compared
// event by event with the deadlines the case page shows; names only when chosen; the
// reminder as chosen; the caseload's export of every case. axe-core clean.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import { axeViolations, fillDate, openPage, useApp, watchedPage } from './harness.mjs';

async function addCase(page, url, name, reference) {
  await openPage(page, url + '#/cases/new', 'Add a case');
  await page.getByLabel("Child's name or initials").fill(name);
  await page.getByLabel('Case reference (optional)').fill(reference);
  await page.getByRole('button', { name: 'Add case' }).click();
  await page.locator('main h1').filter({ hasText: name }).waitFor();
}

async function recordEvent(page, name, kind, iso, extra = {}) {
  await page.getByRole('link', { name: 'Record an event' }).click();
  await page.locator('main h1').filter({ hasText: 'Record an event' }).waitFor();
  await page.getByLabel('What happened').selectOption(kind);
  await fillDate(page, iso);
  if (extra.basis) await page.getByLabel('Legal basis').selectOption(extra.basis);
  if (extra.placement) await page.getByLabel('Type of placement').selectOption(extra.placement);
  await page.getByRole('button', { name: 'Record event' }).click();
  await page.locator('main h1').filter({ hasText: name }).waitFor();
}

/** Downloads the calendar file from the open export form and parses it with ical.js. */
async function download(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#calendar-download').click()]);
  const text = await readFile(await file.path(), 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const alarm = v.getFirstSubcomponent('valarm');
    return {
      uid: v.getFirstPropertyValue('uid'),
      start: v.getFirstPropertyValue('dtstart').toString(),
      end: v.getFirstPropertyValue('dtend').toString(),
      allDay: v.getFirstPropertyValue('dtstart').isDate,
      summary: v.getFirstPropertyValue('summary'),
      description: v.getFirstPropertyValue('description'),
      status: v.getFirstPropertyValue('status'),
      trigger: alarm ? alarm.getFirstPropertyValue('trigger').toString() : null,
    };
  });
  return { name: file.suggestedFilename(), text, events };
}

describe('calendar export', () => {
  const env = useApp();

  test("a case's deadlines, parsed independently, match the case page", async () => {
    const { page, context, seen } = await watchedPage(env);
    await addCase(page, env.url, 'K.M.', 'KM-1');
    const caseId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
    await page.getByLabel('Procedures to follow').selectOption('local-a');
    await page.locator('#save-status').filter({ hasText: /^Saved at/ }).waitFor();
    await recordEvent(page, 'K.M.', 'became_looked_after', '2026-11-02', { basis: 's20' });
    await recordEvent(page, 'K.M.', 'placement_started', '2026-11-02', { placement: 'foster' });

    await page.locator('#calendar-export summary').click();
    assert.deepEqual(await axeViolations(page), [], 'axe with the export form open');
    // A reminder that is not a number is refused, with the reason.
    await page.getByLabel('Remind me this many working days before').fill('soon');
    await page.locator('#calendar-download').click();
    await page.getByRole('alert').getByText('Enter the number of working days as a whole number from 0 to 20').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe with the error');
    await page.getByLabel('Remind me this many working days before').fill('3');
    const { name, text, events } = await download(page);
    assert.equal(name, `care-planner-${caseId}.ics`);
    assert.ok(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75), 'lines folded at 75 octets');

    // Every dated deadline on the page is one all-day event on its date, and nothing else.
    const shown = await page.locator('tr[data-rule][data-due]').evaluateAll((rows) =>
      rows.filter((r) => r.dataset.due).map((r) => ({ rule: r.dataset.rule, due: r.dataset.due, status: r.dataset.status })));
    assert.ok(shown.length >= 5, `${shown.length} dated deadlines`);
    assert.equal(events.length, shown.length);
    for (const event of events) {
      const [caseOf, rule] = event.uid.split('.');
      assert.equal(caseOf, caseId);
      assert.ok(shown.some((s) => s.rule === rule && s.due === event.start), `${rule} on ${event.start}`);
      assert.equal(event.allDay, true);
      assert.match(event.summary, /^(Done: )?KM-1: /, 'the reference, not the name');
      assert.doesNotMatch(event.summary, /K\.M\./);
      assert.match(event.description, /Source: /);
      const row = shown.find((s) => s.rule === rule && s.due === event.start);
      const done = row.status.startsWith('done');
      assert.equal(event.status, done ? 'CANCELLED' : 'CONFIRMED', `${rule} status`);
      assert.equal(event.trigger === null, done, `${rule}: a reminder unless done`);
    }
    assert.equal(new Set(events.map((e) => e.uid)).size, events.length, 'UIDs are unique');
    // The first review: 15 working days from Mon 2 Nov 2026 under local-a, so Mon 23 Nov;
    // reminded 3 working days before, on Wed 18 Nov at 09:00: 4 days and 15 hours before
    // the all-day event starts.
    const review = events.find((e) => e.uid.startsWith(`${caseId}.review-1.`));
    assert.equal(review.start, '2026-11-23');
    assert.equal(review.end, '2026-11-24');
    assert.equal(review.trigger, '-P4DT15H');

    // Names when chosen; only the reminder is remembered, never the names.
    await page.getByLabel("Put the child's name in each event (otherwise their case reference)").check();
    const named = await download(page);
    assert.ok(named.events.every((e) => /^(Done: )?K\.M\.: /.test(e.summary)));
    assert.deepEqual(named.events.map((e) => e.uid), events.map((e) => e.uid), 'the same UIDs: a re-import updates');
    await page.reload();
    await page.locator('main h1').filter({ hasText: 'K.M.' }).waitFor();
    await page.locator('#calendar-export summary').click();
    assert.equal(await page.getByLabel('Remind me this many working days before').inputValue(), '3');
    assert.equal(await page.getByLabel("Put the child's name in each event (otherwise their case reference)").isChecked(), false);

    // The caseload exports every case's deadlines in one file.
    await addCase(page, env.url, 'L.N.', 'LN-2');
    await recordEvent(page, 'L.N.', 'became_looked_after', '2026-11-09', { basis: 's20' });
    await openPage(page, env.url + '#/', 'Your caseload');
    await page.locator('#calendar-export summary').click();
    const all = await download(page);
    assert.equal(all.name, 'care-planner-deadlines.ics');
    // Names chosen for one case do not carry into the caseload's file.
    assert.ok(all.events.some((e) => e.summary.startsWith('LN-2: ')));
    assert.ok(all.events.every((e) => !/K\.M\.|L\.N\./.test(e.summary)));
    assert.equal(all.events.filter((e) => /^(Done: )?KM-1: /.test(e.summary)).length, events.length);
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    assert.deepEqual(seen.foreign(), []);
    await context.close();
  });
});
