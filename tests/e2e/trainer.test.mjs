// Trainer mode: the demonstration caseload (fictional, never mixed with real cases), the
// "pretend today is" clock moving a deadline through its statuses, the demonstration
// caseload's calendar file parsed with ical.js; the walkthroughs moved with the keyboard;
// and the flow diagrams, drawn from the
// wizards' own definitions, whose picture and words agree. axe-core clean.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { axeViolations, heading, openPage, useApp, watchedPage } from './harness.mjs';

describe('trainer mode', () => {
  const env = useApp();

  test('the demonstration caseload, the pretend clock and its calendar export', async () => {
    const { page, context, seen } = await watchedPage(env);
    await openPage(page, env.url + '#/trainer', 'Trainer mode');
    await heading(page, 'Trainer mode');
    const demos = page.locator('#demo-caseload .demo');
    assert.equal(await demos.count(), 5);
    for (const name of await demos.locator('h3').allInnerTexts()) assert.match(name, /\(training\)$/);
    // Moving the clock a day at a time takes Alex's first review from upcoming to due soon
    // to overdue.
    const review = page.locator('.demo[data-case="training-alex"] li[data-rule="review-1"]');
    const seenStatuses = [await review.getAttribute('data-status')];
    for (let day = 0; day < 40 && seenStatuses.at(-1) !== 'overdue'; day++) {
      await page.getByRole('button', { name: 'Forward a day' }).click();
      const status = await review.getAttribute('data-status');
      if (status !== seenStatuses.at(-1)) seenStatuses.push(status);
    }
    assert.equal(seenStatuses[0], 'upcoming');
    assert.ok(seenStatuses.includes('due-soon'), seenStatuses.join(' → '));
    assert.equal(seenStatuses.at(-1), 'overdue');
    assert.ok(seenStatuses.indexOf('due-soon') < seenStatuses.indexOf('overdue'));
    assert.deepEqual(await axeViolations(page), [], 'axe with the clock moved');
    await page.getByRole('button', { name: 'Back to today' }).click();
    assert.equal(await review.getAttribute('data-status'), 'upcoming');

    // The demonstration caseload's deadlines as a calendar file, parsed independently.
    await page.locator('#calendar-export summary').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#calendar-download').click()]);
    const calendar = new ICAL.Component(ICAL.parse(await readFile(await file.path(), 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((v) => ({
      uid: v.getFirstPropertyValue('uid'),
      start: v.getFirstPropertyValue('dtstart').toString(),
      summary: v.getFirstPropertyValue('summary'),
    }));
    assert.ok(events.length >= 10, `${events.length} events`);
    assert.ok(events.every((e) => e.uid.startsWith('training-') && /^(Done: )?TRAINING-/.test(e.summary)));
    const shown = await page.locator('#demo-caseload li[data-due]').evaluateAll((items) =>
      items.map((li) => ({ caseId: li.closest('.demo').dataset.case, rule: li.dataset.rule, due: li.dataset.due })));
    for (const s of shown) {
      assert.ok(events.some((e) => e.uid.startsWith(`${s.caseId}.${s.rule}.`) && e.start === s.due), `${s.caseId} ${s.rule} ${s.due}`);
    }
    // Never mixed with real cases: the caseload has none of them.
    await openPage(page, env.url + '#/', 'Your caseload');
    assert.doesNotMatch(await page.locator('main').innerText(), /\(training\)/);
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    assert.deepEqual(seen.foreign(), []);
    await context.close();
  });

  test('a walkthrough, one step per screen, moved with the keyboard', async () => {
    const { page, context, seen } = await watchedPage(env);
    await openPage(page, env.url + '#/trainer', 'Trainer mode');
    await page.locator('#walkthroughs').getByRole('link', { name: 'Care proceedings (26 weeks)' }).click();
    await heading(page, 'Care proceedings (26 weeks)');
    const position = page.locator('#walk-position');
    const title = page.locator('#walk-step h2');
    assert.equal(await position.innerText(), 'Step 1 of 8');
    assert.equal(await title.innerText(), 'Care planning meeting one');
    await page.keyboard.press('ArrowRight');
    assert.equal(await position.innerText(), 'Step 2 of 8');
    await page.keyboard.press('End');
    assert.equal(await title.innerText(), 'Proceedings disposed of');
    assert.match(await page.locator('#walk-when').innerText(), /^26 weeks beginning with/);
    await page.keyboard.press('ArrowRight');
    assert.equal(await position.innerText(), 'Step 8 of 8', 'stays on the last step');
    await page.keyboard.press('Home');
    assert.equal(await position.innerText(), 'Step 1 of 8');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await position.innerText(), 'Step 1 of 8', 'stays on the first step');
    // The timescale follows the chosen procedures: local-a sets the end of week 18 (18 weeks
    // beginning with the issue date); national sets nothing.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    assert.equal(await title.innerText(), 'Care planning meeting three');
    assert.match(await page.locator('#walk-when').innerText(), /^18 weeks beginning with/);
    await page.getByLabel('Procedures to follow').selectOption('national');
    assert.equal(await page.locator('#walk-when').innerText(), 'Not set by these procedures');
    assert.match(await page.locator('#walk-step blockquote').innerText(), /This will usually be at week 18 of the proceedings\./);
    // The presenter view: large type for a room.
    const presenter = page.getByRole('button', { name: 'Presenter view' });
    await presenter.click();
    assert.equal(await presenter.getAttribute('aria-pressed'), 'true');
    const size = await title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(size >= 40, `presenter heading ${size}px`);
    assert.deepEqual(await axeViolations(page), [], 'axe in the presenter view');
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    await context.close();
  });

  test('each wizard has a diagram that follows the chosen procedures', async () => {
    const { page, context, seen } = await watchedPage(env);
    await openPage(page, env.url + '#/trainer', 'Trainer mode');
    await page.locator('#flows').getByRole('link', { name: 'Section 20 admission' }).click();
    await heading(page, 'How the section 20 admission flows');
    const boxes = page.locator('.flow__node');
    const steps = page.locator('#flow-steps > li');
    assert.equal(await boxes.count(), await steps.count(), 'one box per step in words');
    assert.ok(await boxes.count() > 15);
    const first = await steps.first().innerText();
    assert.match(first, /Is this a planned admission or an emergency\?/);
    assert.match(first, /Planned: Does a full assessment show/);
    assert.match(first, /An emergency: Who is considering the admission\?/);
    assert.equal(await page.locator('[data-node="decision-meeting"]').count(), 0);
    // Leicestershire's procedures: the Children's Decision Meeting decides.
    await page.getByLabel('Procedures to follow').selectOption('leicestershire');
    await page.locator('[data-node="decision-meeting"]').waitFor();
    assert.equal(await page.locator('[data-node="authorised-by"]').count(), 0);
    assert.match(await page.locator('#flow-steps').innerText(), /Who made the decision to accommodate\?/);
    // The other two wizards.
    for (const [slug, title] of [['pre-proceedings', 'pre-proceedings (PLO) wizard'], ['ceasing', 'ceasing to be looked after wizard']]) {
      await openPage(page, `${env.url}#/trainer/flows/${slug}`, `How the ${title} flows`);
      await heading(page, `How the ${title} flows`);
      assert.equal(await page.locator('.flow__node').count(), await page.locator('#flow-steps > li').count());
      assert.ok(await page.locator('.flow__node--outcome').count() >= 7);
    }
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    assert.deepEqual(seen.foreign(), []);
    await context.close();
  });
});
