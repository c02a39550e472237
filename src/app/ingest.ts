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

  let batch: Doc[] = [];
  const flush = async () => {
    const lineStats = buildLineStats(batch);
    for (const doc of batch) {
      await processOne(store, stages, { ...ctx, lineStats }, doc, runId, summary);
      progress();
    }
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

async function processOne(
  store: Store,
  stages: Stage<PipelineContext>[],
  ctx: PipelineContext,
  input: Doc,
  runId: number,
  summary: IngestSummary,
): Promise<void> {
  let result: SaveResult;
  try {
    const timings: StageTiming[] = [];
    const doc = runPipeline(input, stages, ctx, timings);
    for (const t of timings) summary.stageMs[t.stage] = (summary.stageMs[t.stage] ?? 0) + t.ms;
    const t1 = performance.now();
    result = await store.saveDocument(doc, documentSignature(doc), runId);
    summary.stageMs.store = (summary.stageMs.store ?? 0) + performance.now() - t1;
    for (const w of doc.warnings) summary.warnings.push({ origin: doc.meta.origin, message: w });
  } catch (err) {
    summary.documents.failed++;
    summary.errors.push({ origin: input.meta.origin, message: `${input.meta.origin}: document ${input.id} not stored: ${(err as Error).message}` });
    return;
  }
  summary.documents[result.status]++;
  summary.stories += result.stories;
  summary.duplicateStories += result.duplicateStories;
  summary.reports += result.events;
  summary.newEvents += result.newEvents;
}
