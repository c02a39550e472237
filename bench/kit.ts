/** What every bench module shares: the result row and the Arabic corpus they measure on. */
import { existsSync, readdirSync } from 'node:fs';
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
