/**
 * Averaged structured perceptron with first-order Viterbi decoding over IOB2 tags. Transitions
 * that break IOB2 (I-X after O, after another type, or at sentence start) are forbidden.
 */

import { decode, DecodeScratch } from './decode.ts';

export interface LinearModel {
  labels: string[];
  /** Feature string → row index into `weights` (row r holds labels.length weights). */
  index: Map<string, number>;
  weights: Float32Array;
  /** (labels.length + 1) × labels.length: row `labels.length` is the sentence start. */
  transitions: Float32Array;
}

/**
 * allowed[prev * L + cur]; prev = L means sentence start. IOB2 label sets: I-X only after B-X or
 * I-X. IOBES label sets (some E- or S- label): I-X and E-X only after B-X or I-X, and B-X/I-X
 * must be followed by I-X or E-X.
 */
export function allowedTransitions(labels: string[]): Uint8Array {
  const L = labels.length;
  const iobes = labels.some((l) => l.startsWith('E-') || l.startsWith('S-'));
  const ok = new Uint8Array((L + 1) * L);
  for (let p = 0; p <= L; p++) {
    const prev = p < L ? labels[p] : 'O';
    const open = iobes && (prev.startsWith('B-') || prev.startsWith('I-'));
    for (let c = 0; c < L; c++) {
      const cur = labels[c];
      const inside = cur.startsWith('I-') || (iobes && cur.startsWith('E-'));
      if (!inside) ok[p * L + c] = open ? 0 : 1;
      else if (p < L) ok[p * L + c] = (prev.startsWith('B-') || prev.startsWith('I-')) && prev.slice(2) === cur.slice(2) ? 1 : 0;
    }
  }
  return ok;
}

/** IOB2 → IOBES (single-token chunks S-X, chunk ends E-X). Tags must be valid IOB2. */
export function toIobes(tags: string[]): string[] {
  return tags.map((t, i) => {
    const continues = i + 1 < tags.length && tags[i + 1] === 'I-' + t.slice(2);
    if (t.startsWith('B-')) return continues ? t : 'S-' + t.slice(2);
    if (t.startsWith('I-')) return continues ? t : 'E-' + t.slice(2);
    return t;
  });
}

/** IOBES → IOB2 (S-X → B-X, E-X → I-X); IOB2 tags pass unchanged. */
export function fromIobes(tags: string[]): string[] {
  return tags.map((t) => (t.startsWith('S-') ? 'B-' + t.slice(2) : t.startsWith('E-') ? 'I-' + t.slice(2) : t));
}

/** Emission scores (n × L) for a sentence given its features as row indexes (-1 = unknown). */
export function emissions(rows: Int32Array[], weights: Float32Array | Float64Array | Int32Array, L: number): Float64Array {
  const n = rows.length;
  const e = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const base = i * L;
    for (let k = 0; k < r.length; k++) {
      const row = r[k];
      if (row < 0) continue;
      const off = row * L;
      for (let y = 0; y < L; y++) e[base + y] += weights[off + y];
    }
  }
  return e;
}

/** The allowed transitions as lists: for each label, the labels allowed before it and after it (ascending; prev < L only). */
export interface TransitionLists {
  prevs: Int32Array[];
  nexts: Int32Array[];
}

export function transitionLists(L: number, allowed: Uint8Array): TransitionLists {
  const prevs: Int32Array[] = [];
  const nexts: Int32Array[] = [];
  for (let y = 0; y < L; y++) {
    const ps: number[] = [];
    const cs: number[] = [];
    for (let p = 0; p < L; p++) if (allowed[p * L + y]) ps.push(p);
    for (let c = 0; c < L; c++) if (allowed[y * L + c]) cs.push(c);
    prevs.push(Int32Array.from(ps));
    nexts.push(Int32Array.from(cs));
  }
  return { prevs, nexts };
}

