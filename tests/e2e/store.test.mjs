// Cases kept on the device: they survive a reload, follow across tabs, refuse a stale edit,
// and go through backup and restore unchanged; a bad backup file changes nothing.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addCase, axeViolations, downloadFrom, openPage, upload, useApp, watchedPage } from './harness.mjs';

/** Records an event through the form, from the case page, and waits to be back on it. */
async function recordEvent(page, caseName, { kind, date, basis, placement, time }) {
  await page.getByRole('link', { name: 'Record an event' }).click();
  await page.locator('main h1').filter({ hasText: 'Record an event' }).waitFor();
  await page.getByLabel('What happened').selectOption(kind);
  const [y, m, d] = date.split('-');
  await page.getByLabel('Day').fill(String(Number(d)));
  await page.getByLabel('Month').fill(String(Number(m)));
  await page.getByLabel('Year').fill(y);
  if (basis) await page.getByLabel('Legal basis').selectOption(basis);
  if (placement) await page.getByLabel('Type of placement').selectOption(placement);
  if (time) await page.getByLabel('Time (optional)').fill(time);
  await page.getByRole('button', { name: 'Record event' }).click();
  await page.locator('main h1').filter({ hasText: caseName }).waitFor();
  await page.locator('#save-status').filter({ hasText: /^Saved at \d\d:\d\d$/ }).waitFor();
}

