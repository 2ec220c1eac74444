// The passphrase lock: setting it encrypts every case in IndexedDB; a reload is locked and
// the lock screen shows nothing about the cases; a wrong passphrase is refused; the app
// locks itself when left unused; changing and removing the passphrase re-encrypt; backups
// can be encrypted with a passphrase of their own.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addCase, downloadFrom, heading, openPage, upload, useApp, watchedPage } from './harness.mjs';

const NAME = 'Zebediah Quill';
const PASSPHRASE = 'apple pear plum';

/** Every value stored in every object store of Care Planner's database, as JSON text. */
async function storedText(page) {
  return page.evaluate(async () => {
    const db = await new Promise((ok, fail) => {
      const request = indexedDB.open('care-planner');
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    const stores = [...db.objectStoreNames];
    const values = await Promise.all(
      stores.map(
        (name) =>
          new Promise((ok, fail) => {
            const request = db.transaction(name).objectStore(name).getAll();
            request.onsuccess = () => ok(request.result);
            request.onerror = () => fail(request.error);
          }),
      ),
    );
    db.close();
    return JSON.stringify(Object.fromEntries(stores.map((s, i) => [s, values[i]])));
  });
}

/** Sets a passphrase from the Settings page and waits until every case is encrypted. */
async function setPassphrase(page, url, passphrase) {
  await openPage(page, url + '#/settings', 'Settings and backup');
  await page.getByRole('link', { name: 'Set a passphrase' }).click();
  await heading(page, 'Passphrase lock');
  await page.getByLabel('New passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('The new passphrase again').fill(passphrase);
  await page.getByRole('button', { name: 'Set passphrase and encrypt the cases' }).click();
  await page.locator('#passphrase-done').filter({ hasText: 'The passphrase lock is on' }).waitFor();
}

async function unlock(page, passphrase) {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

async function assertLockedScreenShowsNothing(page, id) {
  await heading(page, 'Care Planner is locked');
  const text = await page.locator('body').innerText();
  assert.ok(!text.includes(NAME), 'the lock screen does not show the name');
  assert.ok(!text.includes(id), 'nor the case id');
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'no navigation while locked');
  assert.equal(await page.title(), 'Care Planner is locked – Care Planner');
}

describe('passphrase lock', () => {
  const env = useApp();

  test('set a passphrase: nothing readable is left, a reload is locked, only the right passphrase unlocks', async () => {
    const { page, context, seen } = await watchedPage(env);
    const id = await addCase(page, env.url, { name: NAME, reference: 'ZQ-1' });
    assert.ok((await storedText(page)).includes(NAME), 'before: kept in plain text');

    // Refused first: too short, then not the same twice.
    await openPage(page, env.url + '#/settings/passphrase', 'Passphrase lock');
    await page.getByLabel('New passphrase', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Set passphrase and encrypt the cases' }).click();
    await page.getByRole('alert').getByText('Passphrase must be 10 characters or more').waitFor();
    await heading(page, 'Passphrase lock');
    await page.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('The new passphrase again').fill(PASSPHRASE + 'x');
    await page.getByRole('button', { name: 'Set passphrase and encrypt the cases' }).click();
    await page.getByRole('alert').getByText('The two passphrases are not the same').waitFor();
    assert.ok(!(await storedText(page)).includes('sealed'), 'a refused passphrase changes nothing');

    await setPassphrase(page, env.url, PASSPHRASE);
    await heading(page, 'Passphrase lock');
    const stored = await storedText(page);
    assert.ok(!stored.includes(NAME) && !stored.includes('ZQ-1'), 'no plain copy of the case is left');
    assert.ok(!stored.includes('"json"'), 'no record keeps its JSON');
    assert.match(stored, /iterations\\+":600000/, "the lock record asks for 600,000 iterations");
    // Still unlocked in this tab.
    await openPage(page, env.url + '#/', 'Your caseload');
    await page.getByRole('link', { name: NAME }).waitFor();

    await page.reload();
    await assertLockedScreenShowsNothing(page, id);
    // Every address shows the lock screen.
    await page.goto(env.url + `#/cases/${id}`);
    await assertLockedScreenShowsNothing(page, id);

    await unlock(page, 'apple pear plums');
    await page.getByRole('alert').getByText('That passphrase is not the right one').waitFor();
    await assertLockedScreenShowsNothing(page, id);

    await unlock(page, PASSPHRASE);
    await heading(page, NAME);
    await page.locator('main').getByText('ZQ-1').first().waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', 'focus on the page that is back');
    // The tab's title (kept in the browser's history) never names the child.
    assert.equal(await page.title(), 'A case – Care Planner');

    // A second tab opens locked, and is unlocked on its own.
    const second = await context.newPage();
    await second.goto(env.url + '#/');
    await assertLockedScreenShowsNothing(second, id);
    await unlock(second, PASSPHRASE);
    await heading(second, 'Your caseload');
    await second.getByRole('link', { name: NAME }).waitFor();

    // "Lock" forgets the key and every case at once, in every tab.
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await assertLockedScreenShowsNothing(page, id);
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', 'the lock screen is announced');
    await assertLockedScreenShowsNothing(second, id);

    assert.deepEqual(seen.foreign(), []);
    assert.deepEqual(seen.pageErrors, []);
    assert.deepEqual(seen.consoleProblems, []);
    await context.close();
  });

  test('left unused for the chosen time, the app locks itself', async () => {
    const { page, context, seen } = await watchedPage(env);
    await page.clock.install();
    const id = await addCase(page, env.url, { name: NAME });
    await setPassphrase(page, env.url, PASSPHRASE);
    await page.getByLabel('1 minute').check();
    await page.locator('#idle-saved').filter({ hasText: 'lock after 1 minute' }).waitFor();
    await heading(page, 'Passphrase lock');
    await openPage(page, env.url + `#/cases/${id}`, NAME);

    await page.clock.fastForward('00:45');
    await page.locator('main h1').filter({ hasText: NAME }).waitFor();
    await page.clock.fastForward('00:30');
    await assertLockedScreenShowsNothing(page, id);

    // Use resets the clock: unlocked again, kept busy, it stays open.
    await unlock(page, PASSPHRASE);
    await heading(page, NAME);
    await page.clock.fastForward('00:50');
    await page.keyboard.press('Shift');
    await page.clock.fastForward('00:50');
    await page.locator('main h1').filter({ hasText: NAME }).waitFor();
    assert.equal(await page.locator('#unlock').count(), 0);

    assert.deepEqual(seen.foreign(), []);
    assert.deepEqual(seen.pageErrors, []);
    await context.close();
  });

  test('changing the passphrase re-encrypts; removing the lock decrypts', async () => {
    const { page, context, seen } = await watchedPage(env);
    const id = await addCase(page, env.url, { name: NAME });
    await setPassphrase(page, env.url, PASSPHRASE);
    const before = await storedText(page);

    await page.getByLabel('The passphrase you use now').first().fill('not the passphrase');
    await page.getByLabel('New passphrase', { exact: true }).fill('new words for the lock');
    await page.getByLabel('The new passphrase again').fill('new words for the lock');
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.getByRole('alert').getByText('The current passphrase is not the right one').waitFor();
    assert.equal(await storedText(page), before, 'a wrong current passphrase changes nothing');

    await page.getByLabel('The passphrase you use now').first().fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.locator('#passphrase-done').filter({ hasText: 'The passphrase has been changed' }).waitFor();
    const after = await storedText(page);
    assert.notEqual(after, before);
    assert.ok(!after.includes(NAME));

    await page.reload();
    await assertLockedScreenShowsNothing(page, id);
    await unlock(page, PASSPHRASE);
    await page.getByRole('alert').getByText('That passphrase is not the right one').waitFor();
    await unlock(page, 'new words for the lock');
    await heading(page, 'Passphrase lock');

    await page.locator('#remove-passphrase').fill('new words for the lock');
    await page.getByRole('button', { name: 'Remove the lock' }).click();
    await page.locator('#passphrase-done').filter({ hasText: 'The passphrase lock is off' }).waitFor();
    assert.ok((await storedText(page)).includes(NAME), 'the case is kept in plain text again');
    await page.reload();
    await heading(page, 'Passphrase lock');
    await page.getByRole('button', { name: 'Set passphrase and encrypt the cases' }).waitFor();

    assert.deepEqual(seen.foreign(), []);
    assert.deepEqual(seen.pageErrors, []);
    assert.deepEqual(seen.consoleProblems, []);
    await context.close();
  });

  test('an encrypted backup opens only with its passphrase and restores the cases', async () => {
    const { page, context, seen } = await watchedPage(env);
    await addCase(page, env.url, { name: NAME, reference: 'ZQ-9' });
    await setPassphrase(page, env.url, PASSPHRASE);
    await openPage(page, env.url + '#/settings', 'Settings and backup');
    // With a lock on, encryption is already chosen.
    assert.equal(await page.getByLabel('Encrypt the backup with a passphrase').isChecked(), true);
    await page.getByRole('button', { name: 'Export all cases (1)' }).click();
    await page.getByRole('alert').getByText('Enter a passphrase').waitFor();
    await heading(page, 'Settings and backup');
    await page.getByLabel('Passphrase for this backup').fill('backup words here');
    await page.getByLabel('The passphrase again').fill('backup words here');
    const text = await downloadFrom(page, page.getByRole('button', { name: 'Export all cases (1)' }));
    const file = JSON.parse(text);
    assert.equal(file.format, 'care-planner-encrypted-backup');
    assert.equal(file.kdf.iterations, 600000);
    assert.equal(file.cipher.name, 'AES-GCM');
    assert.ok(!text.includes(NAME) && !text.includes('ZQ-9'), 'nothing readable in the file');

    // On a new device (a new browser context): asked for the passphrase, wrong refused.
    const other = await env.browser.newContext();
    const fresh = await other.newPage();
    await openPage(fresh, env.url + '#/settings', 'Settings and backup');
    await fresh.getByLabel('Restore from a backup file').setInputFiles(upload('backup.json', text));
    await fresh.getByLabel("The backup's passphrase").fill('backup words hero');
    await fresh.getByRole('button', { name: 'Open the backup' }).click();
    await fresh.getByRole('alert').getByText('That passphrase does not open this backup').waitFor();
    await heading(fresh, 'Settings and backup');
    await fresh.getByLabel("The backup's passphrase").fill('backup words here');
    await fresh.getByRole('button', { name: 'Open the backup' }).click();
    await fresh.locator('#import-plan').getByText(NAME).waitFor();
    await fresh.getByRole('button', { name: 'Add 1 cases' }).click();
    await fresh.locator('#import-done').waitFor();
    await openPage(fresh, env.url + '#/', 'Your caseload');
    await fresh.getByRole('link', { name: NAME }).waitFor();

    // A damaged one is refused, saying where.
    const damaged = JSON.stringify({ ...file, kdf: { ...file.kdf, iterations: 1000 } });
    await openPage(fresh, env.url + '#/settings', 'Settings and backup');
    await fresh.getByLabel('Restore from a backup file').setInputFiles(upload('weak.json', damaged));
    await fresh.locator('#import-problems').getByText('kdf › iterations').waitFor();
    await other.close();

    assert.deepEqual(seen.foreign(), []);
    assert.deepEqual(seen.pageErrors, []);
    await context.close();
  });
});