/** Best label sequence (label indexes). Ties go to the lowest previous label (decode.ts). */
export function viterbi(
  e: Float64Array,
  n: number,
  L: number,
  trans: Float64Array,
  allowed: Uint8Array,
  lists: TransitionLists = transitionLists(L, allowed),
): Int32Array {
  if (n === 0) return new Int32Array(0);
  return decode(e, n, L, trans, allowed, lists, new DecodeScratch()).slice(0, n);
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `a` in place (Fisher–Yates) with a seeded PRNG: each training epoch's sentence order. */
export function shuffle<T>(a: T[], rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
}

export interface TrainSentence {
  /** Feature rows per token. */
  rows: Int32Array[];
  /** Gold label indexes. */
  gold: Int32Array;
}

/** Per-label costs of a wrong label in cost-augmented training (score units of the weights). */
export interface CostOptions {
  /** Cost of any wrong label at a token whose gold label is an entity label (a missed or mistyped entity). */
  fn: number;
  /** Cost of any wrong label at a token whose gold label is O (a spurious entity). */
  fp: number;
  /**
   * Entity types whose gold tokens cost another amount than `fn` (e.g. {"MISC": 30, "ORG": 30}:
   * missing a MISC or ORG token costs more). Types not listed cost `fn`. Absent = `fn` for all.
   */
  types?: Record<string, number>;
}

/**
 * The cost of a wrong label at a token per gold label index: `fp` for O, else the entity type's
 * cost (`types[TYPE]` of B-TYPE, I-TYPE, …) or `fn`. A type in `types` that no label has is an
 * error (a misspelt type would silently change nothing).
 */
export function costByGold(labels: string[], cost: CostOptions): Float64Array {
  const types = cost.types ?? {};
  const known = new Set(labels.filter((l) => l !== 'O').map((l) => l.slice(2)));
  for (const t of Object.keys(types)) {
    if (!known.has(t)) throw new Error(`cost.types: unknown entity type ${t} (labels: ${labels.join(' ')})`);
  }
  return Float64Array.from(labels, (l) => (l === 'O' ? cost.fp : (types[l.slice(2)] ?? cost.fn)));
}

/** Figures of one training epoch (for choosing cost scales; summed over the soup's models). */
export interface EpochStats {
  /** Mean |emission score| over tokens and labels, before the cost is added. */
  meanAbsEmission: number;
  /** Sentences whose decode differed from gold (an update was made). */
  updates: number;
  /** Mean update step (1 for the plain perceptron; PA-I: min(C, loss / ||Δφ||²)). */
  meanStep: number;
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /**
   * Identity dropout: rows marked 1 here (the word's own identity features) are left out, each
   * epoch, of a token inside a gold entity with probability `dropout`, so that the model learns
   * the context and shape of names, not only the names of the training data. Absent = off.
   */
  dropRows?: Uint8Array;
  dropout?: number;
  /**
   * Cost-augmented (loss-augmented) training: the training decode adds `fn` (gold is an entity
   * label) or `fp` (gold is O) to the emission score of every label other than the gold one, so
   * updates fire on margin violations too (as in a structured SVM / MIRA). Tagging is unchanged.
   * Absent = off.
   */
  cost?: CostOptions;
  /**
   * Passive-aggressive (PA-I) updates: step = min(pa, loss / ||Δφ||²), loss = score(pred) −
   * score(gold) + cost(pred) (cost: `cost`, or 1 per wrong token when absent), instead of the
   * fixed step 1. Absent = off.
   */
  pa?: number;
  /**
   * Weight averaging over shuffle seeds ("model soup"): this many perceptrons with seeds seed,
   * seed + SOUP_SEED_STEP, … are trained side by side; the result is the mean of their averaged
   * weights. Absent or 1 = one model.
   */
  soup?: number;
  /** Called after each epoch with the averaged weights so far; used for dev scoring. */
  onEpoch?: (epoch: number, avg: { weights: Float64Array; transitions: Float64Array }, errors: number, stats?: EpochStats) => void;
}

/** Seed offset between the models of a soup. */
export const SOUP_SEED_STEP = 7919;

/**
 * A sentence's feature rows for one training step: with identity dropout, the tokens chosen
 * (gold label not O = label 0, with probability p) lose their identity rows. Returns `s.rows`
 * itself when nothing is dropped.
 */
export function dropoutRows(s: TrainSentence, opts: TrainOptions, rand: () => number): Int32Array[] {
  const p = opts.dropout ?? 0;
  const drop = opts.dropRows;
  if (!drop || p <= 0) return s.rows;
  let out: Int32Array[] | undefined;
  for (let i = 0; i < s.rows.length; i++) {
    if (s.gold[i] === 0 || rand() >= p) continue;
    out ??= s.rows.slice();
    out[i] = s.rows[i].filter((r) => r < 0 || drop[r] === 0);
  }
  return out ?? s.rows;
}

/**
 * Adds the training cost to emission scores `e` (n × L) in place: every label other than the
 * gold one gets `fn` where the gold label is an entity label (index > 0) and `fp` where it is O;
 * or, given per-gold-label costs (`costByGold`), the cost of the gold label.
 */
export function addCost(e: Float64Array, gold: Int32Array, L: number, cost: CostOptions | Float64Array): Float64Array {
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i];
    const c = cost instanceof Float64Array ? cost[g] : g === 0 ? cost.fp : cost.fn;
    for (let y = 0; y < L; y++) if (y !== g) e[i * L + y] += c;
  }
  return e;
}

