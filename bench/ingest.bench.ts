/**
 * Speed of the ingest path: read (decode, HTML extraction, JSON Lines) + clean (furniture) +
 * segment (stories), over the seed documents in ../shared and the examples/ corpus when present,
 * read again and again from disk (page cache) for about a second per measurement. Also the
 * clean+segment stages alone on the decoded texts, and story signatures (MinHash) for dedup.
 * Throughput is counted in input bytes per second of CPU time (one core). Targets: ≥ 1 MB/s for the whole read path (HTML pages
 * dominate), ≥ 5 MB/s for clean+segment, ≥ 2 MB/s for signatures.
 */
import type { Doc } from '../src/nlp/doc.ts';
import { buildLineStats, cleanStage } from '../src/ingest/clean.ts';
import { storySignature } from '../src/ingest/dedup.ts';
import { readInputs } from '../src/ingest/read.ts';
import { storiesStage } from '../src/ingest/stories.ts';
import { type BenchResult, corpusPaths } from './kit.ts';



async function readAll(paths: string[]): Promise<Doc[]> {
  const docs: Doc[] = [];
  for await (const item of readInputs(paths)) if (item.kind === 'doc') docs.push(item.doc);
  return docs;
}

function processBatch(docs: Doc[]): void {
  const ctx = { lineStats: buildLineStats(docs) };
  for (const doc of docs) storiesStage.run(cleanStage.run(doc, ctx), ctx);
}

const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * Runs `fn` for at least `minMs` of wall time and returns MB per second of this process's CPU
 * time (user + system), so that other processes sharing the machine do not skew the figure.
 */
async function timed(minMs: number, fn: () => Promise<number> | number): Promise<number> {
  let bytes = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  do bytes += await fn();
  while (performance.now() - t0 < minMs);
  const cpu = process.cpuUsage(cpu0);
  return bytes / 1e6 / ((cpu.user + cpu.system) / 1e6);
}

export async function bench(): Promise<BenchResult[]> {
  const paths = corpusPaths();
  if (paths.length === 0) return [{ name: 'no input (../shared/seeds and examples/ absent)', value: 0, unit: 'docs' }];
  const first = await readAll(paths);
  const rawBytes = first.reduce((n, d) => n + (d.raw?.length ?? utf8Bytes(d.text)), 0);
  const textBytes = first.reduce((n, d) => n + utf8Bytes(d.text), 0);
  processBatch(first); // warm-up

  const full = await timed(1000, async () => {
    processBatch(await readAll(paths));
    return rawBytes;
  });
  const stages = await timed(1000, () => {
    processBatch(first.map((d) => ({ ...d, furniture: [], stories: [] })));
    return textBytes;
  });
  const storyTexts = first.flatMap((d) => d.stories.map((s) => d.text.slice(s.start, s.end)));
  const storyBytes = storyTexts.reduce((n, t) => n + utf8Bytes(t), 0);
  const sigs = await timed(500, () => {
    for (const t of storyTexts) storySignature(t);
    return storyBytes;
  });
  return [
    { name: `corpus: ${first.length} docs, ${first.reduce((n, d) => n + d.stories.length, 0)} stories`, value: rawBytes / 1024, unit: 'KiB' },
    { name: 'read+clean+segment', value: full, unit: 'MB/s', target: '>= 1', ok: full >= 1 },
    { name: 'clean+segment', value: stages, unit: 'MB/s', target: '>= 5', ok: stages >= 5 },
    { name: 'story signatures (MinHash 128)', value: sigs, unit: 'MB/s', target: '>= 2', ok: sigs >= 2 },
  ];
}
