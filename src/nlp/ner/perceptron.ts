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
  /** Called after each epoch with the averaged weights so far; used for dev scoring. */
  onEpoch?: (epoch: number, avg: { weights: Float64Array; transitions: Float64Array }, errors: number) => void;
}

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

/** Trains averaged perceptron weights. Returns the averaged weights after the last epoch. */
export function trainPerceptron(
  data: TrainSentence[],
  numRows: number,
  labels: string[],
  opts: TrainOptions,
): { weights: Float64Array; transitions: Float64Array } {
  const L = labels.length;
  const allowed = allowedTransitions(labels);
  const lists = transitionLists(L, allowed);
  const scratch = new DecodeScratch();
  const W = new Float64Array(numRows * L);
  const U = new Float64Array(numRows * L);
  const T = new Float64Array((L + 1) * L);
  const TU = new Float64Array((L + 1) * L);
  let c = 1;
  const rand = rng(opts.seed);
  const dropRand = rng(opts.seed + 1);
  const order = data.map((_, i) => i);
  const average = () => {
    const w = new Float64Array(W.length);
    for (let k = 0; k < W.length; k++) w[k] = W[k] - U[k] / c;
    const t = new Float64Array(T.length);
    for (let k = 0; k < T.length; k++) t[k] = T[k] - TU[k] / c;
    return { weights: w, transitions: t };
  };
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffle(order, rand);
    let errors = 0;
    for (const idx of order) {
      const s = data[idx];
      const n = s.gold.length;
      const rows = dropoutRows(s, opts, dropRand);
      const e = emissions(rows, W, L);
      // the best path (scratch.path; read before the next sentence is decoded)
      const pred = n > 0 ? decode(e, n, L, T, allowed, lists, scratch) : scratch.path;
      for (let i = 0; i < n; i++) {
        const g = s.gold[i];
        const p = pred[i];
        if (g !== p) {
          errors++;
          for (const row of rows[i]) {
            if (row < 0) continue;
            W[row * L + g] += 1;
            U[row * L + g] += c;
            W[row * L + p] -= 1;
            U[row * L + p] -= c;
          }
        }
        const gp = i === 0 ? L : s.gold[i - 1];
        const pp = i === 0 ? L : pred[i - 1];
        if (gp !== pp || g !== p) {
          T[gp * L + g] += 1;
          TU[gp * L + g] += c;
          T[pp * L + p] -= 1;
          TU[pp * L + p] -= c;
        }
      }
      c++;
    }
    if (opts.onEpoch) opts.onEpoch(epoch, average(), errors);
  }
  return average();
}