/** Path score under emissions `e` and transitions `T` (row L = sentence start). */
function pathScore(e: Float64Array, path: ArrayLike<number>, n: number, L: number, T: Float64Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += e[i * L + path[i]] + T[(i === 0 ? L : path[i - 1]) * L + path[i]];
  return s;
}

/** One averaged perceptron being trained (weights W, T and their averaging sums U, TU). */
class PerceptronTrainer {
  readonly W: Float64Array;
  readonly U: Float64Array;
  readonly T: Float64Array;
  readonly TU: Float64Array;
  c = 1;
  private readonly rand: () => number;
  private readonly dropRand: () => number;
  private readonly order: number[];
  private readonly scratch = new DecodeScratch();
  private readonly allowed: Uint8Array;
  private readonly lists: TransitionLists;
  /** Training cost per gold label (cost-augmented decode; PA-I without `cost`: 1 per wrong token); undefined = off. */
  private readonly goldCost: Float64Array | undefined;

  constructor(
    private readonly data: TrainSentence[],
    numRows: number,
    private readonly L: number,
    labels: string[],
    private readonly opts: TrainOptions,
    seed: number,
  ) {
    this.W = new Float64Array(numRows * L);
    this.U = new Float64Array(numRows * L);
    this.T = new Float64Array((L + 1) * L);
    this.TU = new Float64Array((L + 1) * L);
    this.rand = rng(seed);
    this.dropRand = rng(seed + 1);
    this.order = data.map((_, i) => i);
    this.allowed = allowedTransitions(labels);
    this.lists = transitionLists(L, this.allowed);
    const cost = opts.pa !== undefined ? (opts.cost ?? { fn: 1, fp: 1 }) : opts.cost;
    this.goldCost = cost ? costByGold(labels, cost) : undefined;
  }

  /** Adds the averaged weights × f to w and t. */
  addAverage(w: Float64Array, t: Float64Array, f: number): void {
    const { W, U, T, TU, c } = this;
    for (let k = 0; k < W.length; k++) w[k] += f * (W[k] - U[k] / c);
    for (let k = 0; k < T.length; k++) t[k] += f * (T[k] - TU[k] / c);
  }

  /** One epoch; returns the token errors and adds to the stats sums. */
  epoch(sums: { abs: number; cells: number; updates: number; steps: number }): number {
    const { data, L, opts, W, U, T, TU, allowed, lists, scratch } = this;
    shuffle(this.order, this.rand);
    let errors = 0;
    const { goldCost } = this;
    for (const idx of this.order) {
      const s = data[idx];
      const n = s.gold.length;
      const rows = dropoutRows(s, opts, this.dropRand);
      const e = emissions(rows, W, L);
      for (let k = 0; k < n * L; k++) sums.abs += Math.abs(e[k]);
      sums.cells += n * L;
      let step = 1;
      let pred: Int32Array;
      if (goldCost) {
        const ec = addCost(Float64Array.from(e), s.gold, L, goldCost);
        pred = n > 0 ? decode(ec, n, L, T, allowed, lists, scratch) : scratch.path;
        if (opts.pa !== undefined) step = this.paStep(rows, s.gold, pred, e, ec, n, opts.pa);
      } else {
        // the best path (scratch.path; read before the next sentence is decoded)
        pred = n > 0 ? decode(e, n, L, T, allowed, lists, scratch) : scratch.path;
      }
      let wrong = false;
      const cs = this.c * step;
      for (let i = 0; i < n; i++) {
        const g = s.gold[i];
        const p = pred[i];
        if (g !== p) {
          errors++;
          wrong = true;
          for (const row of rows[i]) {
            if (row < 0) continue;
            W[row * L + g] += step;
            U[row * L + g] += cs;
            W[row * L + p] -= step;
            U[row * L + p] -= cs;
          }
        }
        const gp = i === 0 ? L : s.gold[i - 1];
        const pp = i === 0 ? L : pred[i - 1];
        if (gp !== pp || g !== p) {
          T[gp * L + g] += step;
          TU[gp * L + g] += cs;
          T[pp * L + p] -= step;
          TU[pp * L + p] -= cs;
        }
      }
      if (wrong) {
        sums.updates++;
        sums.steps += step;
      }
      this.c++;
    }
    return errors;
  }

