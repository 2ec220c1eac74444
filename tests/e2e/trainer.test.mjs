// Trainer mode's flow diagrams: drawn from the wizards' own definitions, the picture and
// the list in words agree, and changing the procedures changes the route; axe-core clean.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { heading, openPage, useApp, watchedPage } from './harness.mjs';

describe('trainer mode: flow diagrams', () => {
  const env = useApp();

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
