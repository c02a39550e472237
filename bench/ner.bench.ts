/**
 * NER tagger benchmarks: model load time, model size, tagging speed (one core), and the dev F1
 * recorded in the model at training time. Uses the ANERcorp train file's dev part (last 10%)
 * as text when /work/shared is present, else the toy corpus repeated.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../src/config.ts';
import { DEFAULT_MODEL_PATH, loadNerModel, readConll, tagDocument, scoreNer } from '../src/nlp/ner/index.ts';
import { ANERCORP_FILE, readTaggedFile, splitTrainDev } from '../src/nlp/ner/data.ts';
import { TOY_CONLL } from '../src/nlp/ner/toy.test-data.ts';
import { type BenchResult } from './kit.ts';


export async function bench(): Promise<BenchResult[]> {
  if (!existsSync(DEFAULT_MODEL_PATH)) return [];
  const out: BenchResult[] = [];
  const size = statSync(DEFAULT_MODEL_PATH).size / 1e6;
  out.push({ name: 'model size', value: size, unit: 'MB', target: '<= 20', ok: size <= 20 });
  const c0 = process.cpuUsage();
  const model = loadNerModel();
  const c1 = process.cpuUsage(c0);
  const loadMs = (c1.user + c1.system) / 1000;
  out.push({ name: 'model load (CPU time, incl. gazetteer)', value: loadMs, unit: 'ms', target: '< 1000', ok: loadMs < 1000 });

  const file = join(sharedDir(), ANERCORP_FILE);
  const dev = existsSync(file)
    ? splitTrainDev(readTaggedFile(file), 0.1).dev
    : Array.from({ length: 200 }, () => readConll(TOY_CONLL).map((s) => ({ tokens: s.tokens, tags: s.tags! }))).flat();
  const sentences = dev.map((s) => s.tokens);
  const tokens = sentences.reduce((a, s) => a + s.length, 0);
  tagDocument(model, sentences.slice(0, 50)); // warm up
  // CPU time of this (single-threaded) process, so other work on a shared machine does not count.
  let best = Infinity;
  for (let r = 0; r < 7; r++) {
    const c = process.cpuUsage();
    tagDocument(model, sentences);
    const u = process.cpuUsage(c);
    best = Math.min(best, (u.user + u.system) / 1000);
  }
  const tps = Math.round(tokens / (best / 1000));
  out.push({ name: 'tagging speed (tokens per CPU second)', value: tps, unit: 'tokens/s', target: '>= 50000', ok: tps >= 50000 });

  const recorded = (model.info.dev as { scores?: { ALL?: { f1: number } } } | undefined)?.scores?.ALL?.f1;
  if (recorded !== undefined) {
    out.push({ name: 'dev F1 (recorded at training, model trained without dev)', value: recorded * 100, unit: 'F1' });
  }
  if (existsSync(file)) {
    // The shipped model was retrained on train+dev, so this is a fit check, not a dev score.
    const pred = tagDocument(model, sentences).map((t) => t.tags);
    const f1 = scoreNer(dev.map((s) => s.tags), pred).overall.f1 * 100;
    out.push({ name: 'F1 on dev part with the shipped model (seen in training)', value: f1, unit: 'F1' });
  }
  return out;
}