  /** PA-I step: min(C, loss / ||φ(gold) − φ(pred)||²), loss = cost-augmented score of pred − score of gold. */
  private paStep(rows: Int32Array[], gold: Int32Array, pred: Int32Array, e: Float64Array, ec: Float64Array, n: number, C: number): number {
    const { L, T } = this;
    const loss = pathScore(ec, pred, n, L, T) - pathScore(e, gold, n, L, T);
    if (loss <= 0) return 0;
    const diff = new Map<number, number>();
    const add = (k: number, v: number) => diff.set(k, (diff.get(k) ?? 0) + v);
    const tOff = this.W.length;
    for (let i = 0; i < n; i++) {
      const g = gold[i];
      const p = pred[i];
      if (g !== p) {
        for (const row of rows[i]) {
          if (row < 0) continue;
          add(row * L + g, 1);
          add(row * L + p, -1);
        }
      }
      const gp = i === 0 ? L : gold[i - 1];
      const pp = i === 0 ? L : pred[i - 1];
      if (gp !== pp || g !== p) {
        add(tOff + gp * L + g, 1);
        add(tOff + pp * L + p, -1);
      }
    }
    let norm = 0;
    for (const v of diff.values()) norm += v * v;
    return norm > 0 ? Math.min(C, loss / norm) : 0;
  }
}

/**
 * Trains averaged perceptron weights (with `opts.soup`, the mean of that many perceptrons'
 * averaged weights, trained side by side with different seeds). Returns the weights after the
 * last epoch.
 */
export function trainPerceptron(
  data: TrainSentence[],
  numRows: number,
  labels: string[],
  opts: TrainOptions,
): { weights: Float64Array; transitions: Float64Array } {
  const L = labels.length;
  const K = Math.max(1, Math.floor(opts.soup ?? 1));
  const trainers = Array.from({ length: K }, (_, k) => new PerceptronTrainer(data, numRows, L, labels, opts, opts.seed + k * SOUP_SEED_STEP));
  const average = () => {
    if (K === 1) {
      // the single model's average, computed as before (bit-identical to earlier versions)
      const { W, U, T, TU, c } = trainers[0];
      const w = new Float64Array(W.length);
      for (let k = 0; k < W.length; k++) w[k] = W[k] - U[k] / c;
      const t = new Float64Array(T.length);
      for (let k = 0; k < T.length; k++) t[k] = T[k] - TU[k] / c;
      return { weights: w, transitions: t };
    }
    const w = new Float64Array(numRows * L);
    const t = new Float64Array((L + 1) * L);
    for (const tr of trainers) tr.addAverage(w, t, 1 / K);
    return { weights: w, transitions: t };
  };
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    const sums = { abs: 0, cells: 0, updates: 0, steps: 0 };
    let errors = 0;
    for (const tr of trainers) errors += tr.epoch(sums);
    const stats: EpochStats = {
      meanAbsEmission: sums.cells ? sums.abs / sums.cells : 0,
      updates: sums.updates,
      meanStep: sums.updates ? sums.steps / sums.updates : 0,
    };
    if (opts.onEpoch) opts.onEpoch(epoch, average(), errors, stats);
  }
  return average();
}
