/**
 * Whole-pipeline throughput: read → clean → stories → sentences → tokens → entities → events →
 * store (PGlite in memory, in this process), through `ingest()`, in MB of document text per
 * second of this process's CPU time (one core; PGlite runs in-process, so the database's work is
 * counted). Target: ≥ 1 MB/s.
 *
 * Two corpora of about RASID_BENCH_MB megabytes of text each (default 2):
 * - news: distinct real news text (ANERcorp's training sentences, see writeNewsCorpus), when
 *   ../shared is present;
 * - copies: the seed documents (../shared/seeds, when present) and examples/, copied as distinct
 *   documents: every copy has its own ids and file names and its years shifted (so its events
 *   are other happenings, its raw bytes differ and nothing is 'unchanged'); seeds are given a
 *   publication date per copy (as JSON Lines). Real page structure (HTML, clutter, several
 *   stories), but the same words again and again.
 * Stage times come from IngestSummary.stageMs.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDir, testDatabaseUrl } from '../src/config.ts';
import { ingest } from '../src/app/ingest.ts';
import { buildPipeline, loadResources, type PipelineContext } from '../src/app/pipeline.ts';
import type { Stage } from '../src/nlp/pipeline.ts';
import { ANERCORP_FILE, readTaggedFile } from '../src/nlp/ner/data.ts';
import type { Doc } from '../src/nlp/doc.ts';
import { dropSchema, openStore, type DocSignature, type SaveResult, type Store } from '../src/store/index.ts';
import { localPostgresCpuSeconds, type BenchResult } from './kit.ts';

/** A store that only collects what it is given: the same ingest without the database. */
function nullStore(kept: Array<[Doc, DocSignature]>): Store {
  const saved: SaveResult = { status: 'added', stories: 0, duplicateStories: 0, events: 0, newEvents: 0 };
  return {
    beginRun: async () => 1,
    finishRun: async () => {},
    saveDocuments: async (items: Array<{ doc: Doc; sig: DocSignature }>) =>
      items.map(({ doc, sig }) => {
        kept.push([doc, sig]);
        return { ...saved, stories: doc.stories.length, events: doc.events.length };
      }),
    close: async () => {},
  } as unknown as Store;
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1e6;
}


/** Documents a transaction: ingest's default (IngestOptions.saveBatch). */
const SAVE_BATCH = 32;

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

/** ASCII years 1990–2049 moved by `k` (works on UTF-8, windows-1256 and ISO-8859-6 bytes alike). */
function shiftYears(s: string, k: number): string {
  return s.replace(/(?<!\d)(19[9]\d|20[0-4]\d)(?!\d)/g, (y) => String(Number(y) + k));
}

function latin1(b: Buffer): string {
  return b.toString('latin1');
}

/** Writes copy `k` of the corpus under `dir`; returns its text size estimate in bytes. */
export function writeCopy(dir: string, k: number): number {
  let bytes = 0;
  const seeds = join(sharedDir(), 'seeds');
  if (existsSync(seeds)) {
    const lines = readdirSync(seeds)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f, i) => {
        const text = readFileSync(join(seeds, f), 'utf8');
        bytes += Buffer.byteLength(text);
        const day = new Date(Date.UTC(2020, 0, 1) + (k * 7 + i) * 86_400_000).toISOString().slice(0, 10);
        return JSON.stringify({ id: `${f}#${k}`, date: day, outlet: `bench-${k % 5}`, text: `${text}\n(${k})` });
      });
    writeFileSync(join(dir, `seeds-${k}.jsonl`), lines.join('\n') + '\n');
  }
  for (const f of readdirSync(EXAMPLES).sort()) {
    if (!/\.(txt|html?|jsonl)$/.test(f)) continue;
    const raw = readFileSync(join(EXAMPLES, f));
    if (f.endsWith('.jsonl')) {
      const out = raw
        .toString('utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => {
          const a = JSON.parse(l) as Record<string, unknown>;
          for (const key of ['text', 'html', 'date', 'title']) if (typeof a[key] === 'string') a[key] = shiftYears(a[key] as string, k);
          a.id = `${a.id}-${k}`;
          if (typeof a.url === 'string') a.url = `${a.url}?copy=${k}`;
          bytes += Buffer.byteLength(String(a.text ?? a.html ?? ''));
          return JSON.stringify(a);
        });
      writeFileSync(join(dir, `${k}-${f}`), out.join('\n') + '\n');
    } else {
      writeFileSync(join(dir, `${k}-${f}`), Buffer.from(shiftYears(latin1(raw), k), 'latin1'));
      bytes += raw.length / 2; // markup: roughly half of an HTML page is text
    }
  }
  return bytes;
}

