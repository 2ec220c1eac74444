// Shared set-up for the end-to-end tests: the release build (dist/) served by the plain
// static server, Debian's Chromium driven by playwright-core, and watchers that record
// every request, console error and page error so each test can assert on them.

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/static-server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every page of the app: its address and the heading it must show. */
export const PAGES = [
  { hash: '#/', h1: 'Your caseload' },
  { hash: '#/cases/new', h1: 'Add a case' },
  { hash: '#/cases/demo-123', h1: 'Case not found' },
  { hash: '#/cases/demo-123/proceedings', h1: 'Case not found' },
  { hash: '#/cases/demo-123/lists/pre-proceedings', h1: 'Case not found' },
  { hash: '#/cases/demo-123/approval-request', h1: 'Case not found' },
  { hash: '#/cases/demo-123/summary', h1: 'Case not found' },
  { hash: '#/cases/demo-123/care-plan', h1: 'Case not found' },
  { hash: '#/cases/example-section-20', h1: 'Sam (example)' },
  { hash: '#/cases/example-proceedings', h1: 'Riley (example)' },
  { hash: '#/cases/example-leaving-care', h1: 'Jordan (example)' },
  { hash: '#/wizards', h1: 'Start a guided procedure' },
  { hash: '#/wizards/section-20', h1: 'Section 20 admission' },
  { hash: '#/wizards/pre-proceedings', h1: 'Pre-proceedings (PLO)' },
  { hash: '#/wizards/ceasing', h1: 'Ceasing to be looked after' },
  { hash: '#/trainer', h1: 'Trainer mode' },
  { hash: '#/trainer/flows/section-20', h1: 'How the section 20 admission flows' },
  { hash: '#/trainer/walkthroughs/pre-proceedings', h1: 'Pre-proceedings (Public Law Outline)' },
  { hash: '#/settings', h1: 'Settings and backup' },
  { hash: '#/settings/passphrase', h1: 'Passphrase lock' },
  { hash: '#/about', h1: 'About Care Planner' },
  { hash: '#/privacy', h1: 'Privacy' },
  { hash: '#/no-such-page', h1: 'Page not found' },
];

/** Starts the server and the browser; returns what tests need, and `close`. */
export async function launch() {
  const { server, url } = await startServer({ root: DIST });
  const browser = await launchBrowser();
  return {
    url,
    origin: new URL(url).origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/** Debian's Chromium, headless, kept from making requests of its own. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      // Without these, Chromium itself calls home; they are not the app's requests.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** For a test suite: launches before its tests, closes after; the fields fill in at launch. */
export function useApp() {
  const env = {};
  before(async () => Object.assign(env, await launch()));
  after(async () => env.close?.());
  return env;
}

/** A new page with its requests, console errors and warnings, and page errors recorded in `seen`. */
export async function watchedPage(env) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const seen = { requests: [], consoleProblems: [], pageErrors: [] };
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('console', (message) => {
    if (['error', 'warning'].includes(message.type())) {
      seen.consoleProblems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => seen.pageErrors.push(String(error)));
  seen.foreign = () => seen.requests.filter((u) => new URL(u).origin !== env.origin);
  return { page, context, seen };
}

/** Opens an address and waits until the app has rendered that page's heading. */
export async function openPage(page, url, expectedH1) {
  await page.goto(url);
  await page.locator('main h1').filter({ hasText: expectedH1 }).waitFor();
}

/** Runs axe-core (WCAG 2.0–2.2 A and AA, plus best practice) and returns its violations. */
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol: the page's CSP, rightly, forbids injecting it.
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    }),
  );
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** Waits for a page whose heading contains `text`, and checks it with axe. */
export async function heading(page, text) {
  await page.locator('main h1').filter({ hasText: text }).waitFor();
  const violations = await axeViolations(page);
  if (violations.length) throw new Error(`axe on "${text}": ${JSON.stringify(violations)}`);
}

/** Chooses a radio by its exact label and continues. */
export async function choose(page, label) {
  await page.getByLabel(label, { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Fills the GOV.UK date input (Day, Month, Year) with an ISO date. */
export async function fillDate(page, iso) {
  const [y, m, d] = iso.split('-');
  await page.getByLabel('Day').fill(String(Number(d)));
  await page.getByLabel('Month').fill(String(Number(m)));
  await page.getByLabel('Year').fill(y);
}

/** Adds a case through the form and waits for its page; returns its id. */
export async function addCase(page, url, { name, reference = '', born = null }) {
  await openPage(page, url + '#/cases/new', 'Add a case');
  await page.getByLabel("Child's name or initials").fill(name);
  await page.getByLabel('Case reference (optional)').fill(reference);
  if (born) {
    const [y, m, d] = born.split('-');
    await page.getByLabel('Day').fill(String(Number(d)));
    await page.getByLabel('Month').fill(String(Number(m)));
    await page.getByLabel('Year').fill(y);
  }
  await page.getByRole('button', { name: 'Add case' }).click();
  await page.locator('main h1').filter({ hasText: name }).waitFor();
  return decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
}

/** Clicks a button that downloads a file and returns the file's text. */
export async function downloadFrom(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFile(await download.path(), 'utf8');
}

export const upload = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

