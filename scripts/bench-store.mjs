// Benchmarks the case store in the release build, in headless Chromium: loading 1,000
// cases from IndexedDB and rendering the caseload, and saving one case. Prints a Markdown
// report on standard output (scripts/bench.sh writes it into docs/performance.md).
// Usage: node scripts/bench-store.mjs  (after `trunk build --release`)

import { chromium } from 'playwright-core';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './static-server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CASES = 1000;
const LOADS = 7;
const SAVES = 15;

/** A fictional caseload: each case a year of history, dated before `today`. */
function caseload(today) {
  const day = (offset) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const cases = [];
  for (let i = 0; i < CASES; i++) {
    const start = -400 + (i % 300);
    const events = [
      { id: 'e1', kind: 'became_looked_after', date: day(start), basis: i % 3 ? 'care_order' : 's20' },
      { id: 'e2', kind: 'placement_started', date: day(start), time: '15:00', placement: 'foster' },
      { id: 'e3', kind: 'review_held', date: day(start + 19) },
      { id: 'e4', kind: 'review_held', date: day(start + 100) },
    ];
    for (let v = 0; v < 8; v++) events.push({ id: `v${v}`, kind: 'visit_made', date: day(start + 7 + v * 40) });
    const born = day(-365 * (2 + (i % 15)) - (i % 200));
    const history = events.map((e) => ({ at: '2026-01-01T09:00:00.000Z', summary: `Added ${e.kind}`, after: { event: e } }));
    cases.push({ id: `bench-${i}`, revision: 1, child: { name: `Child ${i}`, reference: `B-${i}`, date_of_birth: born }, profile: 'national', events, tasks: [], history });
  }
  return { format: 'care-planner-cases', version: 1, exported_at: new Date().toISOString(), cases };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

const { server, url } = await startServer({ root: join(ROOT, 'dist') });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url + '#/settings');
  await page.locator('main h1').filter({ hasText: 'Settings and backup' }).waitFor();
  const file = JSON.stringify(caseload(new Date()));
  await page.locator('#cases-file').setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByRole('button', { name: `Add ${CASES} cases` }).click({ timeout: 120_000 });
  await page.locator('#import-done').waitFor({ timeout: 120_000 });

  const loads = [];
  for (let run = 0; run < LOADS; run++) {
    await page.goto(url + '#/');
    await page.reload();
    await page.waitForFunction((n) => document.querySelectorAll('#caseload tbody tr').length === n, CASES, { polling: 'raf', timeout: 120_000 });
    loads.push(await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return { open: at('care-planner:store-open'), loaded: at('care-planner:cases-loaded'), shown: performance.now() };
    }));
  }

  await page.goto(url + '#/cases/bench-0');
  await page.locator('main h1').filter({ hasText: 'Child 0' }).waitFor();
  const saves = [];
  for (let run = 0; run < SAVES; run++) {
    const choice = run % 2 ? 'national' : 'salford';
    await page.waitForTimeout(100); // the page idle before each save; not timed
    saves.push(await page.evaluate((value) => new Promise((done) => {
      const status = document.querySelector('#save-status');
      const select = document.querySelector('#profile');
      const changes = () => document.querySelectorAll('ol.history li').length;
      const before = changes();
      const started = performance.now();
      // Saved, and the page shows the change in the case's history.
      const watch = new MutationObserver(() => {
        if (/^Saved at/.test(status.textContent) && changes() === before + 1) {
          watch.disconnect();
          done(performance.now() - started);
        }
      });
      watch.observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true });
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }), choice));
  }

  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage);
  console.log(`${CASES} cases of 12 events and 12 history entries each (${(file.length / 1e6).toFixed(1)} MB as a backup file; IndexedDB reports ${(usage / 1e6).toFixed(1)} MB used).`);
  console.log('');
  console.log(`| measure | median | fastest | slowest | runs |`);
  console.log(`|---|---:|---:|---:|---:|`);
  const row = (name, xs) => console.log(`| ${name} | ${ms(median(xs))} | ${ms(Math.min(...xs))} | ${ms(Math.max(...xs))} | ${xs.length} |`);
  row('page start → store open', loads.map((l) => l.open));
  row('store open → 1,000 cases read and checked', loads.map((l) => l.loaded - l.open));
  row('cases read → caseload rendered (schedules of all 1,000)', loads.map((l) => l.shown - l.loaded));
  row('page start → caseload rendered', loads.map((l) => l.shown));
  row('save one case (change → "Saved at" and the history updated)', saves);
  await context.close();
} finally {
  await browser.close();
  server.close();
}
