// Hostile text is inert: script and markup typed into a name, a reference and a task, and
// brought in by an imported file, are shown as text on every page that shows them, run
// nothing and fetch nothing.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { axeViolations, openPage, upload, useApp, watchedPage } from './harness.mjs';

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload="window.__pwned=3">',
];


describe('hostile text', () => {
  const env = useApp();

  test('typed or imported, markup and script are shown as text and run nothing', async () => {
    const { page, context, seen } = await watchedPage(env);
    for (const [i, payload] of PAYLOADS.entries()) {
      await openPage(page, env.url + '#/cases/new', 'Add a case');
      await page.getByLabel("Child's name or initials").fill(payload);
      await page.getByLabel('Case reference (optional)').fill(`${payload}-ref`);
      await page.getByRole('button', { name: 'Add case' }).click();
      await page.locator('main h1').filter({ hasText: payload }).waitFor();
      await page.getByLabel('What needs doing').fill(`task ${i} ${payload}`);
      await page.getByRole('button', { name: 'Add task' }).click();
      await page.locator('.task-list__item').filter({ hasText: `task ${i}` }).waitFor();
      assert.equal(await page.locator('main h1').innerText(), payload, 'the name, as text');
    }
    // The same text arriving in an imported file.
    const file = {
      format: 'care-planner-cases',
      version: 1,
      exported_at: '2026-11-23T10:00:00Z',
      cases: [{ id: 'imported-1', child: { name: PAYLOADS[0], reference: PAYLOADS[1] }, events: [], tasks: [{ id: 't1', title: PAYLOADS[2] }] }],
    };
    await openPage(page, env.url + '#/settings', 'Settings and backup');
    await page.getByLabel('Restore from a backup file').setInputFiles(upload('hostile.json', JSON.stringify(file)));
    await page.getByRole('button', { name: 'Add 1 case' }).click();
    await page.locator('#import-done').waitFor();

    // Everywhere the text is shown: the caseload, the case, its summary and the request.
    await openPage(page, env.url + '#/', 'Your caseload');
    const caseload = await page.locator('#caseload').innerText();
    for (const payload of PAYLOADS) assert.ok(caseload.includes(payload), payload);
    await openPage(page, env.url + '#/cases/imported-1', PAYLOADS[0]);
    assert.ok((await page.locator('.task-list').innerText()).includes(PAYLOADS[2]));
    await openPage(page, env.url + '#/cases/imported-1/summary', `Case summary: ${PAYLOADS[0]}`);
    assert.deepEqual(await axeViolations(page), []);

    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
    assert.equal(await page.locator('main img, main script, main svg[onload]').count(), 0, 'no element made from the text');
    assert.ok(seen.requests.every((u) => !new URL(u).pathname.endsWith('/x')), 'nothing fetched for the text');
    assert.deepEqual(seen.foreign(), []);
    assert.deepEqual(seen.pageErrors, []);
    await context.close();
  });
});
