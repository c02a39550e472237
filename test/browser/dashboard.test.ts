/**
 * The dashboard in real headless Chromium against the real server and a database seeded by
 * ingesting examples/. Screenshots go to test-output/screenshots/. Skips when Chromium is absent
 * (scripts/ci/install-chromium.sh installs it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDashboard, chromiumMissing, launchChromium } from './browser.ts';
import { browseStep, englishStep, eventStep, filterStep, ingestStep, overviewStep, reviewStep, type FlowOptions } from './flow.ts';

test('the dashboard walks from the overview to a corrected event in headless Chromium', { timeout: 300_000 }, async (t) => {
  const missing = chromiumMissing();
  if (missing) {
    t.skip(missing);
    return;
  }
  const { startDashboardServer } = await import('./server.ts');
  const dist = await buildDashboard();
  const server = await startDashboardServer({ staticDir: dist, seed: true });
  const editor = { name: 'editor.browser', password: 'correct horse battery staple 42' };
  await server.createEditor(editor.name, editor.password);
  const browser = await launchChromium();
  const problems: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'ar' });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
    });
    page.on('response', async (r) => {
      if (r.status() >= 400) problems.push(`${r.request().method()} ${r.url().slice(server.url.length)} → ${r.status()} ${await r.text().catch(() => '')}`);
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) problems.push(`external request: ${r.url()}`);
    });
    const opts: FlowOptions = { baseUrl: server.url, editor, step: (s) => t.diagnostic(s) };
    let id = 0;
    await t.test('overview: partner map, timeline and recent events, Arabic right-to-left', () => overviewStep(page, opts));
    await t.test('event list: type filter and instant text search', async () => {
      id = await filterStep(page, opts);
    });
    await t.test('event page: source text with the evidence highlighted in place', () => eventStep(page, opts, id));
    await t.test('one click switches the interface to English', () => englishStep(page, opts));
    await t.test('dyad page and actor directory', () => browseStep(page, opts));
    await t.test('an editor logs in, corrects the event and sees the audit entry', () => reviewStep(page, opts, id));
    await t.test('pasted text is ingested from the browser with job progress', () => ingestStep(page, opts));
    assert.deepEqual(problems, [], 'no script errors, CSP violations or requests leaving the server');
  } finally {
    await browser.close();
    await server.close();
  }
});
