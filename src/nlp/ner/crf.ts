/**
 * Linear-chain CRF training by stochastic gradient descent with L2 regularization (the
 * weight-decay scheme of Bottou's SGD: w = scale · v, decay by shrinking `scale`). Same
 * features, labels and allowed IOB2 transitions as the perceptron (perceptron.ts); the result
 * is the same kind of linear model, decoded by the same Viterbi, so model files, tagging and
 * the fast path do not depend on the learner.
 */
import { allowedTransitions, dropoutRows, emissions, rng, shuffle, transitionLists, type TrainOptions, type TrainSentence } from './perceptron.ts';

export interface CrfOptions extends TrainOptions {
  /** L2 strength per sentence set: λ = c2 / sentences (default 1). */
  c2?: number;
  /** Initial learning rate (default 0.1); epoch k uses eta0 / (1 + decay · k). */
  eta0?: number;
  /** Learning-rate decay per epoch (default 1). */
  decay?: number;
  /**
   * Factor applied to the returned weights (default 4): the tagger's confidence is
   * logistic(margin / 4), so with 4 a CRF margin reads as log-odds; Viterbi does not change.
   */
  outputScale?: number;
  /**
   * Average the weights at the ends of epochs from this one on (Polyak averaging; the result
   * and onEpoch's weights are the average so far); 0 = off (default), the last weights.
   */
  averageFrom?: number;
}

const NEG = -1e30;

function logAdd(a: number, b: number): number {
  if (a === NEG) return b;
  if (b === NEG) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * Forward-backward over the allowed transitions. Returns log Z and fills `alpha`, `beta`
 * (n × L, log space). `e` are emission scores, `trans` (L+1) × L with row L = sentence start.
 */
export function forwardBackward(
  e: Float64Array,
  n: number,
  L: number,
  trans: Float64Array,
  allowed: Uint8Array,
  prevs: Int32Array[],
  nexts: Int32Array[],
  alpha: Float64Array,
  beta: Float64Array,
): number {
  for (let y = 0; y < L; y++) alpha[y] = allowed[L * L + y] ? e[y] + trans[L * L + y] : NEG;
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < L; y++) {
      const ps = prevs[y];
      let s = NEG;
      for (let k = 0; k < ps.length; k++) {
        const a = alpha[(i - 1) * L + ps[k]];
        if (a !== NEG) s = logAdd(s, a + trans[ps[k] * L + y]);
      }
      alpha[i * L + y] = s === NEG ? NEG : s + e[i * L + y];
    }
  }
  for (let y = 0; y < L; y++) beta[(n - 1) * L + y] = 0;
  for (let i = n - 2; i >= 0; i--) {
    for (let y = 0; y < L; y++) {
      const cs = nexts[y];
      let s = NEG;
      for (let k = 0; k < cs.length; k++) {
        const c = cs[k];
        s = logAdd(s, trans[y * L + c] + e[(i + 1) * L + c] + beta[(i + 1) * L + c]);
      }
      beta[i * L + y] = s;
    }
  }
  let z = NEG;
  for (let y = 0; y < L; y++) if (alpha[(n - 1) * L + y] !== NEG) z = logAdd(z, alpha[(n - 1) * L + y]);
  return z;
}

/**
 * Trains CRF weights. Returns weights and transitions (× outputScale) in the perceptron's layout.
 * Deterministic for a seed (the sentence order of each epoch is a seeded shuffle).
 */
