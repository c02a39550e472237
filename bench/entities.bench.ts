/**
 * Speed of the entity-mention stage (gazetteer + tagger + rules + actor resolution) on the seed
 * documents in ../shared and the examples/ corpus when present, after clean/stories/sentences/
 * tokens. Throughput in input bytes per second of CPU time (one core), repeated for about a
 * second. Target: ≥ 1 MB/s for the stage (the whole pipeline's target). Also reported: the
 * share of the tagger, and the stage's own work (gazetteer, rules, links, actors) without the
 * tagger, from per-step wall-clock times.
 *
 */
import type { Doc } from '../src/nlp/doc.ts';
import { buildLineStats, cleanStage, readInputs, storiesStage } from '../src/ingest/index.ts';
import { sentencesStage, tokensStage } from '../src/text/index.ts';
import { findEntities, loadEntityResources } from '../src/nlp/entities/index.ts';
import { type BenchResult, corpusPaths } from './kit.ts';



export async function bench(): Promise<BenchResult[]> {
  const docs: Doc[] = [];
  for await (const item of readInputs(corpusPaths())) if (item.kind === 'doc') docs.push(item.doc);
  if (docs.length === 0) return [];
  const ctx = { lineStats: buildLineStats(docs) };
  const ready = docs.map((d) => {
    let doc = d;
    for (const s of [cleanStage, storiesStage, sentencesStage, tokensStage]) doc = s.run(doc, ctx as never);
    return doc;
  });
  const res = loadEntityResources();
  const bytes = ready.reduce((a, d) => a + Buffer.byteLength(d.text, 'utf8'), 0);
  for (const d of ready) findEntities(d, res); // warm-up
  const timings: Record<string, number> = {};
  let rounds = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < 1000 || rounds < 2) {
    for (const d of ready) findEntities(d, res, timings);
    rounds++;
  }
  const cpu = process.cpuUsage(c0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const mbs = (bytes * rounds) / 1e6 / cpuS;
  // per-step times are wall-clock (performance.now), inflated on a busy machine: only their
  // ratio is used, applied to the CPU-time throughput
  const wall = Object.values(timings).reduce((a, b) => a + b, 0);
  const taggerShare = wall > 0 ? (timings.tagger ?? 0) / wall : 0;
  const withoutTagger = mbs / Math.max(1e-6, 1 - taggerShare);
  return [
    { name: `entities stage (${docs.length} docs, ${(bytes / 1024).toFixed(0)} KiB)`, value: mbs, unit: 'MB/s', target: '≥ 1 MB/s', ok: mbs >= 1 },
    { name: 'share of the NER tagger in the stage', value: taggerShare * 100, unit: '%' },
    { name: 'entities stage without the tagger (gazetteer, rules, links, actors)', value: withoutTagger, unit: 'MB/s', target: '≥ 3 MB/s', ok: withoutTagger >= 3 },
  ];
}
