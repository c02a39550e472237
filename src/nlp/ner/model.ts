/**
 * The NER model: feature config, labels, weights; tagging (one or two stages), and save/load as
 * compact JSON (weights quantized to integers, zero rows pruned). Training is in train.ts.
 */
import { contextFeatures } from './context.ts';
import {
  DEFAULT_FEATURES,
  analyzeTokens,
  extractFeatures,
  featureParts,
  type FeatureParts,
  type TokenInfo, type FeatureConfig, type GazetteerTagger } from './features.ts';
import { allowedTransitions, emissions, margins, viterbi } from './perceptron.ts';
import { deserializeResources, serializeResources, type FeatureResources, type SerializedResources } from './resources.ts';

export const MODEL_FORMAT = 'rasid-ner-perceptron';

/**
 * Weight quantization: stored integer = round(weight × SCALE). Trained models are quantized in
 * memory too, so a saved and reloaded model tags exactly like the one that was trained.
 */
export const SCALE = 100;
export const quantize = (v: number) => Math.round(v * SCALE) / SCALE;

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
  /** Vocabulary and entity lexicon used by the `rare` and `lexicon` features. */
  resources: FeatureResources;
  /** First-stage model whose tags feed the document-context features (when docWindow > 0). */
  stage1?: NerModel;
  /** Optional gazetteer matcher, used when `features.gazetteer` is on. */
  gazetteer?: GazetteerTagger;
  /** For two-stage models: one index for both stages (see jointIndex). */
  joint?: JointIndex;
}

/**
 * One feature lookup for both stages: `index` maps a feature to its stage-2 row (ids below
 * `n2`) or to a fresh id (stage-1-only features); `rows1[id]` is the stage-1 row or -1.
 */
export interface JointIndex {
  index: Map<string, number>;
  n2: number;
  rows1: Int32Array;
}

/** Builds the joint index of a two-stage model. */
export function jointIndex(model: NerModel, stage1: NerModel): JointIndex {
  const index = new Map(model.index);
  const n2 = model.weights.length / model.labels.length;
  for (const name of stage1.index.keys()) if (!index.has(name)) index.set(name, index.size);
  const rows1 = new Int32Array(index.size).fill(-1);
  for (const [name, row1] of stage1.index) rows1[index.get(name)!] = row1;
  return { index, n2, rows1 };
}

export interface TaggedSentence {
  tokens: string[];
  tags: string[];
}

export interface Tagged {
  tags: string[];
  /** Per-token max-marginal margin (≥ 0), when asked for. */
  margins?: Float64Array;
}

export function rowsOf(feats: string[][], index: Map<string, number>): Int32Array[] {
  return feats.map((f) => {
    const r = new Int32Array(f.length);
    for (let k = 0; k < f.length; k++) r[k] = index.get(f[k]) ?? -1;
    return r;
  });
}

/** Decodes one sentence from its feature rows with this model's own weights. */
function decodeRows(model: NerModel, rows: Int32Array[], withMargins: boolean): Tagged {
  const n = rows.length;
  if (n === 0) return { tags: [], margins: withMargins ? new Float64Array(0) : undefined };
  const L = model.labels.length;
  const e = emissions(rows, model.weights, L);
  const path = viterbi(e, n, L, model.transitions, model.allowed);
  const tags = Array.from(path, (y) => model.labels[y]);
  if (!withMargins) return { tags };
  return { tags, margins: margins(e, n, L, model.transitions, model.allowed, path) };
}

/** Decodes one sentence from its feature strings with this model's own weights. */
export function decodeFeatures(model: NerModel, feats: string[][], withMargins: boolean): Tagged {
  return decodeRows(model, rowsOf(feats, model.index), withMargins);
}

/** Tags one sentence with this model's own weights (no stage-1 pass). */
export function tagSingle(model: NerModel, tokens: string[], withMargins: boolean): Tagged {
  return decodeFeatures(model, extractFeatures(tokens, model.features, model.resources, model.gazetteer), withMargins);
}

/**
 * Feature rows from feature parts; the rows of shared (per-word cached) arrays are memoized in
 * `memo`, one per model index and document, so a frequent word is looked up once.
 */
function rowsFromParts(
  parts: FeatureParts[],
  extra: string[][] | undefined,
  index: Map<string, number>,
  memo: Map<string[], Int32Array>,
): Int32Array[] {
  const out: Int32Array[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const x = extra ? extra[i] : undefined;
    let len = p.fresh.length + (x ? x.length : 0);
    for (const arr of p.shared) len += arr.length;
    const rows = new Int32Array(len);
    let o = 0;
    for (const arr of p.shared) {
      let r = memo.get(arr);
      if (r === undefined) {
        r = new Int32Array(arr.length);
        for (let k = 0; k < arr.length; k++) r[k] = index.get(arr[k]) ?? -1;
        memo.set(arr, r);
      }
      for (let k = 0; k < r.length; k++) rows[o++] = r[k];
    }
    for (const f of p.fresh) rows[o++] = index.get(f) ?? -1;
    if (x) for (const f of x) rows[o++] = index.get(f) ?? -1;
    out.push(rows);
  }
  return out;
}

