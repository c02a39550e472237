/**
 * Word clusters induced from unlabelled text, for the NER `clusters` features.
 *
 * Each word type (normalized; a token also counts for its clitic-stripped stem) is described by
 * the stems around it (positions −2, −1, +1, +2; the most frequent stems, the rest pooled per
 * position), weighted by positive PMI (context counts smoothed with exponent 0.75) and reduced to
 * `dims` numbers by a seeded random ±1 projection. Hierarchical spherical k-means then splits the
 * types level by level (`levels[0]` clusters, each split into `levels[1]`, …), so a word's
 * cluster is a path of one character per level and a prefix of it is a coarser cluster, as with
 * Brown clusters' bit paths. Deterministic for a given text, options and seed.
 */
import { normalizeArabic } from '../../text/normalize.ts';
import { splitClitics } from './lexicon.ts';
import { rng } from './perceptron.ts';

export interface ClusterOptions {
  /** Branching per level (each at most 62); the path has one character per level. */
  levels: number[];
  /** Word types seen fewer times than this get no cluster. */
  minCount: number;
  /** Number of most frequent stems used as contexts (per position). */
  contexts: number;
  /** Dimensions of the random projection. */
  dims: number;
  /** k-means iterations per split. */
  iterations: number;
  seed: number;
}

export const DEFAULT_CLUSTERS: ClusterOptions = { levels: [16, 16, 16], minCount: 2, contexts: 3000, dims: 128, iterations: 12, seed: 7 };

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const POSITIONS = [-2, -1, 1, 2];


function byCountThenName(counts: Map<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([w]) => w);
}

/** Normalized unit vectors (dims each, row-major) of the word types with at least minCount occurrences. */
function embed(sentences: string[][], o: ClusterOptions): { types: string[]; vecs: Float32Array } {
  const norms = sentences.map((s) => s.map((w) => normalizeArabic(w)));
  const stems = norms.map((s) => s.map((w) => splitClitics(w).stem));
  const typeCount = new Map<string, number>();
  const stemCount = new Map<string, number>();
  norms.forEach((s, k) =>
    s.forEach((w, i) => {
      typeCount.set(w, (typeCount.get(w) ?? 0) + 1);
      const st = stems[k][i];
      if (st !== w) typeCount.set(st, (typeCount.get(st) ?? 0) + 1);
      stemCount.set(st, (stemCount.get(st) ?? 0) + 1);
    }),
  );
  // A token that normalizes to nothing (tatweel or tashkeel alone) gets no cluster.
  const types = byCountThenName(typeCount).filter((w) => w !== '' && typeCount.get(w)! >= o.minCount);
  const typeId = new Map(types.map((w, i) => [w, i]));
  // Context ids: position p, stem rank r (r = contexts: any other stem, contexts+1: boundary).
  const ctxStems = new Map(byCountThenName(stemCount).slice(0, o.contexts).map((w, i) => [w, i]));
  const perPos = o.contexts + 2;
  const C = POSITIONS.length * perPos;
  const pairs: Array<Map<number, number>> = types.map(() => new Map());
  const ctxCount = new Float64Array(C);
  const wCount = new Float64Array(types.length);
  let total = 0;
  stems.forEach((s, k) => {
    const ns = norms[k];
    for (let i = 0; i < s.length; i++) {
      const a = typeId.get(ns[i]);
      const b = s[i] !== ns[i] ? typeId.get(s[i]) : undefined;
      if (a === undefined && b === undefined) continue;
      POSITIONS.forEach((p, pi) => {
        const j = i + p;
        const r = j < 0 || j >= s.length ? o.contexts + 1 : ctxStems.get(s[j]) ?? o.contexts;
        const c = pi * perPos + r;
        for (const t of [a, b]) {
          if (t === undefined) continue;
          const m = pairs[t];
          m.set(c, (m.get(c) ?? 0) + 1);
          wCount[t]++;
          ctxCount[c]++;
          total++;
        }
      });
    }
  });
  // Smoothed context distribution (exponent 0.75), as in word2vec / Levy et al.
  const ctxP = new Float64Array(C);
  let z = 0;
  for (let c = 0; c < C; c++) z += (ctxP[c] = Math.pow(ctxCount[c], 0.75));
  for (let c = 0; c < C; c++) ctxP[c] /= z || 1;
  const D = o.dims;
  const rand = rng(o.seed);
  const proj = new Float32Array(C * D);
  for (let x = 0; x < proj.length; x++) proj[x] = rand() < 0.5 ? -1 : 1;
  const vecs = new Float32Array(types.length * D);
  for (let t = 0; t < types.length; t++) {
    const base = t * D;
    for (const [c, n] of pairs[t]) {
      const pmi = Math.log(n / wCount[t] / ctxP[c]);
      if (pmi <= 0) continue;
      for (let d = 0, pc = c * D; d < D; d++) vecs[base + d] += pmi * proj[pc + d];
    }
    unit(vecs, base, D);
  }
  void total;
  return { types, vecs };
}

