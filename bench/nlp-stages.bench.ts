/**
 * CPU seconds per MB of document text for each part of the pipeline outside the store: read
 * (files, decoding, HTML extraction), the cross-document line statistics, each stage, and the
 * story signatures for de-duplication; the entity stage also without the NER tagger.
 *
 * Corpus (as pipeline.bench.ts): RASID_BENCH_CORPUS=news for distinct real news text (ANERcorp
 * sentences from ../shared), else copies of the seeds and examples (years shifted per copy);
 * about RASID_BENCH_MB megabytes (default 0.5). The pipeline runs once to warm up, then
 * RASID_BENCH_REPS times (default 3); each figure is the least CPU time over the repetitions.
 * Stage CPU is taken with process.cpuUsage around each stage call. The NER tagger is timed alone
 * (tagDocument on each document's sentences with the gazetteer features of the stage's gazetteer
 * pass, as the entity stage calls it) and subtracted from the
 * entity stage (a tagger timed alone runs warmer than inside the stage, so this overstates the
 * rest); the stage's own step timings without the tagger's step are given too (wall clock).
 *
 * Targets (issue 4): entities without the tagger ≤ 0.25 s/MB, events ≤ 0.25 s/MB, read + clean
 * + stories + de-duplication signatures ≤ 0.3 s/MB.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentSignature } from '../src/app/ingest.ts';
import { buildPipeline, loadResources } from '../src/app/pipeline.ts';
import { buildLineStats, readInputs, type InputItem } from '../src/ingest/index.ts';
import { findEntities } from '../src/nlp/entities/index.ts';
import { sharedGazetteerFeatures, tagDocument } from '../src/nlp/ner/index.ts';
import { matchGazetteerLinked } from '../src/nlp/gazetteer/index.ts';
import { tokenRange } from '../src/text/index.ts';
import type { Doc } from '../src/nlp/doc.ts';
import { writeCopy, writeNewsCorpus } from './pipeline.bench.ts';
import type { BenchResult } from './kit.ts';

function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

async function readAll(dir: string): Promise<Doc[]> {
  const docs: Doc[] = [];
  for await (const item of readInputs([dir]) as AsyncGenerator<InputItem>) if (item.kind === 'doc') docs.push(item.doc);
  return docs;
}

/** The token ranges [a, b) of each sentence as the entity stage gives them to the tagger (tokens grouped by sentence). */
function sentenceRanges(doc: Doc): Array<[number, number]> {
  const sentOf = new Int32Array(doc.tokens.length).fill(doc.sentences.length === 0 ? 0 : -1);
  doc.sentences.forEach((s, k) => {
    const [a, b] = tokenRange(doc.tokens, s);
    for (let i = a; i < b; i++) sentOf[i] = k;
  });
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let i = 1; i <= doc.tokens.length; i++) {
    if (i === doc.tokens.length || sentOf[i] !== sentOf[i - 1]) {
      out.push([from, i]);
      from = i;
    }
  }
  return doc.tokens.length ? out : [];
}

