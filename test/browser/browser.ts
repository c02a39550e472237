/** Shared helpers of the browser tests and the dashboard bench: Chromium, the dashboard build. */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_DIST = join(ROOT, 'web', 'dist');
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');

/** Why browser tests cannot run here, or null when they can. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} is absent (run scripts/ci/install-chromium.sh)`;
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

async function isFresh(): Promise<boolean> {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return false;
  const sources = Math.max(
    await newestMtime(join(ROOT, 'web', 'src')),
    ...['index.html', 'vite.config.ts'].map((f) => statSync(join(ROOT, 'web', f)).mtimeMs),
  );
  return statSync(index).mtimeMs > sources;
}

/**
 * Builds web/ into web/dist with Vite unless the build is newer than every source file. Test
 * files run in parallel processes, so one builds while the others wait on a lock directory.
 */
export async function buildDashboard(): Promise<string> {
  const lock = join(ROOT, 'web', '.build-lock');
  for (let waited = 0; ; waited += 250) {
    if (await isFresh()) return WEB_DIST;
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 180_000) throw new Error(`dashboard build lock ${lock} held for 3 minutes (remove it if no build runs)`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (await isFresh()) return WEB_DIST;
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    await promisify(execFile)(process.execPath, [vite, 'build', join(ROOT, 'web')], { cwd: ROOT, timeout: 120_000 });
    return WEB_DIST;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}
