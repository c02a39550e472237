/**
 * First paint of the dashboard on localhost: the real server over a store seeded with examples/,
 * a fresh headless Chromium context per run, first-contentful-paint from the Performance API and
 * the time until the overview's recent events are listed. Skips (no rows) without Chromium.
 */
import { buildDashboard, chromiumMissing, launchChromium } from '../test/browser/browser.ts';

const RUNS = 5;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function bench(): Promise<Array<{ name: string; value: number; unit: string; target?: string; ok?: boolean }>> {
  if (chromiumMissing()) return [];
  const { startDashboardServer } = await import('../test/browser/server.ts');
  const dist = await buildDashboard();
  const server = await startDashboardServer({ staticDir: dist, seed: true });
  const browser = await launchChromium();
  const fcp: number[] = [];
  const ready: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/`, { waitUntil: 'load' });
      await page.locator('.event-item').first().waitFor();
      const t = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        ready: performance.now(),
      }));
      fcp.push(t.fcp);
      ready.push(t.ready);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const f = median(fcp);
  const r = median(ready);
  return [
    { name: `dashboard first-contentful-paint (median of ${RUNS})`, value: Math.round(f), unit: 'ms', target: '<= 1500 ms', ok: f <= 1500 },
    { name: `dashboard overview with events listed (median of ${RUNS})`, value: Math.round(r), unit: 'ms' },
  ];
}
