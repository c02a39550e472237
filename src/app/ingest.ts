/**
 * The main job: read inputs, run the pipeline on each document, store it in one transaction.
 * One bad input or one failing document is reported and the batch goes on.
 */
import { createHash } from 'node:crypto';
import type { Doc } from '../nlp/doc.ts';
import { runPipeline, type Stage, type StageTiming } from '../nlp/pipeline.ts';
import { buildLineStats, readInputs, storySignature, type InputItem, type ReadOptions } from '../ingest/index.ts';
import type { DocSignature, SaveResult, Store } from '../store/index.ts';
import type { PipelineContext } from './pipeline.ts';
import type { ActorRegistry } from '../nlp/actors/index.ts';
import { syncActors } from './actors.ts';

export interface IngestError {
  origin: string;
  line?: number;
  /** Self-contained message that names the file (and line). */
  message: string;
}

export interface IngestSummary {
  runId: number;
  inputs: string[];
  documents: { read: number; added: number; replaced: number; unchanged: number; failed: number };
  stories: number;
  duplicateStories: number;
  /** Event reports found in the documents. */
  reports: number;
  /** Reports that created a new event (the rest joined an existing one). */
  newEvents: number;
  errors: IngestError[];
  warnings: Array<{ origin: string; message: string }>;
  bytes: number;
  seconds: number;
  stageMs: Record<string, number>;
}

export interface IngestProgress {
  documents: number;
  stories: number;
  events: number;
  errors: number;
}

export interface IngestOptions {
  read?: ReadOptions;
  /** Documents read before the cross-document furniture pre-pass runs on them (memory bound). */
  batchSize?: number;
  /**
   * Processed documents saved together in one transaction (default 32; 1 = one transaction per
   * document). A batch the store refuses is saved again one document at a time, so that only
   * the bad document fails.
   */
  saveBatch?: number;
  onProgress?: (p: IngestProgress) => void;
  /** When given, the actor registry and the persons discovered in this run are written to the store's actor table. */
  actors?: ActorRegistry;
}

/** Signature the store uses for idempotency and story de-duplication. */
export function documentSignature(doc: Doc): DocSignature {
  const rawHash = createHash('sha256')
    .update(doc.raw ?? doc.text)
    .update('\0' + JSON.stringify(doc.meta.title ?? '') + (doc.meta.published ?? ''))
    .digest('hex');
  return { rawHash, stories: doc.stories.map((s) => storySignature(doc.text.slice(s.start, s.end))) };
}

export async function ingest(
  store: Store,
  stages: Stage<PipelineContext>[],
  ctx: PipelineContext,
  paths: string[],
  opts: IngestOptions = {},
): Promise<IngestSummary> {
  const t0 = performance.now();
  const batchSize = opts.batchSize ?? 200;
  const runId = await store.beginRun(paths);
  const summary: IngestSummary = {
    runId,
    inputs: paths,
    documents: { read: 0, added: 0, replaced: 0, unchanged: 0, failed: 0 },
    stories: 0,
    duplicateStories: 0,
    reports: 0,
    newEvents: 0,
    errors: [],
    warnings: [],
    bytes: 0,
    seconds: 0,
    stageMs: {},
  };
  const progress = () =>
    opts.onProgress?.({
      documents: summary.documents.read,
      stories: summary.stories,
      events: summary.reports,
      errors: summary.errors.length,
    });

  const saveBatch = Math.max(1, opts.saveBatch ?? 32);
  let pending: Doc[] = [];
  const save = async () => {
    await saveDocs(store, pending, runId, summary);
    for (let i = 0; i < pending.length; i++) progress();
    pending = [];
  };
  let batch: Doc[] = [];
  const flush = async () => {
    const lineStats = buildLineStats(batch);
    for (const input of batch) {
      const doc = processOne(stages, { ...ctx, lineStats }, input, summary);
      if (!doc) {
        progress();
        continue;
      }
      pending.push(doc);
      if (pending.length >= saveBatch) await save();
    }
    await save();
    batch = [];
  };

  for await (const item of readInputs(paths, opts.read) as AsyncGenerator<InputItem>) {
    if (item.kind === 'error') {
      summary.errors.push({ origin: item.origin, line: item.line, message: item.message });
      summary.documents.failed++;
      progress();
      continue;
    }
    summary.documents.read++;
    summary.bytes += Buffer.byteLength(item.doc.text, 'utf8');
    batch.push(item.doc);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  if (opts.actors) {
    const t1 = performance.now();
    await syncActors(store, opts.actors);
    summary.stageMs.actors = performance.now() - t1;
  }

  summary.seconds = (performance.now() - t0) / 1000;
  await store.finishRun(runId, {
    counts: {
      documents: summary.documents.read,
      added: summary.documents.added,
      replaced: summary.documents.replaced,
      unchanged: summary.documents.unchanged,
      failed: summary.documents.failed,
      stories: summary.stories,
      reports: summary.reports,
      newEvents: summary.newEvents,
    },
    errors: summary.errors.map((e) => ({ input: e.line ? `${e.origin}:${e.line}` : e.origin, message: e.message })),
  });
  return summary;
}

/** Runs the pipeline on one document; a failure is counted and reported, and gives null. */
function processOne(stages: Stage<PipelineContext>[], ctx: PipelineContext, input: Doc, summary: IngestSummary): Doc | null {
  try {
    const timings: StageTiming[] = [];
    const doc = runPipeline(input, stages, ctx, timings);
    for (const t of timings) summary.stageMs[t.stage] = (summary.stageMs[t.stage] ?? 0) + t.ms;
    return doc;
  } catch (err) {
    failed(summary, input, err);
    return null;
  }
}

/** Saves processed documents in one transaction; when the store refuses the batch, one by one. */
async function saveDocs(store: Store, docs: Doc[], runId: number, summary: IngestSummary): Promise<void> {
  if (!docs.length) return;
  const t1 = performance.now();
  const items = docs.map((doc) => ({ doc, sig: documentSignature(doc) }));
  let results: Array<SaveResult | Error>;
  try {
    results = await store.saveDocuments(items, runId);
  } catch (err) {
    // a batch of one has its answer; a larger one is saved again one by one to find the bad document
    results = [];
    if (items.length === 1) results.push(err as Error);
    else for (const { doc, sig } of items) results.push(await store.saveDocument(doc, sig, runId).catch((e: Error) => e));
  }
  summary.stageMs.store = (summary.stageMs.store ?? 0) + performance.now() - t1;
  docs.forEach((doc, i) => {
    const result = results[i];
    if (result instanceof Error) return failed(summary, doc, result);
    for (const w of doc.warnings) summary.warnings.push({ origin: doc.meta.origin, message: w });
    summary.documents[result.status]++;
    summary.stories += result.stories;
    summary.duplicateStories += result.duplicateStories;
    summary.reports += result.events;
    summary.newEvents += result.newEvents;
  });
}

function failed(summary: IngestSummary, input: Doc, err: unknown): void {
  summary.documents.failed++;
  summary.errors.push({ origin: input.meta.origin, message: `${input.meta.origin}: document ${input.id} not stored: ${(err as Error).message}` });
}
