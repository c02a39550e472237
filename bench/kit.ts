/** What every bench module shares: the result row and the Arabic corpus they measure on. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../src/config.ts';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
}

/** The seed directory (when ../shared is present) and the example documents. */
export function corpusPaths(): string[] {
  const paths: string[] = [];
  const seeds = join(sharedDir(), 'seeds');
  if (existsSync(seeds)) paths.push(seeds);
  const examples = new URL('../examples', import.meta.url).pathname;
  if (existsSync(examples)) {
    for (const f of readdirSync(examples).sort()) if (/\.(txt|html?|jsonl)$/.test(f) && !f.startsWith('gold')) paths.push(join(examples, f));
  }
  return paths;
}

/**
 * CPU seconds used so far by the PostgreSQL server processes running on this machine (Linux
 * /proc; null elsewhere), so that a benchmark against a local server counts the server's work.
 */
export function localPostgresCpuSeconds(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // the process ended meanwhile
    }
    if (!stat.includes('(postgres)')) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}