function unit(v: Float32Array, base: number, D: number): void {
  let s = 0;
  for (let d = 0; d < D; d++) s += v[base + d] * v[base + d];
  if (s === 0) return;
  const f = 1 / Math.sqrt(s);
  for (let d = 0; d < D; d++) v[base + d] *= f;
}

/** Spherical k-means of the rows `items` of vecs into at most k groups (k-means++ seeding); returns a group per item. */
function kmeans(vecs: Float32Array, D: number, items: number[], k: number, iterations: number, rand: () => number): number[] {
  const n = items.length;
  const assign = new Array<number>(n).fill(0);
  if (k <= 1 || n <= k) return items.map((_, i) => (n <= k ? i : 0));
  const cent = new Float32Array(k * D);
  const dot = (i: number, c: number) => {
    let s = 0;
    for (let d = 0, a = items[i] * D, b = c * D; d < D; d++) s += vecs[a + d] * cent[b + d];
    return s;
  };
  // k-means++ on cosine distance (1 − dot).
  const best = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(rand() * n);
  for (let c = 0; c < k; c++) {
    cent.set(vecs.subarray(items[pick] * D, items[pick] * D + D), c * D);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const dist = Math.max(0, 1 - dot(i, c));
      if (dist < best[i]) best[i] = dist;
      sum += best[i] * best[i];
    }
    let r = rand() * sum;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= best[i] * best[i];
      if (r <= 0) {
        pick = i;
        break;
      }
    }
  }
  for (let it = 0; it < iterations; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let bc = 0;
      let bs = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(i, c);
        if (s > bs) {
          bs = s;
          bc = c;
        }
      }
      if (assign[i] !== bc || it === 0) changed++;
      assign[i] = bc;
    }
    if (changed === 0) break;
    const next = new Float32Array(k * D);
    for (let i = 0; i < n; i++) {
      for (let d = 0, a = items[i] * D, b = assign[i] * D; d < D; d++) next[b + d] += vecs[a + d];
    }
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let d = 0; d < D; d++) s += next[c * D + d] * next[c * D + d];
      // An emptied cluster keeps its old centroid.
      if (s > 0) {
        unit(next, c * D, D);
        cent.set(next.subarray(c * D, c * D + D), c * D);
      }
    }
  }
  return assign;
}

/**
 * Induces word clusters from tokenized sentences (labels, if any, are not used). Returns
 * normalized word (or stem) → path (one character per level).
 */
export function induceClusters(sentences: string[][], opts: Partial<ClusterOptions> = {}): Map<string, string> {
  const o = { ...DEFAULT_CLUSTERS, ...opts };
  for (const k of o.levels) if (!(k >= 1 && k <= DIGITS.length)) throw new Error(`clusters: level branching ${k} is not in 1..${DIGITS.length}`);
  const { types, vecs } = embed(sentences, o);
  const rand = rng(o.seed + 1);
  const paths = new Array<string>(types.length).fill('');
  let groups: number[][] = [types.map((_, i) => i)];
  for (const k of o.levels) {
    const next: number[][] = [];
    for (const items of groups) {
      const assign = kmeans(vecs, o.dims, items, k, o.iterations, rand);
      const sub: number[][] = Array.from({ length: k }, () => []);
      items.forEach((t, i) => {
        paths[t] += DIGITS[assign[i]];
        sub[assign[i]].push(t);
      });
      for (const s of sub) if (s.length > 0) next.push(s);
    }
    groups = next;
  }
  return new Map(types.map((w, i) => [w, paths[i]]));
}

/** Serialized form: `word<TAB>path` lines, sorted by word. */
export function clusterLines(m: Map<string, string>): string[] {
  return [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([w, p]) => `${w}\t${p}`);
}

export function clustersFromLines(lines: string[], origin = 'clusters'): Map<string, string> {
  const m = new Map<string, string>();
  lines.forEach((l, i) => {
    const tab = l.indexOf('\t');
    if (tab <= 0 || tab === l.length - 1) throw new Error(`${origin}: line ${i + 1} is not "word<TAB>path"`);
    m.set(l.slice(0, tab), l.slice(tab + 1));
  });
  return m;
}
