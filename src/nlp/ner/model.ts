/**
 * The NER model: feature config, labels, weights; tagging (one or two stages), and save/load as
 * compact JSON (weights quantized to integers, zero rows pruned). Training is in train.ts.
 */
import { contextFeatures } from './context.ts';
import {
  DEFAULT_FEATURES,
  extractFeatures,
  type FeatureConfig, type GazetteerTagger } from './features.ts';
import { DocScorer, WordCache, pairPrefixes, type FastScoring } from './fast.ts';
import { FeatureHasher, FeatureTable } from './hash.ts';
import { allowedTransitions, emissions, fromIobes, transitionLists, type TransitionLists } from './perceptron.ts';
import { decode, DecodeScratch } from './decode.ts';
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
  /** Integer-scaled weights for tagging (computed on first use; see intScores). */
  int?: IntScores;
  /** Hash table and weights of the tagging fast path (computed on first use; see fastScoring). */
  fast?: FastScoring;
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

/**
 * Integer scores of a model: weights and transitions × SCALE (the model's weights are quantized
 * to 1/SCALE, so these are exact integers and sums of them do not depend on the order of
 * addition). Computed once per model object and kept on it.
 */
interface IntScores {
  weights: Int32Array;
  transitions: Float64Array;
  /** The allowed transitions as lists, for decoding. */
  lists?: TransitionLists;
  /** Decoding work arrays (decode.ts). */
  scratch?: DecodeScratch;
}

function intScores(model: NerModel): IntScores {
  if (!model.int) {
    model.int = {
      weights: Int32Array.from(model.weights, (v) => Math.round(v * SCALE)),
      transitions: Float64Array.from(model.transitions, (v) => Math.round(v * SCALE)),
    };
  }
  return model.int;
}

/** Decodes one sentence from its (n × L, integer-scaled) emission scores; the margins go to `into` when given (n numbers). */
function decodeEmissions(model: NerModel, e: Float64Array, n: number, withMargins: boolean, into?: Float64Array): Tagged {
  if (n === 0) return { tags: [], margins: withMargins ? new Float64Array(0) : undefined };
  const L = model.labels.length;
  const int = intScores(model);
  const lists = (int.lists ??= transitionLists(L, model.allowed));
  const m = withMargins ? (into ?? new Float64Array(n)) : undefined;
  const path = decode(e, n, L, int.transitions, model.allowed, lists, (int.scratch ??= new DecodeScratch()), m);
  let tags = new Array<string>(n);
  for (let i = 0; i < n; i++) tags[i] = model.labels[path[i]];
  if (model.features.iobes) tags = fromIobes(tags);
  if (!m) return { tags };
  for (let i = 0; i < n; i++) m[i] /= SCALE;
  return { tags, margins: m };
}

/** Decodes one sentence from its feature rows with this model's own weights. */
function decodeRows(model: NerModel, rows: Int32Array[], withMargins: boolean): Tagged {
  const e = emissions(rows, intScores(model).weights, model.labels.length);
  return decodeEmissions(model, e, rows.length, withMargins);
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
 * The fast path's tables, built once per model object: one hash table for both stages (ids
 * below the second stage's feature count are its rows; first-stage-only features get the ids
 * after them) and the integer weights of both stages by joint id. Distinct feature names whose
 * 64-bit hashes collide would share an id; with ~10^6 features the chance of any collision is
 * ~10^-7.
 */
export function fastScoring(model: NerModel): FastScoring {
  if (model.fast) return model.fast;
  const L = model.labels.length;
  const s1 = model.stage1 && model.features.docWindow > 0 ? model.stage1 : undefined;
  const h = new FeatureHasher();
  const n2 = model.index.size;
  const table = new FeatureTable(n2 + (s1 ? s1.index.size : 0));
  for (const [name, row] of model.index) table.add(h.start().feed(name), row);
  const common = { L, table, words: new WordCache(), ids: new Map<string, number>() };
  if (!s1) {
    model.fast = { ...common, two: false, w: intScores(model).weights, prefixes: pairPrefixes(model.index.keys()) };
    return model.fast;
  }
  let next = n2;
  const ids = new Int32Array(s1.index.size);
  const rows = new Int32Array(s1.index.size);
  let k = 0;
  for (const [name, row1] of s1.index) {
    const id = table.add(h.start().feed(name), next);
    if (id === next) next++;
    ids[k] = id;
    rows[k++] = row1;
  }
  const w1 = intScores(s1).weights;
  const w2 = intScores(model).weights;
  const w = new Int32Array(next * 2 * L);
  for (let id = 0; id < n2; id++) for (let y = 0; y < L; y++) w[id * 2 * L + L + y] = w2[id * L + y];
  for (let j = 0; j < k; j++) for (let y = 0; y < L; y++) w[ids[j] * 2 * L + y] = w1[rows[j] * L + y];
  const prefixes = pairPrefixes([...model.index.keys(), ...s1.index.keys()]);
  model.fast = { ...common, two: true, w, prefixes };
  return model.fast;
}

/**
 * Tags the sentences of one document (consecutive sentences; for a two-stage model the
 * first-stage tags of sentences within `docWindow` feed each sentence's context features).
 * Both stages share the base features (same config and resources; see train.ts).
 * `gazetteerHits[k]`, when given, are sentence k's gazetteer features exactly as the model's
 * gazetteer tagger would give them (see ner/gazetteer.ts sharedGazetteerFeatures); where it is
 * undefined the tagger runs.
 */
export function tagDocument(model: NerModel, sentences: string[][], withMargins = false, gazetteerHits?: ReadonlyArray<string[][] | undefined>): Tagged[] {
  const fast = fastScoring(model);
  const scorer = new DocScorer(fast, model.features, model.resources, model.gazetteer, model.resources.entities);
  // one array per document for the emissions (and one for the margins), each sentence a view of it
  const L = model.labels.length;
  let total = 0;
  for (const s of sentences) total += s.length;
  const all1 = new Float64Array(total * L);
  const all2 = fast.two ? new Float64Array(total * L) : undefined;
  const allMargins = withMargins ? new Float64Array(total) : undefined;
  const starts: number[] = [];
  let at = 0;
  const scores = sentences.map((s, k) => {
    starts.push(at);
    const views = { e1: all1.subarray(at * L, (at + s.length) * L), e2: all2?.subarray(at * L, (at + s.length) * L) };
    at += s.length;
    return scorer.base(s, gazetteerHits?.[k], views);
  });
  const margins = (k: number) => allMargins?.subarray(starts[k], starts[k] + sentences[k].length);
  if (!model.stage1 || model.features.docWindow <= 0) {
    return scores.map(({ e1 }, k) => decodeEmissions(model, e1, sentences[k].length, withMargins, margins(k)));
  }
  const s1 = model.stage1;
  const first = scores.map(({ e1 }, k) => decodeEmissions(s1, e1, sentences[k].length, false).tags);
  const extra = contextFeatures(scores.map((x) => x.infos), first, model.features.docWindow, model.features.topic);
  return scores.map(({ e2 }, k) => {
    const n = sentences[k].length;
    for (let i = 0; i < n; i++) scorer.extra(extra[k][i], e2!, i);
    return decodeEmissions(model, e2!, n, withMargins, margins(k));
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
  // The file's integers are the tagging weights (see intScores).
  if (file.scale === SCALE) {
    model.int = { weights: Int32Array.from(file.weights), transitions: Float64Array.from(file.transitions) };
  }
  // The top-level model builds its tagging tables at load (its first stage is scored through them).
  if (!parentResources) fastScoring(model);
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
