/**
 * Decoding for tagging: the best label sequence and, when asked, each token's max-marginal
 * margin, with the same arithmetic as perceptron.ts `viterbi` then `margins` (same sums in the
 * same order, same tie-breaking), so tags and margins are identical. Faster for tagging: the
 * Viterbi scores are the forward max-marginals, so the forward pass runs once instead of twice,
 * and the work arrays are kept between sentences (one DecodeScratch per model). decode.test.ts
 * compares it with `viterbi` and `margins`, which training keeps using (perceptron.ts could call
 * `decode` instead of its own two loops).
 */
import type { TransitionLists } from './perceptron.ts';

/** A score no path has (perceptron.ts uses the same). */
const NEG = -1e30;

/** Work arrays reused from sentence to sentence (grown when a longer sentence comes). */
export class DecodeScratch {
  delta = new Float64Array(0);
  beta = new Float64Array(0);
  back = new Int32Array(0);
  path = new Int32Array(0);

  fit(n: number, L: number): void {
    if (this.delta.length >= n * L) return;
    const size = Math.max(n * L, 2 * this.delta.length, 64 * L);
    this.delta = new Float64Array(size);
    this.beta = new Float64Array(size);
    this.back = new Int32Array(size);
    this.path = new Int32Array(size / L);
  }
}

/**
 * Best path for emissions `e` (n × L) under `trans` ((L+1) × L, row L = start) and the allowed
 * transitions; with `margins`, fills margins[0..n) (chosen label's best path score minus the best
 * through any other label). Returns the path (scratch.path, valid until the next call).
 */
export function decode(
  e: Float64Array,
  n: number,
  L: number,
  trans: Float64Array,
  allowed: Uint8Array,
  lists: TransitionLists,
  scratch: DecodeScratch,
  margins?: Float64Array,
): Int32Array {
  scratch.fit(n, L);
  const { delta, back, path } = scratch;
  const prevs = lists.prevs;
  for (let y = 0; y < L; y++) delta[y] = allowed[L * L + y] ? e[y] + trans[L * L + y] : NEG;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    const cur = i * L;
    for (let y = 0; y < L; y++) {
      const ps = prevs[y];
      let best = NEG;
      let arg = 0;
      for (let k = 0; k < ps.length; k++) {
        const p = ps[k];
        const s = delta[prev + p] + trans[p * L + y];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      delta[cur + y] = best + e[cur + y];
      back[cur + y] = arg;
    }
  }
  let best = NEG;
  let arg = 0;
  const last = (n - 1) * L;
  for (let y = 0; y < L; y++) {
    if (delta[last + y] > best) {
      best = delta[last + y];
      arg = y;
    }
  }
  path[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * L + path[i]];
  if (margins) backwardMargins(e, n, L, trans, lists, scratch, margins);
  return path;
}

/** The backward max-marginals, then the margins from them and the forward scores in scratch.delta. */
function backwardMargins(e: Float64Array, n: number, L: number, trans: Float64Array, lists: TransitionLists, scratch: DecodeScratch, out: Float64Array): void {
  const { delta: alpha, beta, path } = scratch;
  const nexts = lists.nexts;
  const last = (n - 1) * L;
  for (let y = 0; y < L; y++) beta[last + y] = 0;
  for (let i = n - 2; i >= 0; i--) {
    const nx = (i + 1) * L;
    for (let y = 0; y < L; y++) {
      const cs = nexts[y];
      let best = NEG;
      for (let k = 0; k < cs.length; k++) {
        const c = cs[k];
        const s = trans[y * L + c] + e[nx + c] + beta[nx + c];
        if (s > best) best = s;
      }
      beta[i * L + y] = best;
    }
  }
  for (let i = 0; i < n; i++) {
    const o = i * L;
    const p = path[i];
    const chosen = alpha[o + p] + beta[o + p];
    let other = NEG;
    for (let y = 0; y < L; y++) {
      if (y !== p) other = Math.max(other, alpha[o + y] + beta[o + y]);
    }
    out[i] = chosen - other;
  }
}
