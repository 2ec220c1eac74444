// The Section 20 admission wizard end to end: completed with the keyboard only, an answer
// changed from "Check your answers", resumed after a reload, and the new case found on the
// caseload with its deadlines; axe-core clean on every step.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { axeViolations, openPage, useApp, watchedPage } from './harness.mjs';

/** Waits for a question page and checks it with axe. */
async function question(page, text) {
  await page.locator('main h1').filter({ hasText: text }).waitFor();
  assert.deepEqual(await axeViolations(page), [], `axe on "${text}"`);
}

/** Chooses a radio by its label with the keyboard, and continues with Enter. */
async function choose(page, label) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
}

async function typeInto(page, label, value) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(value);
}

describe('the Section 20 admission wizard', () => {
  const env = useApp();

  test('completed with the keyboard, changed, resumed, and the case has its deadlines', async () => {
    const { page, context, seen } = await watchedPage(env);
    await openPage(page, env.url + '#/wizards/section-20', 'Section 20 admission');
    await typeInto(page, "Child's name or initials", 'W.Z.');
    await page.getByLabel('Procedures to follow').selectOption('local-a');
    await page.getByRole('button', { name: 'Start now' }).focus();
    await page.keyboard.press('Enter');

    await question(page, 'Is this a planned admission or an emergency?');
    // Continuing without an answer shows the error summary and the inline message.
    await page.getByRole('button', { name: 'Continue' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('Select whether the admission is planned or an emergency').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe with errors');
    await choose(page, 'Planned');

    await question(page, 'Does a full assessment show');
    await choose(page, 'Yes');
    await question(page, 'Who is considering the admission?');
    await choose(page, 'The Strategic Lead (Safeguarding)');
    await question(page, 'What was decided?');
    await choose(page, 'Admit the child to care under section 20');
    await question(page, 'Is there a parent who does not live with the child?');
    await choose(page, 'No');
    await question(page, 'Does anyone with parental responsibility object');
    await choose(page, 'No');

    // Leave midway and come back: the answers so far are kept.
    await question(page, 'Do the parents agreeing to the accommodation have the capacity');
    await page.reload();
    await question(page, 'Do the parents agreeing to the accommodation have the capacity');
    await openPage(page, env.url + '#/', 'Your caseload');
    await page.locator('#in-progress').getByRole('link', { name: 'Continue the section 20 admission for W.Z.' }).click();
    await question(page, 'Do the parents agreeing to the accommodation have the capacity');
    // Back goes to the question before, with its answer kept.
    await page.locator('a.back-link').click();
    await question(page, 'Does anyone with parental responsibility object');
    assert.equal(await page.getByLabel('No', { exact: true }).isChecked(), true);
    await choose(page, 'No');
    await question(page, 'Do the parents agreeing to the accommodation have the capacity');
    await choose(page, 'Yes');

    await question(page, 'When did the child start to be looked after?');
    // A wrong time is reported on the time input, not the date.
    await typeInto(page, 'Day', '2');
    await typeInto(page, 'Month', '3');
    await typeInto(page, 'Year', '2026');
    await typeInto(page, 'Time', '25:00');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByRole('link', { name: 'Enter the time on the 24-hour clock, such as 17:30' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'admitted-at-time');
    await page.getByLabel('Time', { exact: true }).fill('');
    await page.keyboard.type('15:00');
    await page.keyboard.press('Enter');
    await question(page, 'Where is the child placed?');
    await choose(page, 'With a mainstream foster carer');
    await question(page, "Has the child's family been referred for a Family Group Conference?");
    await choose(page, 'Not yet: it is to be made');
    await question(page, 'Which of these has the initial care planning meeting covered?');
    await page.getByLabel('Genogram').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');

    await question(page, 'Check your answers before saving them');
    const check = page.locator('#check-answers');
    assert.match(await check.innerText(), /Where is the child placed\?\s+With a mainstream foster carer/);
    // Change the placement: back to "Check your answers" with the other answers kept.
    await check.getByRole('link', { name: /Change where is the child placed/ }).click();
    await question(page, 'Where is the child placed?');
    await choose(page, 'With an independent fostering agency carer');
    await question(page, 'Check your answers before saving them');
    assert.match(await check.innerText(), /With an independent fostering agency carer/);
    assert.match(await check.innerText(), /Genogram/);

    await page.getByRole('button', { name: 'Confirm and save to the case' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('main h1').filter({ hasText: 'The child is looked after under section 20' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe on the confirmation');
    assert.match(await page.locator('#answers').innerText(), /Where is the child placed\?\s+With an independent fostering agency carer/);
    // 000: placement planning meeting within 5 working days; first review within 15.
    assert.equal(await page.locator('tr[data-rule="placement-planning-meeting"]').getAttribute('data-due'), '2026-03-09');
    assert.equal(await page.locator('tr[data-rule="review-1"]').getAttribute('data-due'), '2026-03-23');

    // Going back to "Check your answers" cannot record the admission twice.
    await page.goto(page.url().replace(/\/done$/, '/check'));
    await page.locator('main h1').filter({ hasText: 'The section 20 admission is finished for W.Z.' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Confirm and save to the case' }).count(), 0);

    await openPage(page, env.url + '#/', 'Your caseload');
    assert.equal(await page.locator('#in-progress').count(), 0, 'no longer in progress');
    const row = page.locator('#caseload tr').filter({ hasText: 'W.Z.' });
    assert.match(await row.innerText(), /Accommodated \(section 20\)/);
    await row.getByRole('link', { name: 'W.Z.' }).click();
    await page.locator('main h1').filter({ hasText: 'W.Z.' }).waitFor();
    assert.equal(await page.locator('#event-list tbody tr').count(), 3);
    await page.locator('.task-list__item').filter({ hasText: 'Refer the family for a Family Group Conference' }).waitFor();
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    assert.deepEqual(seen.foreign(), []);
    await context.close();
  });

  test('an alternative plan ends the wizard with its next step and records no admission', async () => {
    const { page, context } = await watchedPage(env);
    await openPage(page, env.url + '#/wizards/section-20', 'Section 20 admission');
    await page.getByLabel("Child's name or initials").fill('Y.X.');
    await page.getByRole('button', { name: 'Start now' }).click();
    await question(page, 'Is this a planned admission or an emergency?');
    await choose(page, 'An emergency');
    await question(page, 'Who authorised the admission?');
    await page.getByLabel('Who authorised the admission?').fill('A. Manager, Service Manager');
    await page.getByRole('button', { name: 'Continue' }).click();
    await question(page, 'What was decided?');
    await choose(page, 'Seek an interim care order instead');
    await question(page, 'Check your answers before saving them');
    assert.match(await page.locator('#outcome').innerText(), /legal gateway\/planning meeting/);
    await page.getByRole('button', { name: 'Confirm and save to the case' }).click();
    await page.locator('main h1').filter({ hasText: 'Convene a legal gateway or planning meeting' }).waitFor();
    await openPage(page, env.url + '#/', 'Your caseload');
    const row = page.locator('#caseload tr').filter({ hasText: 'Y.X.' });
    assert.match(await row.innerText(), /Not looked after/);
    await context.close();
  });
});