/**
 * Tags the sentences of one document (consecutive sentences; for a two-stage model the
 * first-stage tags of sentences within `docWindow` feed each sentence's context features).
 * Both stages share the base features (same config and resources; see train.ts).
 */
export function tagDocument(model: NerModel, sentences: string[][], withMargins = false): Tagged[] {
  const cache = new Map<string, TokenInfo>();
  const infos = sentences.map((s) => analyzeTokens(s, model.resources, cache));
  const parts = sentences.map((s, k) => featureParts(s, model.features, model.resources, model.gazetteer, infos[k]));
  const memo = new Map<string[], Int32Array>();
  if (!model.stage1 || model.features.docWindow <= 0) {
    return parts.map((p) => decodeRows(model, rowsFromParts(p, undefined, model.index, memo), withMargins));
  }
  const s1 = model.stage1;
  const joint = model.joint ?? jointIndex(model, s1);
  // Base features are looked up once, in the joint index; each stage maps the ids to its rows.
  const ids = parts.map((p) => rowsFromParts(p, undefined, joint.index, memo));
  const first = ids.map((sent) =>
    decodeRows(
      s1,
      sent.map((r) => r.map((id) => (id < 0 ? -1 : joint.rows1[id]))),
      false,
    ).tags,
  );
  const extra = contextFeatures(infos, first, model.features.docWindow);
  return ids.map((sent, k) => {
    const rows = sent.map((r, i) => {
      const x = extra[k][i];
      const out = new Int32Array(r.length + x.length);
      for (let j = 0; j < r.length; j++) out[j] = r[j] < joint.n2 ? r[j] : -1;
      for (let j = 0; j < x.length; j++) {
        const id = joint.index.get(x[j]) ?? -1;
        out[r.length + j] = id < joint.n2 ? id : -1;
      }
      return out;
    });
    return decodeRows(model, rows, withMargins);
  });
}

/** Tags one sentence on its own (IOB2 tags); with `withMargins`, also per-token margins. */
export function tagSentence(model: NerModel, tokens: string[], withMargins = false): Tagged {
  return tagDocument(model, [tokens], withMargins)[0];
}

export interface NerModelFile {
  format: typeof MODEL_FORMAT;
  info: NerModelInfo;
  labels: string[];
  features: FeatureConfig;
  scale: number;
  transitions: number[];
  resources?: SerializedResources;
  stage1?: NerModelFile;
  /** Feature names; feature k's weights are weights[k*L .. k*L+L). */
  featureNames: string[];
  weights: number[];
}

/** `isStage1`: a first stage shares its parent's resources, which are not written twice. */
function toFile(model: NerModel, isStage1 = false): NerModelFile {
  const L = model.labels.length;
  const names: string[] = [];
  const weights: number[] = [];
  const entries = [...model.index.entries()].sort((a, b) => a[1] - b[1]);
  for (const [name, row] of entries) {
    let any = false;
    for (let y = 0; y < L; y++) if (Math.round(model.weights[row * L + y] * SCALE) !== 0) any = true;
    if (!any) continue;
    names.push(name);
    for (let y = 0; y < L; y++) weights.push(Math.round(model.weights[row * L + y] * SCALE) || 0);
  }
  return {
    format: MODEL_FORMAT,
    info: model.info,
    labels: model.labels,
    features: model.features,
    scale: SCALE,
    transitions: Array.from(model.transitions, (v) => Math.round(v * SCALE) || 0),
    resources: isStage1 ? undefined : serializeResources(model.resources),
    stage1: model.stage1 ? toFile(model.stage1, true) : undefined,
    featureNames: names,
    weights,
  };
}

/** Serializes a model (pruning features whose quantized weights are all zero). */
export function serializeModel(model: NerModel): string {
  const { info, ...rest } = toFile(model);
  // `info` first and indented so `head` shows provenance and dev scores; the rest is compact.
  return `{"info":${JSON.stringify(info, null, 1)},\n${JSON.stringify(rest).slice(1)}\n`;
}

export class ModelFormatError extends Error {}

function fromFile(file: NerModelFile, origin: string, parentResources?: FeatureResources): NerModel {
  if (file.format !== MODEL_FORMAT) throw new ModelFormatError(`${origin}: field "format" is not "${MODEL_FORMAT}"`);
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
  const resources = parentResources ?? deserializeResources(file.resources);
  const model: NerModel = {
    info: file.info,
    labels: file.labels,
    features: { ...DEFAULT_FEATURES, ...file.features },
    index,
    weights,
    transitions: Float32Array.from(file.transitions, (v) => v / file.scale),
    allowed: allowedTransitions(file.labels),
    resources,
    stage1: file.stage1 ? fromFile(file.stage1, `${origin} (stage1)`, resources) : undefined,
  };
  if (model.stage1) model.joint = jointIndex(model, model.stage1);
  return model;
}

/** Parses a serialized model. `origin` names the file in errors. */
export function deserializeModel(text: string, origin = '<model>'): NerModel {
  let file: NerModelFile;
  try {
    file = JSON.parse(text) as NerModelFile;
  } catch (err) {
    throw new ModelFormatError(`${origin}: not JSON (${(err as Error).message})`);
  }
  return fromFile(file, origin);
}
