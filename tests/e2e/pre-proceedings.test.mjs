// The pre-proceedings (PLO) wizard end to end under local-a's procedures: confirmed at the
// letter stage, then brought up to date to the issue of proceedings; the care proceedings
// timetable with every milestone in its week, moved by an extension and printed on one
// page; the "Before proceedings" task list whose statuses survive a reload. axe-core on
// every page.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { axeViolations, choose, fillDate, heading, openPage, useApp, watchedPage } from './harness.mjs';



async function tick(page, labels) {
  for (const label of labels) await page.getByLabel(label, { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function enterDate(page, iso) {
  await fillDate(page, iso);
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function confirm(page, outcome) {
  await heading(page, 'Check your answers before saving them');
  await page.getByRole('button', { name: 'Confirm and save to the case' }).click();
  await heading(page, outcome);
}

/** The tracker's row for a rule: [label, date, week, status]. */
async function row(page, rule) {
  const cells = page.locator(`#milestones tr[data-rule="${rule}"]`).locator('th, td');
  const texts = await cells.allInnerTexts();
  return [texts[1].split('\n')[0], texts[2], texts[3], texts[4]];
}

async function pdfPages(page) {
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
  await page.emulateMedia({ media: 'screen' });
  return (pdf.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

describe('the pre-proceedings wizard and the care proceedings timetable', () => {
  const env = useApp();

  test('run to "issue proceedings", then every milestone of the timetable', async () => {
    const { page, context, seen } = await watchedPage(env);
    await openPage(page, env.url + '#/wizards/pre-proceedings', 'Pre-proceedings (PLO)');
    await page.getByLabel("Child's name or initials").fill('P.L.');
    await page.getByLabel('Procedures to follow').selectOption('local-a');
    await page.getByRole('button', { name: 'Start now' }).click();

    await heading(page, 'Why are you considering the Public Law Outline for this child?');
    await choose(page, 'Their circumstances have deteriorated and the current plan does not protect them enough');
    await heading(page, 'What did the Service Manager Panel recommend?');
    await choose(page, 'Follow the Public Law Outline: send a letter before proceedings');
    await heading(page, 'When was the Public Law Outline recommended?');
    await enterDate(page, '2026-01-05');
    await heading(page, 'Has the legal gateway or planning meeting been held?');
    await choose(page, 'Yes');
    await heading(page, 'When was the legal gateway or planning meeting held?');
    await enterDate(page, '2026-01-09');
    await heading(page, 'Did the meeting agree that the Public Law Outline should be followed?');
    await choose(page, 'Yes');
    await heading(page, 'Which of these does the letter before proceedings do?');
    // "None of these yet" stands alone.
    await tick(page, ['Sets out the concerns', 'None of these yet']);
    await page.getByRole('alert').getByText('Select \u201cNone of these yet\u201d, or the items that apply, not both').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe with errors');
    await page.getByLabel('None of these yet', { exact: true }).uncheck();
    await tick(page, ['Sets out the support being offered']);
    await heading(page, 'Has the letter before proceedings been sent to the parents?');
    await choose(page, 'No');

    // Confirmed at the letter stage: what is recorded so far, and the letter's deadline.
    await heading(page, 'Check your answers before saving them');
    const changes = await page.locator('#changes').innerText();
    assert.match(changes, /Record \u201cPLO recommended\u201d on Mon 5 Jan 2026/i);
    assert.match(changes, /Record \u201cLegal gateway meeting held\u201d on Fri 9 Jan 2026/i);
    assert.match(changes, /Add the task \u201cLetter before proceedings: is written in a way and language the parents can understand\u201d/);
    await confirm(page, 'Send the letter before proceedings');
    assert.equal(await page.locator('tr[data-rule="plo-letter"]').getAttribute('data-due'), '2026-01-16');
    const caseId = page.url().match(/pre-proceedings\/([^/]+)\/done/)[1];

    // Weeks later: the letter went, the meeting was held, the review decided to issue.
    await page.goto(`${env.url}#/wizards/pre-proceedings/${caseId}`);
    await heading(page, 'The pre-proceedings (PLO) wizard is finished for P.L.');
    await page.getByRole('button', { name: 'Change the answers' }).click();
    await heading(page, 'Check your answers before saving them');
    await page.locator('#check-answers').getByRole('link', { name: /Change has the letter before proceedings been sent/ }).click();
    await heading(page, 'Has the letter before proceedings been sent to the parents?');
    await choose(page, 'Yes');
    await heading(page, 'When was the letter before proceedings sent?');
    await enterDate(page, '2026-01-14');
    await heading(page, 'Has the PLO meeting been held?');
    await choose(page, 'Yes, with the parents');
    await heading(page, 'When was the PLO meeting held?');
    await enterDate(page, '2026-02-02');
    await heading(page, 'What was agreed at the PLO meeting?');
    await tick(page, ['A plan of further work to safeguard the child', 'The review date, usually 3 months from the meeting']);
    await heading(page, 'Which of these have been done during the PLO period?');
    await tick(page, ['None of these yet']);
    await heading(page, 'Have the social workers and the local authority solicitor met to review progress against the plan?');
    await choose(page, 'Yes');
    await heading(page, 'When did the social workers and the solicitor meet?');
    await enterDate(page, '2026-04-06');
    await heading(page, 'What did the PLO review meeting decide?');
    await choose(page, 'Apply for care proceedings now: little or no progress');
    await heading(page, 'When was the PLO review meeting held?');
    await enterDate(page, '2026-05-01');
    await heading(page, 'Have care proceedings been issued?');
    await choose(page, 'Yes');
    await heading(page, 'When were care proceedings issued?');
    await enterDate(page, '2026-05-11');
    await heading(page, 'Check your answers before saving them');
    const update = await page.locator('#changes').innerText();
    assert.match(update, /Record \u201cProceedings issued\u201d on Mon 11 May 2026/i);
    assert.doesNotMatch(update, /Legal gateway meeting held/i, 'already recorded');
    await confirm(page, 'Care proceedings are issued');

    await page.locator('#tracker-link').click();
    await heading(page, 'Care proceedings timetable');
    const summary = await page.locator('#tracker-summary').innerText();
    assert.match(summary, /Issued\s+Mon 11 May 2026/);
    assert.match(summary, /End of the timetable\s+Sun 8 Nov 2026 \(the end of week 26\)/);
    // Every milestone local-a sets, in its week (week 1 begins with the issue date).
    assert.deepEqual(await row(page, 'proceedings-26-weeks'), ['Care proceedings disposed of', 'Sun 8 Nov 2026', '26', await page.locator('#milestones tr[data-rule="proceedings-26-weeks"] .tag').innerText()]);
    assert.deepEqual((await row(page, 'care-planning-meeting-3')).slice(1, 3), ['Sun 13 Sep 2026', '18']);
    assert.deepEqual((await row(page, 'review-3-proceedings')).slice(1, 3), ['Sun 20 Sep 2026', '19']);
    assert.deepEqual((await row(page, 'care-planning-meeting-2')).slice(1, 4), ['Not yet known', '–', 'Waiting']);
    const parents = page.locator('#milestones tr[data-kind="step"]');
    assert.match(await parents.innerText(), /Meeting with the parents to tell them the proposed care plan/);
    assert.equal(await parents.getAttribute('data-week'), '18');
    const ruleRows = await page.locator('#milestones tr[data-rule]').evaluateAll((rows) => rows.map((r) => r.dataset.rule));
    for (const rule of ['initial-care-planning-meeting', 'review-1', 'care-planning-meeting-2', 'review-2', 'care-planning-meeting-3', 'review-3-proceedings', 'proceedings-26-weeks']) {
      assert.ok(ruleRows.includes(rule), `${rule} in ${ruleRows}`);
    }
    // The rules local-a does not set are listed apart, not dropped.
    assert.deepEqual(await page.locator('#not-set li').evaluateAll((li) => li.map((l) => l.dataset.rule).sort()),
      ['court-documents-to-managers', 'final-care-planning-meeting', 'sgo-report']);
    // The picture numbers one marker per dated milestone and marks today.
    const dated = await page.locator('#milestones tbody tr').evaluateAll((rows) => rows.filter((r) => r.dataset.week).length);
    assert.equal(await page.locator('.tracker__marker').count(), dated);
    assert.equal(await page.locator('.tracker__today').count(), 1);
    assert.equal(await pdfPages(page), 1, 'the timetable prints on one page');

    // The court grants an extension of 8 weeks: the end moves, and so do the weeks.
    await page.getByRole('link', { name: 'Record a hearing, the filing date, an extension or a meeting held' }).click();
    await page.locator('main h1').filter({ hasText: 'Record an event' }).waitFor();
    await page.getByLabel('What happened').selectOption('extension_granted');
    await page.getByLabel('Day').fill('1');
    await page.getByLabel('Month').fill('10');
    await page.getByLabel('Year').fill('2026');
    await page.getByLabel('Length of the extension, in weeks').fill('8');
    await page.getByRole('button', { name: 'Record event' }).click();
    await page.locator('main h1').filter({ hasText: 'P.L.' }).waitFor();
    await page.locator('#tracker-link').click();
    await heading(page, 'Care proceedings timetable');
    assert.match(await page.locator('#tracker-summary').innerText(), /End of the timetable\s+Sun 3 Jan 2027 \(the end of week 34\)/);
    assert.deepEqual((await row(page, 'proceedings-26-weeks')).slice(1, 3), ['Sun 3 Jan 2027', '34']);
    const extension = page.locator('#milestones tr[data-kind="court"]').filter({ hasText: 'Extension of 8 weeks granted' });
    assert.equal(await extension.getAttribute('data-week'), '21');
    assert.equal(await pdfPages(page), 1, 'still one page with the extension');

    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    assert.deepEqual(seen.foreign(), []);
    await context.close();
  });

  test('the "Before proceedings" task list keeps its statuses across a reload', async () => {
    const { page, context } = await watchedPage(env);
    await openPage(page, env.url + '#/wizards/pre-proceedings', 'Pre-proceedings (PLO)');
    await page.getByLabel("Child's name or initials").fill('T.L.');
    await page.getByRole('button', { name: 'Start now' }).click();
    await heading(page, 'Why are you considering the Public Law Outline for this child?');
    const caseId = page.url().match(/pre-proceedings\/([^/]+)/)[1];

    await page.goto(`${env.url}#/cases/${caseId}/lists/pre-proceedings`);
    await heading(page, 'Before proceedings');
    assert.equal(await page.locator('#progress').innerText(), 'You have completed 0 of 9 items.');
    assert.equal(await page.locator('.checklist__item').count(), 9);
    const item = (id) => page.locator(`.checklist__item[data-item="${id}"]`);
    assert.equal(await item('assessment').getAttribute('data-status'), 'not-started');

    await item('assessment').getByRole('link').click();
    await heading(page, 'An up-to-date assessment');
    await page.getByLabel('In progress', { exact: true }).check();
    await page.getByRole('button', { name: 'Save and return to the list' }).click();
    await heading(page, 'Before proceedings');
    assert.equal(await item('assessment').getAttribute('data-status'), 'in-progress');

    await item('statement').getByRole('link', { name: 'Initial social work statement' }).click();
    await heading(page, 'Initial social work statement');
    await page.getByLabel('Completed', { exact: true }).check();
    await page.getByRole('button', { name: 'Save and return to the list' }).click();
    await heading(page, 'Before proceedings');
    assert.equal(await page.locator('#progress').innerText(), 'You have completed 1 of 9 items.');

    await page.reload();
    await heading(page, 'Before proceedings');
    assert.equal(await item('assessment').getAttribute('data-status'), 'in-progress');
    assert.equal(await item('statement').getAttribute('data-status'), 'completed');
    assert.equal(await item('interim-care-plan').getAttribute('data-status'), 'not-started');
    // The item's page says since when.
    await item('assessment').getByRole('link').click();
    await heading(page, 'An up-to-date assessment');
    assert.match(await page.locator('#status-hint').innerText(), /Started on /);
    assert.equal(await page.getByLabel('In progress', { exact: true }).isChecked(), true);

    // On the case: the count, and each status change in the history.
    await page.goto(`${env.url}#/cases/${caseId}`);
    await page.locator('main h1').filter({ hasText: 'T.L.' }).waitFor();
    assert.match(await page.locator('#procedures').innerText(), /Before proceedings task list \(1 of 9 completed\)/);
    assert.equal(await page.locator('ol.history li').filter({ hasText: /Before proceedings/ }).count(), 2);
    await context.close();
  });
});
