/**
 * Training the NER model from tagged sentences: labels, feature index, jackknifed resources and
 * (for two-stage models) jackknifed first-stage tags for the document-context features.
 */
import { repairIob } from './conll.ts';
import { contextFeatures } from './context.ts';
import { DEFAULT_FEATURES, analyzeToken, extractFeatures, type FeatureConfig, type GazetteerTagger } from './features.ts';
import { quantize, rowsOf, tagSingle, type NerModel, type NerModelInfo, type TaggedSentence } from './model.ts';
import { allowedTransitions, toIobes, trainPerceptron, type CostOptions, type EpochStats, type TrainSentence } from './perceptron.ts';
import { trainCrf, type CrfOptions } from './crf.ts';
import { buildResources, type FeatureResources } from './resources.ts';
import { EntityMatcher, type EntityEntry } from './lists.ts';

export interface TrainNerOptions {
  epochs: number;
  seed: number;
  features?: FeatureConfig;
  /** Keep only features seen at least this many times in training (default 1). */
  minCount?: number;
  gazetteer?: GazetteerTagger;
  /** Called after each epoch with a model built from the averaged weights so far. */
  onEpoch?: (epoch: number, model: NerModel, errors: number, stats?: EpochStats) => void;
  info?: Partial<NerModelInfo>;
  /** Folds for jackknifing (default 10 for resources, 5 for first-stage tags; contiguous blocks). */
  folds?: number;
  /** Words of person names (normalized; used by the `names` features, stored in the model). */
  names?: string[];
  /** Listed entity names (used by the `lists` features, stored in the model). */
  entities?: EntityEntry[];
  /** Epochs of the first-stage model (two-stage models; default: epochs). */
  stage1Epochs?: number;
  /** Word clusters from unlabelled text (clusters.ts; used by the `clusters` features, stored in the model). */
  clusters?: Map<string, string>;
  /** Identity dropout probability for tokens of gold entities (perceptron.ts TrainOptions; default 0). */
  dropout?: number;
  /** Learning algorithm (default perceptron); `crf` options as in crf.ts. */
  learner?: 'perceptron' | 'crf';
  crf?: Pick<CrfOptions, 'c2' | 'eta0' | 'decay' | 'outputScale' | 'averageFrom'>;
  /** Cost-augmented perceptron training, both stages (perceptron.ts TrainOptions.cost; default off). */
  cost?: CostOptions;
  /** PA-I updates with this C, both stages (perceptron.ts TrainOptions.pa; default off). */
  pa?: number;
  /** Weight averaging over this many shuffle seeds, both stages (perceptron.ts TrainOptions.soup; default 1). */
  soup?: number;
}

function sortLabels(labels: Set<string>): string[] {
  return [...labels].sort((a, b) =>
    a === 'O' ? -1 : b === 'O' ? 1 : a.slice(2).localeCompare(b.slice(2)) || a.localeCompare(b),
  );
}

/** The word's own identity features (its forms and the bigrams it is part of): what identity dropout removes. */
const IDENTITY = /^(?:n|s|w|bl|br|sb|sn)=/;

function identityRows(index: Map<string, number>): Uint8Array {
  const out = new Uint8Array(index.size);
  for (const [f, r] of index) if (IDENTITY.test(f)) out[r] = 1;
  return out;
}

