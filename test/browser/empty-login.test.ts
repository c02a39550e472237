/**
 * The dashboard on an empty database whose server requires login for reads: the login form comes
 * first, a viewer then sees empty states (no errors), and editor-only pages ask for an editor.
 * Headless Chromium against the real server; skips without Chromium.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDashboard, chromiumMissing, launchChromium, screenshotPath } from './browser.ts';

test('a login-only server shows the login form first, then empty states to a viewer', { timeout: 180_000 }, async (t) => {
  const missing = chromiumMissing();
  if (missing) {
    t.skip(missing);
    return;
  }
  const { startDashboardServer } = await import('./server.ts');
  const dist = await buildDashboard();
  const server = await startDashboardServer({ staticDir: dist, seed: false, readsRequireLogin: true });
  await server.createEditor('viewer.browser', 'a viewer password 7', 'viewer');
  const browser = await launchChromium();
  const errors: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/#/events`);
    await page.locator('#login-name').waitFor();
    assert.equal(await page.locator('.event-item, #result-count').count(), 0, 'nothing is read before login');
    await page.fill('#login-name', 'viewer.browser');
    await page.fill('#login-password', 'wrong password');
    await page.click('#login-submit');
    await page.locator('form.login .status', { hasText: 'تعذر الدخول' }).waitFor();
    await page.fill('#login-password', 'a viewer password 7');
    await page.click('#login-submit');
    await page.locator('#logout').waitFor();
    await page.goto(`${server.url}/#/`);
    await page.locator('svg.map').waitFor();
    assert.ok((await page.locator('.empty').count()) >= 2, 'empty partner list, events and actors say so');
    assert.equal(await page.locator('.error').count(), 0);
    await page.screenshot({ path: screenshotPath('09-empty-overview-ar'), fullPage: true });
    await page.goto(`${server.url}/#/events`);
    await page.locator('#result-count[data-total="0"]').waitFor();
    await page.goto(`${server.url}/#/ingest`);
    await page.locator('main a[href^="#/login"]').waitFor();
    assert.equal(await page.locator('#ingest-submit').count(), 0, 'a viewer gets no ingest form');
    await page.click('#logout');
    await page.locator('#login-name').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
