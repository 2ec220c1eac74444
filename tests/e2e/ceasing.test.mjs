// The ceasing to be looked after wizard end to end for a 16-year-old accommodated under
// section 20 under Salford's procedures: the age, time looked after and eligible-child
// status worked out from the case, the Strategic Director's approval route with its source,
// the steps as tasks, and the approval request in print preview. axe-core on every page.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { choose, fillDate, heading, openPage, useApp, watchedPage } from './harness.mjs';




describe('the ceasing to be looked after wizard', () => {
  const env = useApp();

  test('a 16-year-old accommodated child: route, tasks and the approval request', async () => {
    const { page, context, seen } = await watchedPage(env);
    // A young person born on 1 June 2010, accommodated on 1 September 2026, under Salford's
    // procedures.
    await openPage(page, env.url + '#/cases/new', 'Add a case');
    await page.getByLabel("Child's name or initials").fill('C.L.');
    await page.getByLabel('Case reference (optional)').fill('SAL-16');
    await fillDate(page, '2010-06-01');
    await page.getByRole('button', { name: 'Add case' }).click();
    await page.locator('main h1').filter({ hasText: 'C.L.' }).waitFor();
    const caseId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
    await page.getByLabel('Procedures to follow').selectOption('salford');
    await page.locator('#save-status').filter({ hasText: /^Saved at/ }).waitFor();
    await page.getByRole('link', { name: 'Record an event' }).click();
    await page.locator('main h1').filter({ hasText: 'Record an event' }).waitFor();
    await page.getByLabel('What happened').selectOption('became_looked_after');
    await fillDate(page, '2026-09-01');
    await page.getByLabel('Legal basis').selectOption('s20');
    await page.getByRole('button', { name: 'Record event' }).click();
    await page.locator('main h1').filter({ hasText: 'C.L.' }).waitFor();

    await openPage(page, env.url + '#/wizards/ceasing', 'Ceasing to be looked after');
    await page.getByLabel('Which child is this for?').selectOption(caseId);
    await page.getByRole('button', { name: 'Start now' }).click();
    await heading(page, 'Is the child going to stop being looked after');
    await choose(page, 'It is planned');
    await heading(page, 'When is the child due to stop being looked after?');
    await fillDate(page, '2027-01-15');
    await page.getByRole('button', { name: 'Continue' }).click();
    // Legal status, age and eligibility come from the case: not asked.
    await heading(page, 'Is the young person moving to an unregulated placement');
    await choose(page, 'No');
    await heading(page, 'Where will the child live?');
    await choose(page, 'Somewhere else: with family or friends, or on their own');
    await heading(page, 'Which of these does the assessment do?');
    for (const item of ['It has been completed or updated', 'It states why the child should stop being looked after', 'It says how the child will be safeguarded']) {
      await page.getByLabel(item, { exact: true }).check();
    }
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading(page, "Have the child's wishes and feelings been found out and taken into account?");
    await choose(page, 'Yes');
    await heading(page, 'Has the independent reviewing officer reviewed the assessment and the plan?');
    await choose(page, 'Yes');
    await heading(page, 'Will a looked-after review be held before the child stops being looked after?');
    // Salford requires the review for a 16 or 17-year-old: "not practicable" stops there.
    await choose(page, 'No, it is not practicable');
    await heading(page, 'Check your answers before saving them');
    assert.match(await page.locator('#outcome').innerText(), /require a looked-after review/);
    await page.locator('#check-answers').getByRole('link', { name: /Change will a looked-after review be held/ }).click();
    await heading(page, 'Will a looked-after review be held before the child stops being looked after?');
    await choose(page, 'Yes, it is booked');
    await heading(page, 'Has the pathway plan been completed or updated?');
    await choose(page, 'No');
    await heading(page, 'Has the decision been approved?');
    await choose(page, 'Not yet asked for');

    await heading(page, 'Check your answers before saving them');
    const facts = await page.locator('main').innerText();
    assert.match(facts, /From the case, on Fri 15 Jan 2027/);
    assert.match(facts, /Age on the day\s+16/);
    assert.match(facts, /Looked after in this period\s+\d+ working days, since Tue 1 Sep 2026/);
    assert.match(facts, /Eligible child\s+Yes\./);
    const route = await page.locator('#approval-route').innerText();
    assert.match(route, /Approves\s+The Strategic Director for Children's and Adult Services, after the relevant Head of Service/);
    assert.match(route, /Source: Permanence Planning Policy \(3\.1\.3\), §10/);
    assert.match(route, /Looked-after review\s+Required before the child stops being looked after/);
    const changes = await page.locator('#changes').innerText();
    assert.match(changes, /Add the task \u201cComplete or update the pathway plan\u201d/);
    assert.match(changes, /Add the task \u201cGet approval before the child stops being looked after\. Approver: The Strategic Director for Children's and Adult Services/);
    assert.match(changes, /Add the task \u201cAssessment: it says what support and services the child and family need\u201d/);
    await page.getByRole('button', { name: 'Confirm and save to the case' }).click();
    await heading(page, 'Ask for approval before the child stops being looked after');

    await page.locator('#request-link').click();
    await heading(page, 'Ceasing to be looked after: approval request \u2013 aged 16 or 17');
    const request = await page.locator('#request').innerText();
    for (const expected of [/Name\s+C\.L\./, /Case reference\s+SAL-16/, /Date of birth\s+Tue 1 Jun 2010/, /Legal status\s+Accommodated \(section 20\)/,
      /When is the child due to stop being looked after\?\s+Fri 15 Jan 2027/, /Has the pathway plan been completed or updated\?\s+No/,
      /Approves\s+The Strategic Director/]) {
      assert.match(request, expected);
    }
    // The approver's decision is left blank.
    const blanks = await page.locator('#decision .request__blank').allInnerTexts();
    assert.equal(blanks.length, 6);
    assert.ok(blanks.every((t) => t.trim() === ''));
    // Print preview: no navigation or buttons, the request and the decision kept.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.header nav').isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Print the request' }).isVisible(), false);
    assert.equal(await page.locator('#decision').isVisible(), true);
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    assert.ok((pdf.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length >= 1);
    await page.emulateMedia({ media: 'screen' });

    // On the case: the steps as tasks due on the planned day; nothing recorded as ended.
    await page.goto(`${env.url}#/cases/${caseId}`);
    await page.locator('main h1').filter({ hasText: 'C.L.' }).waitFor();
    const tasks = await page.locator('.task-list').innerText();
    assert.match(tasks, /Complete or update the pathway plan/);
    assert.match(tasks, /Hold a looked-after review before the child stops being looked after \(required\)/);
    assert.equal(await page.locator('#event-list tbody tr').count(), 1);
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    assert.deepEqual(seen.foreign(), []);
    await context.close();
  });
});