/** Trains a model on tagged sentences (tags are repaired to valid IOB2 first). */
export function trainNer(sentences: TaggedSentence[], opts: TrainNerOptions): NerModel {
  const cfg = opts.features ?? DEFAULT_FEATURES;
  const clean = sentences
    .filter((s) => s.tokens.length > 0)
    .map((s) => ({ tokens: s.tokens, tags: repairIob(s.tags) }));
  // Gold labels of this stage (IOBES when cfg.iobes; tagging converts back to IOB2).
  const goldTags = clean.map((s) => (cfg.iobes ? toIobes(s.tags) : s.tags));
  let stage1: NerModel | undefined;
  let extra: string[][][] | undefined;
  const names = cfg.names && opts.names ? new Set(opts.names) : undefined;
  const entities = cfg.lists && opts.entities ? new EntityMatcher(opts.entities) : undefined;
  const clusters = cfg.clusters || cfg.clusterNb ? opts.clusters : undefined;
  const needRes = cfg.lexicon || cfg.rare || names !== undefined || entities !== undefined || clusters !== undefined;
  const resources: FeatureResources = needRes ? { ...buildResources(clean, 1), names, entities, clusters } : {};
  if (cfg.docWindow > 0) {
    const cfg1 = { ...cfg, docWindow: 0 };
    const opts1 = { ...opts, features: cfg1, epochs: opts.stage1Epochs ?? opts.epochs, onEpoch: undefined };
    const folds = Math.max(2, Math.min(5, clean.length));
    const foldOf = (k: number) => Math.floor((k * folds) / clean.length);
    const first: string[][] = new Array(clean.length);
    for (let f = 0; f < folds; f++) {
      const m = trainNer(clean.filter((_, k) => foldOf(k) !== f), opts1);
      clean.forEach((s, k) => {
        if (foldOf(k) === f) first[k] = tagSingle(m, s.tokens, false).tags;
      });
    }
    // The first stage is trained on the same sentences, so its resources equal `resources`;
    // share the object (tagDocument computes the base features once for both stages).
    stage1 = { ...trainNer(clean, opts1), resources };
    extra = contextFeatures(
      clean.map((s) => s.tokens.map((w) => analyzeToken(w, undefined))),
      first,
      cfg.docWindow,
      cfg.topic,
    );
  }
  const labelSet = new Set<string>(['O']);
  for (const tags of goldTags) for (const t of tags) labelSet.add(t);
  for (const t of [...labelSet]) {
    if (t.length < 3 || t === 'O') continue;
    labelSet.add('B-' + t.slice(2)).add('I-' + t.slice(2));
    if (cfg.iobes) labelSet.add('E-' + t.slice(2)).add('S-' + t.slice(2));
  }
  const labels = sortLabels(labelSet);
  const labelIdx = new Map(labels.map((l, i) => [l, i]));
  const folds = Math.max(2, Math.min(opts.folds ?? 10, clean.length));
  const foldOf = (k: number) => Math.floor((k * folds) / clean.length);
  const foldRes: FeatureResources[] = [];
  if (needRes) {
    for (let f = 0; f < folds; f++) foldRes.push({ ...buildResources(clean.filter((_, k) => foldOf(k) !== f), 1), names, entities, clusters });
  }
  const feats = clean.map((s, k) =>
    extractFeatures(s.tokens, cfg, needRes ? foldRes[foldOf(k)] : undefined, opts.gazetteer, extra?.[k]),
  );
  const counts = new Map<string, number>();
  for (const sent of feats) for (const tok of sent) for (const f of tok) counts.set(f, (counts.get(f) ?? 0) + 1);
  const minCount = opts.minCount ?? 1;
  const index = new Map<string, number>();
  for (const [f, c] of counts) if (c >= minCount) index.set(f, index.size);
  const data: TrainSentence[] = clean.map((s, k) => ({
    rows: rowsOf(feats[k], index),
    gold: Int32Array.from(goldTags[k], (t) => labelIdx.get(t)!),
  }));
  const allowed = allowedTransitions(labels);
  const build = (avg: { weights: Float64Array; transitions: Float64Array }): NerModel => ({
    info: { version: '0.0.0', ...opts.info },
    labels,
    features: cfg,
    index,
    weights: Float32Array.from(avg.weights, quantize),
    transitions: Float32Array.from(avg.transitions, quantize),
    allowed,
    resources,
    stage1,
    gazetteer: opts.gazetteer,
  });
  const learnOpts = {
    epochs: opts.epochs,
    seed: opts.seed,
    dropout: opts.dropout,
    dropRows: opts.dropout ? identityRows(index) : undefined,
    cost: opts.cost,
    pa: opts.pa,
    soup: opts.soup,
    onEpoch: opts.onEpoch
      ? (ep: number, a: { weights: Float64Array; transitions: Float64Array }, err: number, st?: EpochStats) => opts.onEpoch!(ep, build(a), err, st)
      : undefined,
  };
  const avg =
    opts.learner === 'crf'
      ? trainCrf(data, index.size, labels, { ...learnOpts, ...opts.crf })
      : trainPerceptron(data, index.size, labels, learnOpts);
  return build(avg);
}