export async function bench(): Promise<BenchResult[]> {
  const targetMb = Number(process.env.RASID_BENCH_MB ?? 0.5);
  const reps = Math.max(1, Number(process.env.RASID_BENCH_REPS ?? 3));
  const root = mkdtempSync(join(tmpdir(), 'rasid-stages-bench-'));
  try {
    const corpus = join(root, 'corpus');
    mkdirSync(corpus);
    let estimate = 0;
    let copies = 0;
    // news: distinct real text (words met as often as in real news, so word caches are measured
    // fairly); copies: the seeds and examples (HTML pages, datelines, events) repeated
    const news = process.env.RASID_BENCH_CORPUS === 'news' ? writeNewsCorpus(corpus, targetMb * 1e6) : 0;
    if (news === 0) while (estimate < targetMb * 1e6 && copies < 2000) estimate += writeCopy(corpus, 1 + copies++);
    const res = loadResources();
    const stages = buildPipeline(res);

    const best: Record<string, number> = {};
    let bytes = 0;
    let docCount = 0;
    for (let r = 0; r <= reps; r++) {
      const t: Record<string, number> = {};
      const add = (k: string, ms: number) => (t[k] = (t[k] ?? 0) + ms);
      let c0 = cpuMs();
      const docs = await readAll(corpus);
      add('read', cpuMs() - c0);
      c0 = cpuMs();
      const ctx = { ...res.context, lineStats: buildLineStats(docs) };
      add('lineStats', cpuMs() - c0);
      bytes = docs.reduce((a, d) => a + Buffer.byteLength(d.text, 'utf8'), 0);
      docCount = docs.length;
      for (let doc of docs) {
        for (const st of stages) {
          c0 = cpuMs();
          doc = st.run(doc, ctx);
          add(st.name, cpuMs() - c0);
        }
        c0 = cpuMs();
        documentSignature(doc);
        add('signature', cpuMs() - c0);
      }
      if (r === 0) continue; // warm-up
      for (const [k, v] of Object.entries(t)) best[k] = Math.min(best[k] ?? Infinity, v);
    }

    // the tagger alone, as the entity stage calls it: tagDocument on each document's sentences,
    // with the gazetteer features taken from the stage's gazetteer pass (made beforehand here)
    const docs = await readAll(corpus);
    const ctx = { ...res.context, lineStats: buildLineStats(docs) };
    const before = stages.slice(0, stages.findIndex((s) => s.name === 'entities'));
    const inputs = docs.map((d) => {
      const doc = before.reduce((x, s) => s.run(x, ctx), d);
      const ranges = sentenceRanges(doc);
      const words = ranges.map(([a, b]) => doc.tokens.slice(a, b).map((t) => doc.text.slice(t.start, t.end)));
      return { doc, ranges, words, pass: matchGazetteerLinked(doc.text, doc.tokens, res.entities.gazetteer) };
    });
    let tagger = Infinity;
    for (let r = 0; r <= reps; r++) {
      const c0 = cpuMs();
      for (const { doc, ranges, words, pass } of inputs) {
        tagDocument(res.entities.ner, words, true, sharedGazetteerFeatures(doc.text, doc.tokens, pass.next, pass.matches, ranges));
      }
      if (r > 0) tagger = Math.min(tagger, cpuMs() - c0);
    }
    // and the stage's own step timings (wall clock: exact on an idle machine only)
    const ready = docs.map((d) => before.reduce((x, s) => s.run(x, ctx), d));
    let steps = Infinity;
    for (let r = 0; r <= reps; r++) {
      const t: Record<string, number> = {};
      for (const d of ready) findEntities(d, res.entities, t);
      if (r > 0) steps = Math.min(steps, Object.entries(t).reduce((a, [k, v]) => a + (k === 'tagger' ? 0 : v), 0));
    }

    const mb = bytes / 1e6;
    const perMb = (ms: number) => ms / 1000 / mb;
    const out: BenchResult[] = [{ name: `corpus: ${news ? 'news (ANERcorp sentences)' : `${copies} copies of seeds+examples`}, ${docCount} docs`, value: mb, unit: 'MB text' }];
    for (const [k, v] of Object.entries(best)) out.push({ name: `${k} (CPU)`, value: perMb(v), unit: 's/MB' });
    out.push({ name: 'NER tagger alone (tagDocument, CPU)', value: perMb(tagger), unit: 's/MB' });
    out.push({ name: 'entities without the tagger (sum of the other steps, wall clock)', value: perMb(steps), unit: 's/MB' });
    const entitiesRest = perMb((best.entities ?? 0) - tagger);
    out.push({ name: 'entities without the tagger (stage CPU minus tagger CPU)', value: entitiesRest, unit: 's/MB', target: '<= 0.25', ok: entitiesRest <= 0.25 });
    const events = perMb(best.events ?? 0);
    out.push({ name: 'events', value: events, unit: 's/MB', target: '<= 0.25', ok: events <= 0.25 });
    const front = perMb((best.read ?? 0) + (best.lineStats ?? 0) + (best.clean ?? 0) + (best.stories ?? 0) + (best.signature ?? 0));
    out.push({ name: 'read + line stats + clean + stories + signatures', value: front, unit: 's/MB', target: '<= 0.3', ok: front <= 0.3 });
    return out;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
