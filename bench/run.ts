/**
 * Runs every bench/*.bench.ts (or those named on the command line) and prints one table.
 * Each bench module exports `bench(): Promise<BenchResult[]>`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { BenchResult } from './kit.ts';

export type { BenchResult } from './kit.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

let failed = 0;
const rows: string[][] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { bench: () => Promise<BenchResult[]> };
  process.stderr.write(`running ${file} ...\n`);
  const results = await mod.bench();
  for (const r of results) {
    if (r.ok === false) failed++;
    const value = Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(2);
    rows.push([file.replace('.bench.ts', ''), r.name, `${value} ${r.unit}`, r.target ?? '', r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED']);
  }
}
const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r[i].length), 6));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
console.log(`${rows.length} measurements, ${failed} below target`);
process.exitCode = failed > 0 ? 1 : 0;