/**
 * Distinct real news text: the ANERcorp training file's sentences (../shared/ner/anercorp, when
 * present; never copied into the repo), in their order, ten to a document, as JSON Lines. Every
 * word is met as often as in real news, so caches keyed by words are measured fairly (the
 * copies corpus repeats the same documents). Returns its text size in bytes.
 */
export function writeNewsCorpus(dir: string, maxBytes: number): number {
  const file = join(sharedDir(), ANERCORP_FILE);
  if (!existsSync(file)) return 0;
  const sentences = readTaggedFile(file).map((s) => s.tokens.join(' ').replace(/ ([.,:;!?،؛؟)»])/g, '$1').replace(/([(«]) /g, '$1'));
  const lines: string[] = [];
  let bytes = 0;
  for (let i = 0; i < sentences.length && bytes < maxBytes; i += 10) {
    const text = sentences.slice(i, i + 10).join('\n');
    bytes += Buffer.byteLength(text);
    const day = new Date(Date.UTC(2006, 0, 1) + (i / 10) * 86_400_000).toISOString().slice(0, 10);
    lines.push(JSON.stringify({ id: `anercorp-${i / 10}`, date: day, outlet: `news-${(i / 10) % 7}`, text }));
  }
  writeFileSync(join(dir, 'news.jsonl'), lines.join('\n') + '\n');
  return bytes;
}

