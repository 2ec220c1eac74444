// Importing an authority's own profile: a valid file becomes a choice of procedures on a
// case; a bad file is refused whole with every problem and where it is.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { axeViolations, openPage, useApp, watchedPage } from './harness.mjs';

const upload = (name, json) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });

const MY_COUNCIL = {
  format: 'care-planner-profile',
  version: 1,
  id: 'my-council',
  name: 'My Council',
  documents: [{ id: 'MC-7', title: 'My Council children looked after procedure' }],
  rules: { 'review-1': { period: '10 working days', source: 'MC-7 §4.2' } },
};

describe('importing a profile', () => {
  const env = useApp();

  test('a valid profile can be chosen on a case and sets its dates', async () => {
    const { page, context, seen } = await watchedPage(env);
    await openPage(page, env.url + '#/settings', 'Settings and backup');
    await page.getByLabel('Upload a profile file').setInputFiles(upload('my-council.json', MY_COUNCIL));
    await page.getByRole('heading', { name: 'Imported My Council (my-council)' }).waitFor();
    assert.deepEqual(await page.locator('#imported-profiles li').allTextContents(), ['My Council (my-council)']);
    // Kept on the device: still there after a reload.
    await page.reload();
    await page.locator('#imported-profiles li').filter({ hasText: 'My Council (my-council)' }).waitFor();

    // Same tab: the app keeps the profile while it is open.
    await page.evaluate(() => (location.hash = '#/cases/example-section-20'));
    await page.locator('main h1').filter({ hasText: 'Sam (example)' }).waitFor();
    const before = await page.locator('tr[data-rule="review-1"]').getAttribute('data-due');
    await page.getByLabel('Procedures to follow').selectOption('my-council');
    await page.waitForFunction((old) => document.querySelector('tr[data-rule="review-1"]').dataset.due < old, before);
    const row = page.locator('tr[data-rule="review-1"]');
    await row.getByText('How this was worked out').click();
    const working = await row.locator('.details__text').innerText();
    assert.match(working, /Local \(MC-7 §4\.2\): 10 working days after/);
    assert.deepEqual([...seen.consoleProblems, ...seen.pageErrors], []);
    await context.close();
  });

  test('a bad profile is refused with every problem and where it is, and changes nothing', async () => {
    const { page, context } = await watchedPage(env);
    await openPage(page, env.url + '#/settings', 'Settings and backup');
    const bad = {
      ...MY_COUNCIL,
      rules: {
        'review-1': { period: '10 workdays', source: 'MC-7 §4.2' },
        'review-9': { period: '1 week', source: 'MC-7 §5' },
      },
    };
    await page.getByLabel('Upload a profile file').setInputFiles(upload('bad.json', bad));
    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
    const text = await summary.innerText();
    assert.match(text, /bad\.json was not imported, and nothing has changed/);
    assert.match(text, /rules › review-1 › period: "workdays" is not a unit/);
    assert.match(text, /rules › review-9: is not a rule id of the catalogue/);
    assert.equal(await page.locator('#imported-profiles').count(), 0, 'nothing imported');
    assert.deepEqual(await axeViolations(page), []);

    // The summary's links lead to the upload field without leaving the page.
    await summary.getByRole('link').first().click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'profile-file');
    assert.equal(new URL(page.url()).hash, '#/settings');

    // A built-in profile's id is never replaced.
    await page.getByLabel('Upload a profile file').setInputFiles(upload('salford.json', { ...MY_COUNCIL, id: 'salford' }));
    await page.getByText('"salford" is already the id of a profile on this device').waitFor();
    await page.getByLabel('Upload a profile file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
    await page.getByText('This is not a readable JSON file (line 1, column 2).').waitFor();
    await context.close();
  });
});
