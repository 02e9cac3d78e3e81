/**
 * End-to-end tests of the web UI in a real headless Chromium (Debian's chromium package, driven
 * by playwright-core; never a downloaded browser). The server runs in-process on loopback with
 * an in-memory store of hand-written fixture documents. Screenshots go to test-artifacts/.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../src/server/index.js';
import type { Store } from '../src/store/index.js';
import { openStore } from '../src/store/index.js';
import { PASTE_TEXT, SCRIPT_TEXT, fixtureDocuments } from './server.fixtures.js';

const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const WEB_SRC = join(process.cwd(), 'web');
const WEB_OUT = join(process.cwd(), 'dist', 'web');

/** Newest modification time under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the bundle when it is missing or older than its sources. */
function ensureWebBuilt(): void {
  const index = join(WEB_OUT, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(WEB_SRC)) return;
  execFileSync(process.execPath, [join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
}

let store: Store;
let server: RunningServer;
let context: BrowserContext;
let profile: string;
const problems: string[] = [];

before(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set PARLEY_CHROMIUM`);
  }
  ensureWebBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  store = await openStore(':memory:');
  await store.ingest(fixtureDocuments());
  // The threads view needs a thread on the board: the fixtures' articles make one.
  if (!(await store.threads()).length) throw new Error('the fixture articles made no thread');
  server = await startServer({ store, host: '127.0.0.1', port: 0, apiKey: null, handleSignals: false, logger: false });
  profile = mkdtempSync(join(tmpdir(), 'parley-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
  // Nothing may leave loopback: the UI must work offline.
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1' || u.protocol === 'data:') return route.continue();
    problems.push(`request to another origin: ${u.href}`);
    return route.abort();
  });
});

after(async () => {
  await context?.close();
  await server?.close();
  await store?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function openPage(hash: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  await page.goto(`${server.url}/${hash}`);
  await page.waitForSelector('[data-ready="true"]', { timeout: 15_000 });
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `ui-${name}.png`), fullPage: true });

// [view, what must be on it]
const VIEWS: [string, string][] = [
  ['articles', '.article-text'],
  ['events', 'table.events tbody tr'],
  ['timeline', 'svg.chart rect[data-type="ASSAULT"]'],
  ['network', 'svg.network .node'],
  ['map', 'svg.map circle[data-place="Odesa"]'],
  ['threads', '[data-thread] .history li'],
  ['read', 'textarea[name="text"]'],
];

for (const [view, selector] of VIEWS) {
  test(`ui › the ${view} view loads and draws its content`, async () => {
    const before = problems.length;
    const page = await openPage(`#/${view}`);
    try {
      assert.ok(await page.locator(selector).count() > 0, `${selector} on #/${view}`);
      assert.equal(await page.locator('#nav a.active').textContent(), view === 'read' ? 'Read' : view[0].toUpperCase() + view.slice(1));
      await shot(page, view);
      assert.deepEqual(problems.slice(before), []);
    } finally {
      await page.close();
    }
  });
}

test('ui › the map draws the Natural Earth countries from the bundle', async () => {
  const page = await openPage('#/map');
  try {
    assert.ok(await page.locator('svg.map path.country').count() > 150);
  } finally {
    await page.close();
  }
});

test('ui › a filter narrows the events table and the CSV download follows it', async () => {
  const page = await openPage('#/events');
  try {
    assert.equal(await page.locator('table.events tbody tr').count(), 4);
    await page.selectOption('select[name="type"]', 'ASSAULT');
    await page.click('form.filters button[type="submit"]');
    await page.waitForFunction(() => document.querySelectorAll('table.events tbody tr').length === 1);
    assert.match(await page.locator('table.events tbody tr').first().textContent() ?? '', /shelled/);
    const href = await page.getAttribute('[data-testid="csv"]', 'href');
    assert.match(href ?? '', /format=csv/);
    assert.match(href ?? '', /type=ASSAULT/);
    const csv = await (await page.request.get(`${server.url}${href}`)).text();
    assert.equal(csv.trim().split('\n').length, 2);
    await page.fill('input[name="country"]', 'ken');
    await page.selectOption('select[name="type"]', '');
    await page.click('form.filters button[type="submit"]');
    await page.waitForFunction(() => document.querySelectorAll('table.events tbody tr').length === 1 && /signed/.test(document.querySelector('table.events tbody')?.textContent ?? ''));
    await shot(page, 'events-filtered');
  } finally {
    await page.close();
  }
});