export async function bench(): Promise<BenchResult[]> {
  const targetMb = Number(process.env.RASID_BENCH_MB ?? 2);
  const root = mkdtempSync(join(tmpdir(), 'rasid-pipeline-bench-'));
  try {
    const warm = join(root, 'warm');
    mkdirSync(warm);
    writeCopy(warm, 0);
    // warm-up on another store: lazy loading and JIT do not count
    const { stages, context } = freshPipeline();
    const warmStore = await openStore();
    await ingest(warmStore, stages, context, [warm]);
    await warmStore.close();

    const out: BenchResult[] = [];
    const news = join(root, 'news');
    mkdirSync(news);
    if (writeNewsCorpus(news, targetMb * 1e6) > 0) out.push(...(await measure('news', news)));
    const copies = join(root, 'copies');
    mkdirSync(copies);
    let estimate = 0;
    let n = 0;
    while (estimate < targetMb * 1e6 && n < 2000) estimate += writeCopy(copies, 1 + n++);
    out.push(...(await measure(`copies (${n})`, copies)));
    return out;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Freshly loaded resources for each measured pass: the NER tagger's word cache (src/nlp/ner)
 * must not start warm with the very text a pass measures.
 */
function freshPipeline(): { stages: Stage<PipelineContext>[]; context: PipelineContext } {
  const res = loadResources();
  return { stages: buildPipeline(res), context: res.context };
}

/** The whole pipeline on `corpus`, then its parts: without the store, the store alone (batched and one by one). */
async function measure(label: string, corpus: string): Promise<BenchResult[]> {
  const processed: Array<[Doc, DocSignature]> = [];
  let { stages, context } = freshPipeline();
  const n0 = process.cpuUsage();
  await ingest(nullStore(processed), stages, context, [corpus]);
  const nlpCpu = cpuSeconds(n0);
  // the store alone, on the documents the pipeline made: in batches as ingest saves them, and one by one
  const alone = await openStore();
  const s0 = process.cpuUsage();
  for (let i = 0; i < processed.length; i += SAVE_BATCH) {
    await alone.saveDocuments(processed.slice(i, i + SAVE_BATCH).map(([doc, sig]) => ({ doc, sig })));
  }
  const storeCpu = cpuSeconds(s0);
  await alone.close();
  const single = await openStore();
  const s1 = process.cpuUsage();
  for (const [doc, sig] of processed) await single.saveDocument(doc, sig);
  const singleCpu = cpuSeconds(s1);
  await single.close();

  const store = await openStore();
  try {
    ({ stages, context } = freshPipeline());
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const s = await ingest(store, stages, context, [corpus]);
    const wall = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(cpu0);
    const mb = s.bytes / 1e6;
    const stats = await store.stats();
    const perCore = mb / cpu;
    const out: BenchResult[] = [
      {
        name: `corpus ${label}: ${s.documents.read} docs (${s.documents.added} added, ${s.documents.failed} failed), ${stats.events} events from ${s.reports} reports, ${s.duplicateStories} duplicate stories`,
        value: mb, unit: 'MB text',
      },
      { name: `${label}: whole pipeline, ingest to stored events (CPU time)`, value: perCore, unit: 'MB/s/core', target: '>= 1', ok: perCore >= 1 },
      { name: `${label}: whole pipeline, wall clock`, value: mb / wall, unit: 'MB/s' },
      { name: `${label}: documents`, value: s.documents.read / cpu, unit: 'docs/s/core' },
      { name: `${label}: without the store (read + NLP stages only, CPU time)`, value: mb / nlpCpu, unit: 'MB/s/core' },
      { name: `${label}: store alone, saveDocuments ${SAVE_BATCH} a transaction (CPU time)`, value: mb / storeCpu, unit: 'MB/s/core' },
      { name: `${label}: store alone, documents saved in batches`, value: processed.length / storeCpu, unit: 'docs/s/core' },
      { name: `${label}: store alone, documents saved one a transaction (saveDocument)`, value: processed.length / singleCpu, unit: 'docs/s/core' },
    ];
    const total = Object.values(s.stageMs).reduce((a, b) => a + b, 0);
    for (const [stage, ms] of Object.entries(s.stageMs)) {
      out.push({ name: `${label}: stage ${stage} (${((100 * ms) / total).toFixed(0)}% of stage time)`, value: ms / mb / 1000, unit: 's/MB' });
    }
    out.push({ name: `${label}: read and the rest (outside the stages)`, value: Math.max(0, wall - total / 1000) / mb, unit: 's/MB' });
    out.push(...(await onServer(label, corpus)));
    return out;
  } finally {
    await store.close();
  }
}

/**
 * The whole pipeline storing into the PostgreSQL server of RASID_TEST_DATABASE_URL (a throwaway
 * server, scripts/ci/start-postgres.sh), when it is set and runs on this machine: per core
 * counts this process's CPU and the server processes' CPU.
 */
async function onServer(label: string, corpus: string): Promise<BenchResult[]> {
  const url = testDatabaseUrl();
  if (!url || localPostgresCpuSeconds() === null) return [];
  const { stages, context } = freshPipeline();
  const schema = `rasid_bench_${process.pid}`;
  const store = await openStore({ databaseUrl: url, schema });
  try {
    const cpu0 = process.cpuUsage();
    const pg0 = localPostgresCpuSeconds()!;
    const s = await ingest(store, stages, context, [corpus]);
    const cpu = cpuSeconds(cpu0);
    const pg = localPostgresCpuSeconds()! - pg0;
    if (pg <= 0) return []; // the server is not on this machine
    const mb = s.bytes / 1e6;
    return [
      { name: `${label}: whole pipeline storing into a local PostgreSQL server (CPU of this process + the server)`, value: mb / (cpu + pg), unit: 'MB/s/core', target: '>= 1', ok: mb / (cpu + pg) >= 1 },
      { name: `${label}: of which the server`, value: pg / mb, unit: 's/MB' },
    ];
  } finally {
    await store.close();
    await dropSchema(url, schema);
  }
}