export function trainCrf(
  data: TrainSentence[],
  numRows: number,
  labels: string[],
  opts: CrfOptions,
): { weights: Float64Array; transitions: Float64Array } {
  const L = labels.length;
  const allowed = allowedTransitions(labels);
  const { prevs, nexts } = transitionLists(L, allowed);
  const V = new Float64Array(numRows * L);
  const TV = new Float64Array((L + 1) * L);
  const lambda = (opts.c2 ?? 1) / Math.max(1, data.length);
  const eta0 = opts.eta0 ?? 0.1;
  const decay = opts.decay ?? 1;
  const outScale = opts.outputScale ?? 4;
  let scale = 1;
  const rand = rng(opts.seed);
  const dropRand = rng(opts.seed + 1);
  const order = data.map((_, i) => i);
  const maxN = data.reduce((m, s) => Math.max(m, s.gold.length), 1);
  const alpha = new Float64Array(maxN * L);
  const beta = new Float64Array(maxN * L);
  const trans = new Float64Array((L + 1) * L);
  const grad = new Float64Array(L);
  const averageFrom = opts.averageFrom ?? 0;
  const sumW = averageFrom > 0 ? new Float64Array(V.length) : undefined;
  const sumT = averageFrom > 0 ? new Float64Array(TV.length) : undefined;
  let snapshots = 0;
  const snapshot = () => {
    if (!sumW || !sumT) return;
    for (let k = 0; k < V.length; k++) sumW[k] += V[k] * scale;
    for (let k = 0; k < TV.length; k++) sumT[k] += TV[k] * scale;
    snapshots++;
  };
  const result = () => {
    if (sumW && sumT && snapshots > 0) {
      const f = outScale / snapshots;
      return { weights: Float64Array.from(sumW, (v) => v * f), transitions: Float64Array.from(sumT, (v) => v * f) };
    }
    const f = scale * outScale;
    return { weights: Float64Array.from(V, (v) => v * f), transitions: Float64Array.from(TV, (v) => v * f) };
  };
  const rescale = () => {
    for (let k = 0; k < V.length; k++) V[k] *= scale;
    for (let k = 0; k < TV.length; k++) TV[k] *= scale;
    scale = 1;
  };
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffle(order, rand);
    const eta = eta0 / (1 + decay * (epoch - 1));
    let errors = 0;
    for (const idx of order) {
      const s = data[idx];
      const n = s.gold.length;
      if (n === 0) continue;
      const sRows = dropoutRows(s, opts, dropRand);
      const e = emissions(sRows, V, L);
      for (let k = 0; k < n * L; k++) e[k] *= scale;
      for (let k = 0; k < trans.length; k++) trans[k] = TV[k] * scale;
      const logZ = forwardBackward(e, n, L, trans, allowed, prevs, nexts, alpha, beta);
      // decay all weights (λ/2 ||w||² per sentence), then the gradient step on v = w / scale
      scale *= 1 - eta * lambda;
      if (scale < 1e-9) rescale();
      const step = eta / scale;
      for (let i = 0; i < n; i++) {
        const g = s.gold[i];
        let bestY = 0;
        let bestP = -1;
        for (let y = 0; y < L; y++) {
          const a = alpha[i * L + y];
          const p = a === NEG ? 0 : Math.exp(a + beta[i * L + y] - logZ);
          if (p > bestP) {
            bestP = p;
            bestY = y;
          }
          grad[y] = (y === g ? 1 : 0) - p;
        }
        if (bestY !== g) errors++;
        const rows = sRows[i];
        for (let k = 0; k < rows.length; k++) {
          const row = rows[k];
          if (row < 0) continue;
          const off = row * L;
          for (let y = 0; y < L; y++) V[off + y] += step * grad[y];
        }
        // transitions: gold pair minus expected pair marginals
        if (i === 0) {
          for (let y = 0; y < L; y++) {
            if (!allowed[L * L + y]) continue;
            TV[L * L + y] += step * ((y === g ? 1 : 0) - Math.exp(alpha[y] + beta[y] - logZ));
          }
        } else {
          const gp = s.gold[i - 1];
          TV[gp * L + g] += step;
          for (let y = 0; y < L; y++) {
            const ps = prevs[y];
            const ey = e[i * L + y] + beta[i * L + y] - logZ;
            for (let k = 0; k < ps.length; k++) {
              const p = ps[k];
              const a = alpha[(i - 1) * L + p];
              if (a === NEG) continue;
              TV[p * L + y] -= step * Math.exp(a + trans[p * L + y] + ey);
            }
          }
        }
      }
    }
    if (averageFrom > 0 && epoch >= averageFrom) snapshot();
    if (opts.onEpoch) opts.onEpoch(epoch, result(), errors);
  }
  return result();
}