test('ui › an article opens with its highlights, and a trigger opens its event card', async () => {
  const page = await openPage('#/events?type=ASSAULT');
  try {
    await page.click('table.events tbody tr a');
    await page.waitForSelector('[data-view="article"][data-ready="true"]');
    const text = page.locator('[data-testid="article-text"]');
    assert.match(await text.textContent() ?? '', /^Moldova has asked Romania/);
    assert.equal(await text.locator('.m-trigger').count(), 3);
    assert.ok(await text.locator('.m-actor').count() >= 5);
    assert.ok(await text.locator('.m-time').count() >= 3);
    assert.ok(await text.locator('.m-quote').count() >= 1);
    // Opened from the table, the event is already selected; choose another by its trigger.
    assert.match(await page.locator('.event-card.selected').textContent() ?? '', /ASSAULT/);
    await text.locator('.m-trigger', { hasText: 'welcomed' }).click();
    const card = page.locator('.event-card.selected');
    assert.match(await card.textContent() ?? '', /SUPPORT/);
    assert.match(await card.textContent() ?? '', /support\.welcome/);
    assert.match(await card.textContent() ?? '', /Elena Varga/);
    assert.ok(await text.locator('.evidence').count() > 0);
    await shot(page, 'article');
  } finally {
    await page.close();
  }
});

test('ui › a <script> inside an article is displayed as text and never runs', async () => {
  const page = await openPage('#/article/fixture-script');
  try {
    const text = page.locator('[data-testid="article-text"]');
    assert.equal(await text.textContent(), SCRIPT_TEXT);
    assert.equal(await text.locator('script, img').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned), undefined);
    assert.equal(await page.locator('.article-title').textContent(), 'Markup <b>inside</b> a title');
    await shot(page, 'article-script');
  } finally {
    await page.close();
  }
});

test('ui › a pasted article is read and shown with its events panel', async () => {
  const page = await openPage('#/read');
  try {
    await page.fill('textarea[name="text"]', PASTE_TEXT);
    await page.fill('input[name="published"]', '2025-02-03');
    await page.click('form.read-form button[type="submit"]');
    await page.waitForSelector('.read-result [data-testid="article-text"]', { timeout: 30_000 });
    assert.equal(await page.locator('.read-result [data-testid="article-text"]').textContent(), PASTE_TEXT);
    assert.match(await page.locator('.status-line').textContent() ?? '', /Read \d+ characters/);
    assert.match(await page.locator('.read-result .meta').first().textContent() ?? '', /Published 2025-02-03/);
    await shot(page, 'read');
  } finally {
    await page.close();
  }
});

test('ui › a country taken from the sentence is shown as such on the event card', async () => {
  const page = await openPage('#/read');
  try {
    await page.fill('textarea[name="text"]', 'Separatist rebels attacked a police station in northern Mali on Sunday.');
    await page.click('form.read-form button[type="submit"]');
    await page.waitForSelector('.read-result .party small.inferred', { timeout: 30_000 });
    const inferred = page.locator('.read-result .party small.inferred').first();
    assert.match(await inferred.textContent() ?? '', /MLI\/REB \(from the sentence\)/);
    assert.match(await inferred.getAttribute('title') ?? '', /not said of this party/);
  } finally {
    await page.close();
  }
});

test('ui › "Read and store" stores the pasted article and links to it', async () => {
  const page = await openPage('#/read');
  try {
    const text = PASTE_TEXT.replace('Monday', 'Thursday');
    await page.fill('textarea[name="text"]', text);
    await page.click('form.read-form button.secondary');
    await page.waitForSelector('.status-line a', { timeout: 30_000 });
    assert.match(await page.locator('.status-line').textContent() ?? '', /Stored as/);
    await page.click('.status-line a');
    await page.waitForSelector('[data-view="article"][data-ready="true"]');
    assert.equal(await page.locator('.article-main [data-testid="article-text"]').textContent(), text);
    assert.match(await page.locator('#stats').textContent() ?? '', /^4 articles/);
  } finally {
    await page.close();
  }
});

test('ui › with an API key on the server, the read box asks for it and then reads', async () => {
  const keyed = await startServer({ store, host: '127.0.0.1', port: 0, apiKey: 'ui-test-key', handleSignals: false, logger: false });
  const page = await context.newPage();
  try {
    await page.goto(`${keyed.url}/#/read`);
    await page.waitForSelector('[data-ready="true"]');
    await page.fill('textarea[name="text"]', PASTE_TEXT);
    await page.click('form.read-form button[type="submit"]');
    await page.waitForSelector('.status-line .error');
    assert.match(await page.locator('.status-line').textContent() ?? '', /unauthorized/);
    assert.ok(await page.locator('.key-row').isVisible());
    await page.fill('input[name="key"]', 'ui-test-key');
    await page.click('form.read-form button[type="submit"]');
    await page.waitForSelector('.read-result [data-testid="article-text"]', { timeout: 30_000 });
    await shot(page, 'read-api-key');
  } finally {
    await page.close();
    await keyed.close();
  }
});

test('ui › the page loads nothing from another origin', () => {
  assert.deepEqual(problems.filter((p) => p.startsWith('request to another origin')), []);
});
