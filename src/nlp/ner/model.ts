/**
 * The NER model: feature config, labels, weights; training from tagged sentences, tagging, and
 * save/load as compact JSON (weights quantized to integers, zero rows pruned).
 */
import { DEFAULT_FEATURES, extractFeatures, type FeatureConfig, type GazetteerTagger } from './features.ts';
import {
  allowedTransitions,
  emissions,
  margins,
  trainPerceptron,
  viterbi,
  type TrainSentence,
} from './perceptron.ts';
import { repairIob } from './conll.ts';

export const MODEL_FORMAT = 'rasid-ner-perceptron';

/** Weight quantization: stored integer = round(weight × SCALE). Trained models are quantized in
 * memory too, so a saved and reloaded model tags exactly like the one that was trained. */
const SCALE = 100;
const quantize = (v: number) => Math.round(v * SCALE) / SCALE;

export interface NerModelInfo {
  version: string;
  /** Free-form provenance: data attribution, license, epochs, dev scores. */
  [key: string]: unknown;
}

export interface NerModel {
  info: NerModelInfo;
  labels: string[];
  features: FeatureConfig;
  index: Map<string, number>;
  weights: Float32Array;
  transitions: Float32Array;
  allowed: Uint8Array;
  /** Optional gazetteer matcher, used when `features.gazetteer` is on. */
  gazetteer?: GazetteerTagger;
}

export interface Tagged {
  tags: string[];
  /** Per-token max-marginal margin (≥ 0), when asked for. */
  margins?: Float64Array;
}

function rowsOf(feats: string[][], index: Map<string, number>): Int32Array[] {
  return feats.map((f) => {
    const r = new Int32Array(f.length);
    for (let k = 0; k < f.length; k++) r[k] = index.get(f[k]) ?? -1;
    return r;
  });
}

/** Tags one sentence (IOB2 tags); with `withMargins`, also per-token margins. */
export function tagSentence(model: NerModel, tokens: string[], withMargins = false): Tagged {
  const n = tokens.length;
  if (n === 0) return { tags: [], margins: withMargins ? new Float64Array(0) : undefined };
  const L = model.labels.length;
  const rows = rowsOf(extractFeatures(tokens, model.features, model.gazetteer), model.index);
  const e = emissions(rows, model.weights, L);
  const path = viterbi(e, n, L, model.transitions, model.allowed);
  const tags = Array.from(path, (y) => model.labels[y]);
  if (!withMargins) return { tags };
  return { tags, margins: margins(e, n, L, model.transitions, model.allowed, path) };
}

export interface TrainNerOptions {
  epochs: number;
  seed: number;
  features?: FeatureConfig;
  /** Keep only features seen at least this many times in training (default 1). */
  minCount?: number;
  gazetteer?: GazetteerTagger;
  /** Called after each epoch with a model built from the averaged weights so far. */
  onEpoch?: (epoch: number, model: NerModel, errors: number) => void;
  info?: Partial<NerModelInfo>;
}

export interface TaggedSentence {
  tokens: string[];
  tags: string[];
}

