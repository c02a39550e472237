/**
 * conlleval-style entity scoring: micro precision/recall/F1 over exact spans and types. Counts
 * exactly like /work/shared/tools/score-ner: an I-X that does not continue an X chunk starts a
 * new chunk; a tag that is neither B- nor I- (O or anything malformed) closes the open chunk.
 */

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  /** Number of gold chunks (tp + fn). */
  gold: number;
}

export interface NerScore {
  /** Per entity type, sorted by type name. */
  types: Record<string, Prf>;
  overall: Prf;
}

/** Entity chunks of a tag sequence as `start:end:type` keys (end exclusive). */
export function chunks(tags: string[]): Set<string> {
  const out = new Set<string>();
  let start = -1;
  let typ = '';
  const all = tags.concat(['O']);
  for (let i = 0; i < all.length; i++) {
    const t = all[i];
    let p = 'O';
    let x = '';
    if (t !== 'O') {
      const k = t.indexOf('-');
      if (k < 0) p = t;
      else {
        p = t.slice(0, k);
        x = t.slice(k + 1);
      }
    }
    const cont = p === 'I' && start >= 0 && typ === x;
    if (start >= 0 && !cont) {
      out.add(`${start}:${i}:${typ}`);
      start = -1;
      typ = '';
    }
    if (p === 'B' || (p === 'I' && !cont)) {
      start = i;
      typ = x;
    }
  }
  return out;
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, fp, fn, gold: tp + fn };
}

export class ScoreError extends Error {}

/** Scores predicted tag sequences against gold ones (same sentences, same lengths). */
export function scoreNer(gold: string[][], pred: string[][]): NerScore {
  if (gold.length !== pred.length) {
    throw new ScoreError(`sentence count differs: gold ${gold.length}, pred ${pred.length}`);
  }
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (let s = 0; s < gold.length; s++) {
    if (gold[s].length !== pred[s].length) {
      throw new ScoreError(`sentence ${s + 1}: gold has ${gold[s].length} tokens, pred ${pred[s].length}`);
    }
    const gc = chunks(gold[s]);
    const pc = chunks(pred[s]);
    const typeOf = (c: string) => c.slice(c.indexOf(':', c.indexOf(':') + 1) + 1);
    for (const c of pc) inc(gc.has(c) ? tp : fp, typeOf(c));
    for (const c of gc) if (!pc.has(c)) inc(fn, typeOf(c));
  }
  const names = [...new Set([...tp.keys(), ...fp.keys(), ...fn.keys()])].sort();
  const types: Record<string, Prf> = {};
  let T = 0;
  let P = 0;
  let N = 0;
  for (const t of names) {
    const a = tp.get(t) ?? 0;
    const b = fp.get(t) ?? 0;
    const c = fn.get(t) ?? 0;
    types[t] = prf(a, b, c);
    T += a;
    P += b;
    N += c;
  }
  return { types, overall: prf(T, P, N) };
}

/**
 * `x.toFixed(2)` rounding exact ties to even, like Python's format: toFixed rounds the exact
 * binary value and takes the larger of two equally near results, Python the even one. A double
 * is exactly halfway between two hundredths only when x × 8 is an integer and x × 4 is not.
 */
function fixed2(x: number): string {
  if (Number.isInteger(x * 8) && !Number.isInteger(x * 4)) {
    const n = Math.floor(x * 100);
    return ((n % 2 === 0 ? n : n + 1) / 100).toFixed(2);
  }
  return x.toFixed(2);
}

/** Formats a score exactly like score-ner prints it (percentages with two decimals). */
export function formatScore(score: NerScore): string {
  const pct = (x: number) => fixed2(x * 100).padStart(6);
  const lines: string[] = [];
  for (const [t, s] of Object.entries(score.types)) {
    lines.push(
      `${t.padEnd(6)} precision ${pct(s.precision)} recall ${pct(s.recall)} f1 ${pct(s.f1)}  (${s.gold} gold)`,
    );
  }
  const o = score.overall;
  lines.push(`ALL    precision ${pct(o.precision)} recall ${pct(o.recall)} f1 ${pct(o.f1)}`);
  return lines.join('\n');
}