describe('cases on this device', () => {
  const env = useApp();

  test('a new case, with an event, is still there after a reload', async () => {
    const { page, context, seen } = await watchedPage(env);
    await openPage(page, env.url + '#/cases/new', 'Add a case');
    await page.getByRole('button', { name: 'Add case' }).click();
    const summary = page.getByRole('alert');
    await summary.getByText("Enter the child's name or initials").waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the form with its errors is accessible');

    await page.getByLabel("Child's name or initials").fill('A.B.');
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('2015');
    await page.getByRole('button', { name: 'Add case' }).click();
    await summary.getByText('Date of birth must be a real date').waitFor();
    await summary.getByRole('link', { name: 'Date of birth must be a real date' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'date-of-birth-day', 'the summary link moves to the field');

    const id = await addCase(page, env.url, { name: 'A.B.', reference: 'REF-1', born: '2015-04-03' });
    await recordEvent(page, 'A.B.', { kind: 'became_looked_after', date: '2026-11-10', basis: 's20' });
    assert.deepEqual(await axeViolations(page), [], 'the case page is accessible');

    await page.reload();
    await page.locator('main h1').filter({ hasText: 'A.B.' }).waitFor();
    await page.locator('#event-list').getByRole('cell', { name: 'Became looked after', exact: true }).waitFor();
    assert.equal(await page.locator('tr[data-rule="review-1"]').getAttribute('data-due'), '2026-12-08', 'first review 20 working days after');

    await openPage(page, env.url + '#/', 'Your caseload');
    const row = page.locator(`#caseload tr[data-case="${id}"]`);
    assert.match(await row.innerText(), /A\.B\.\s+REF-1\s+Accommodated \(section 20\)/);
    await page.locator('#backup-reminder').getByText('You have not made a backup').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the caseload with a case is accessible');
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    assert.deepEqual(seen.foreign(), []);
    await context.close();
  });

  test('every change is in the history and can be undone', async () => {
    const { page, context, seen } = await watchedPage(env);
    await addCase(page, env.url, { name: 'C.D.' });
    await recordEvent(page, 'C.D.', { kind: 'visit_made', date: '2026-11-02' });
    await page.getByRole('button', { name: /^Delete visit made on Mon 2 Nov 2026/ }).click();
    await page.getByText('No events recorded yet.').waitFor();
    const history = page.locator('ol.history li');
    assert.match(await history.first().innerText(), /^Deleted visit made on Mon 2 Nov 2026/);

    await page.getByRole('button', { name: /^Undo/ }).click();
    await page.locator('#event-list').getByRole('cell', { name: 'Visit made', exact: true }).waitFor();
    assert.match(await history.first().innerText(), /^Undid: Deleted visit made on Mon 2 Nov 2026/);
    assert.match(await history.nth(1).innerText(), /\(undone\)/);

    await page.getByLabel('What needs doing').fill('Book the first review');
    // A double click adds the task once.
    await page.getByRole('button', { name: 'Add task' }).dblclick();
    await page.locator('.task-list__item').filter({ hasText: 'Book the first review' }).waitFor();
    await page.locator('#save-status').filter({ hasText: /^Saved at/ }).waitFor();
    assert.equal(await page.locator('.task-list__item').count(), 1);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tasks', 'focus stays with the tasks');
    await page.getByRole('button', { name: /^Mark as done.*Book the first review/ }).click();
    await page.getByRole('button', { name: /^Mark as not done.*Book the first review/ }).waitFor();
    assert.match(await history.first().innerText(), /^Marked the task “Book the first review” as done/);
    await page.reload();
    await page.getByRole('button', { name: /^Mark as not done.*Book the first review/ }).waitFor();
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    await context.close();
  });

  test('a change in one tab shows in the other, and a stale edit is refused', async () => {
    const { page: a, context, seen } = await watchedPage(env);
    const id = await addCase(a, env.url, { name: 'E.F.', reference: 'REF-EF' });
    const b = await context.newPage();
    await openPage(b, env.url + `#/cases/${id}`, 'E.F.');

    // Tab A opens the child's details form; tab B then records an event.
    await a.getByRole('link', { name: "Change the child's details" }).click();
    await a.locator('main h1').filter({ hasText: "Change the child's details" }).waitFor();
    await recordEvent(b, 'E.F.', { kind: 'visit_made', date: '2026-11-05' });

    // A's caseload in a third tab follows without reload.
    const c = await context.newPage();
    await openPage(c, env.url + `#/cases/${id}`, 'E.F.');
    await b.getByLabel("Procedures to follow").selectOption('salford');
    await b.locator('#save-status').filter({ hasText: /^Saved at/ }).waitFor();
    await c.waitForFunction(() => document.querySelector('#profile').value === 'salford');

    // Tab A's form was opened before B's changes: saving it is refused, not applied.
    await a.getByLabel("Child's name or initials").fill('E.F. renamed');
    await a.getByRole('button', { name: 'Save changes' }).click();
    const alert = a.getByRole('alert');
    await alert.getByText(/changed in another tab or window after you opened this page, so your change was not saved/).waitFor();
    assert.match(await a.locator('#save-status').innerText(), /^Not saved\./);

    await b.reload();
    await b.locator('main h1').filter({ hasText: 'E.F.' }).waitFor();
    assert.equal(await b.locator('main h1').innerText(), 'E.F.', 'the stale edit did not overwrite');
    await b.locator('#event-list').getByRole('cell', { name: 'Visit made', exact: true }).waitFor();
    assert.equal(await b.locator('#profile').inputValue(), 'salford');

    // What A typed is still there; saving again applies it to the latest copy, keeping B's changes.
    assert.equal(await a.getByLabel("Child's name or initials").inputValue(), 'E.F. renamed');
    await a.getByRole('button', { name: 'Save changes' }).click();
    await a.locator('main h1').filter({ hasText: 'E.F. renamed' }).waitFor();
    await a.locator('#event-list').getByRole('cell', { name: 'Visit made', exact: true }).waitFor();
    assert.equal(await a.locator('#profile').inputValue(), 'salford');
    await b.locator('main h1').filter({ hasText: 'E.F. renamed' }).waitFor();
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    await context.close();
  });

  test('a malformed backup file is refused with where it is wrong, and nothing changes', async () => {
    const { page, context, seen } = await watchedPage(env);
    const id = await addCase(page, env.url, { name: 'G.H.' });
    await openPage(page, env.url + '#/settings', 'Settings and backup');
    const bad = {
      format: 'care-planner-cases',
      version: 1,
      cases: [
        { id, child: { name: 'Replaced' } },
        { id: 'x2', child: { name: 'X' }, events: [{ id: 'e1', kind: 'visit_made', date: '2026-13-01' }] },
      ],
    };
    await page.getByLabel('Restore from a backup file').setInputFiles(upload('bad.json', JSON.stringify(bad)));
    const alert = page.locator('#import-problems');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.match(text, /bad\.json was not imported, and nothing has changed/);
    assert.match(text, /case 2 \(id "x2"\) › events › 1 › date: "2026-13-01" is not a date/);
    assert.deepEqual(await axeViolations(page), [], 'the refusal is accessible');

    await page.getByLabel('Restore from a backup file').setInputFiles(upload('notes.json', 'not json at all'));
    await alert.getByText(/The file is not valid JSON \(line 1, column 2\)/).waitFor();

    await openPage(page, env.url + `#/cases/${id}`, 'G.H.');
    await openPage(page, env.url + '#/', 'Your caseload');
    assert.equal(await page.locator('#caseload tbody tr').count(), 1, 'no case added or replaced');
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    await context.close();
  });

  test('exporting then importing into a fresh browser profile reproduces every case exactly', async () => {
    const { page, context, seen } = await watchedPage(env);
    await addCase(page, env.url, { name: 'J.K.', reference: 'R-JK', born: '2010-06-15' });
    await recordEvent(page, 'J.K.', { kind: 'placement_started', date: '2026-10-01', placement: 'foster', time: '17:30' });
    await page.getByLabel('What needs doing').fill('Arrange the health assessment');
    await page.getByRole('button', { name: 'Add task' }).click();
    await page.locator('.task-list__item').waitFor();
    await addCase(page, env.url, { name: 'L.M.' });

    await openPage(page, env.url + '#/settings', 'Settings and backup');
    const exported = JSON.parse(await downloadFrom(page, page.getByRole('button', { name: 'Export all cases (2)' })));
    assert.equal(exported.format, 'care-planner-cases');
    assert.equal(exported.cases.length, 2);
    await page.locator('#backup-when').filter({ hasText: 'Last backup from this device:' }).waitFor();
    await openPage(page, env.url + '#/', 'Your caseload');
    assert.equal(await page.locator('#backup-reminder').count(), 0, 'no reminder after a backup');

    // A fresh profile: no cases until the file is imported.
    const { page: fresh, context: other } = await watchedPage(env);
    await openPage(fresh, env.url + '#/settings', 'Settings and backup');
    await fresh.getByLabel('Restore from a backup file').setInputFiles(upload('backup.json', JSON.stringify(exported)));
    const plan = fresh.locator('#import-plan');
    await plan.getByText('2 new cases would be added.').waitFor();
    assert.deepEqual(await axeViolations(fresh), [], 'the import plan is accessible');
    await fresh.getByRole('button', { name: 'Add 2 cases' }).click();
    await fresh.locator('#import-done').getByText('2 added, 0 replaced').waitFor();
    const again = JSON.parse(await downloadFrom(fresh, fresh.getByRole('button', { name: 'Export all cases (2)' })));
    const byId = (cases) => [...cases].sort((x, y) => x.id.localeCompare(y.id));
    assert.deepEqual(byId(again.cases), byId(exported.cases));

    // Importing the same file again changes nothing; a changed copy asks before replacing.
    await fresh.getByLabel('Restore from a backup file').setInputFiles(upload('backup.json', JSON.stringify(exported)));
    await plan.getByText('2 cases are the same on this device and would be left alone.').waitFor();
    const changed = structuredClone(exported);
    changed.cases[0].child.name = 'Renamed';
    await fresh.getByLabel('Restore from a backup file').setInputFiles(upload('changed.json', JSON.stringify(changed)));
    await plan.getByText('1 cases would replace the copy on this device.').waitFor();
    await fresh.getByRole('button', { name: 'Add 0 and replace 1 cases' }).click();
    await fresh.locator('#import-done').getByText('0 added, 1 replaced').waitFor();
    await openPage(fresh, env.url + '#/', 'Your caseload');
    await fresh.locator('#caseload').getByText('Renamed').waitFor();
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    await other.close();
    await context.close();
  });

  test('the event form checks what is typed, and a case can be deleted after confirming', async () => {
    const { page, context, seen } = await watchedPage(env);
    const id = await addCase(page, env.url, { name: 'R.S.' });
    await page.getByRole('link', { name: 'Record an event' }).click();
    await page.locator('main h1').filter({ hasText: 'Record an event' }).waitFor();
    await page.getByLabel('What happened').selectOption('placement_started');
    await page.getByLabel('Day').fill('4');
    await page.getByLabel('Time (optional)').fill('25:00');
    await page.getByRole('button', { name: 'Record event' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    assert.deepEqual(await summary.getByRole('link').allInnerTexts(), [
      'Date must include a month and a year',
      'Enter the time as hours and minutes on the 24-hour clock, such as 17:30',
      'Select the type of placement',
    ]);
    assert.deepEqual(await axeViolations(page), [], 'the event form with its errors is accessible');

    await openPage(page, env.url + `#/cases/${id}`, 'R.S.');
    await page.getByRole('link', { name: 'Delete this case' }).click();
    await page.locator('main h1').filter({ hasText: 'Delete the case of R.S.?' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the confirmation is accessible');
    await page.getByRole('button', { name: 'Delete this case' }).click();
    await page.locator('main h1').filter({ hasText: 'Your caseload' }).waitFor();
    assert.equal(await page.locator(`#caseload tr[data-case="${id}"]`).count(), 0);
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    await context.close();
  });

  test('a browser that refuses storage is told so on every page, and the app still works', async () => {
    const { page, context, seen } = await watchedPage(env);
    // As in a private window where storage is blocked by policy.
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', {
        get() {
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        },
      });
    });
    await openPage(page, env.url + '#/', 'Your caseload');
    const banner = page.getByRole('region', { name: 'Storage warning' });
    await banner.getByText('Cases are not being kept on this device').waitFor();
    assert.match(await banner.innerText(), /private windows and where storage is blocked by policy/);
    assert.deepEqual(await axeViolations(page), [], 'the warning is accessible');
    await addCase(page, env.url, { name: 'T.U.' });
    await page.getByRole('region', { name: 'Storage warning' }).waitFor();
    assert.deepEqual(seen.pageErrors, []);
    await context.close();
  });

  test('when the device is full, the change is not saved, the user is told what to do, and nothing changes', async () => {
    const { page, context, seen } = await watchedPage(env);
    // Storage that fills up once `window.full` is set, as IndexedDB does when over quota.
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (window.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await addCase(page, env.url, { name: 'V.W.' });
    await page.evaluate(() => (window.full = true));
    await page.getByLabel('Procedures to follow').selectOption('salford');
    const status = page.locator('#save-status');
    await status.filter({ hasText: /^Not saved\. This device's storage for Care Planner is full/ }).waitFor();
    assert.match(await page.locator('#case-problem').innerText(), /Export a backup, then free space/);
    assert.equal(await page.locator('#profile').inputValue(), 'national', 'the page shows what is stored');

    await page.evaluate(() => (window.full = false));
    await page.reload();
    await page.locator('main h1').filter({ hasText: 'V.W.' }).waitFor();
    assert.equal(await page.locator('#profile').inputValue(), 'national');
    assert.equal(await page.locator('ol.history li').count(), 1, 'only the creation is in the history');
    assert.deepEqual(seen.pageErrors, []);
    await context.close();
  });

  test('"Delete all data" names what it deletes and then deletes it', async () => {
    const { page, context } = await watchedPage(env);
    await addCase(page, env.url, { name: 'N.O.' });
    await addCase(page, env.url, { name: 'P.Q.' });
    await openPage(page, env.url + '#/settings', 'Settings and backup');
    await page.getByRole('button', { name: 'Delete all data on this device' }).click();
    assert.match(await page.locator('#delete-all-question').innerText(), /This deletes 2 cases from this device/);
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('button', { name: 'Yes, delete 2 cases' }).click();
    await page.locator('#delete-all-done').waitFor();
    await page.reload();
    await openPage(page, env.url + '#/', 'Your caseload');
    await page.locator('#no-cases').waitFor();
    await context.close();
  });
});