/** Trains a model on tagged sentences (tags are repaired to valid IOB2 first). */
export function trainNer(sentences: TaggedSentence[], opts: TrainNerOptions): NerModel {
  const cfg = opts.features ?? DEFAULT_FEATURES;
  const labelSet = new Set<string>(['O']);
  const clean = sentences.filter((s) => s.tokens.length > 0).map((s) => ({ tokens: s.tokens, tags: repairIob(s.tags) }));
  for (const s of clean) for (const t of s.tags) labelSet.add(t);
  for (const t of [...labelSet]) if (t.startsWith('B-')) labelSet.add('I-' + t.slice(2));
  const labels = [...labelSet].sort((a, b) => (a === 'O' ? -1 : b === 'O' ? 1 : a.slice(2).localeCompare(b.slice(2)) || a.localeCompare(b)));
  const labelIdx = new Map(labels.map((l, i) => [l, i]));
  const feats = clean.map((s) => extractFeatures(s.tokens, cfg, opts.gazetteer));
  const counts = new Map<string, number>();
  for (const sent of feats) for (const tok of sent) for (const f of tok) counts.set(f, (counts.get(f) ?? 0) + 1);
  const minCount = opts.minCount ?? 1;
  const index = new Map<string, number>();
  for (const [f, c] of counts) if (c >= minCount) index.set(f, index.size);
  const data: TrainSentence[] = clean.map((s, k) => ({
    rows: rowsOf(feats[k], index),
    gold: Int32Array.from(s.tags, (t) => labelIdx.get(t)!),
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
    gazetteer: opts.gazetteer,
  });
  const avg = trainPerceptron(data, index.size, labels, {
    epochs: opts.epochs,
    seed: opts.seed,
    onEpoch: opts.onEpoch ? (ep, a, err) => opts.onEpoch!(ep, build(a), err) : undefined,
  });
  return build(avg);
}


export interface NerModelFile {
  format: typeof MODEL_FORMAT;
  info: NerModelInfo;
  labels: string[];
  features: FeatureConfig;
  scale: number;
  transitions: number[];
  /** Feature names; feature k's weights are weights[k*L .. k*L+L). */
  featureNames: string[];
  weights: number[];
}

/** Serializes a model (pruning features whose quantized weights are all zero). */
export function serializeModel(model: NerModel): string {
  const L = model.labels.length;
  const names: string[] = [];
  const weights: number[] = [];
  const entries = [...model.index.entries()].sort((a, b) => a[1] - b[1]);
  for (const [name, row] of entries) {
    const q: number[] = [];
    let any = false;
    for (let y = 0; y < L; y++) {
      const v = Math.round(model.weights[row * L + y] * SCALE);
      q.push(v === 0 ? 0 : v);
      if (v !== 0) any = true;
    }
    if (!any) continue;
    names.push(name);
    weights.push(...q);
  }
  const file: NerModelFile = {
    format: MODEL_FORMAT,
    info: model.info,
    labels: model.labels,
    features: model.features,
    scale: SCALE,
    transitions: Array.from(model.transitions, (v) => Math.round(v * SCALE)),
    featureNames: names,
    weights,
  };
  const { featureNames, weights: w, ...head } = file;
  // One JSON document; the bulky arrays go last on their own lines to keep the header readable.
  const headJson = JSON.stringify(head, null, 1);
  return `${headJson.slice(0, -2)},\n"featureNames":${JSON.stringify(featureNames)},\n"weights":${JSON.stringify(w)}\n}\n`;
}

export class ModelFormatError extends Error {}

/** Parses a serialized model. `origin` names the file in errors. */
export function deserializeModel(text: string, origin = '<model>'): NerModel {
  let file: NerModelFile;
  try {
    file = JSON.parse(text) as NerModelFile;
  } catch (err) {
    throw new ModelFormatError(`${origin}: not JSON (${(err as Error).message})`);
  }
  if (file.format !== MODEL_FORMAT) throw new ModelFormatError(`${origin}: format is not "${MODEL_FORMAT}"`);
  const L = file.labels?.length ?? 0;
  if (!L) throw new ModelFormatError(`${origin}: field "labels" is empty`);
  if (!Array.isArray(file.featureNames) || !Array.isArray(file.weights) || file.weights.length !== file.featureNames.length * L) {
    throw new ModelFormatError(`${origin}: field "weights" must hold labels.length numbers per feature name`);
  }
  if (!Array.isArray(file.transitions) || file.transitions.length !== (L + 1) * L) {
    throw new ModelFormatError(`${origin}: field "transitions" must hold (labels+1)×labels numbers`);
  }
  const index = new Map<string, number>();
  for (let k = 0; k < file.featureNames.length; k++) index.set(file.featureNames[k], k);
  const weights = new Float32Array(file.weights.length);
  for (let k = 0; k < weights.length; k++) weights[k] = file.weights[k] / file.scale;
  return {
    info: file.info,
    labels: file.labels,
    features: { ...DEFAULT_FEATURES, ...file.features },
    index,
    weights,
    transitions: Float32Array.from(file.transitions, (v) => v / file.scale),
    allowed: allowedTransitions(file.labels),
  };
}
