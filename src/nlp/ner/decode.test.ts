import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode, DecodeScratch } from './decode.ts';
import { allowedTransitions, rng, transitionLists } from './perceptron.ts';

const LABELS = ['O', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-PERS', 'I-PERS'];

test('decode finds a best valid path and each token\'s max-marginal margin (brute force, ties included)', () => {
  const L = LABELS.length;
  const allowed = allowedTransitions(LABELS);
  const lists = transitionLists(L, allowed);
  const valid = (p: number[]) => p.every((y, i) => allowed[(i ? p[i - 1] : L) * L + y] === 1);
  const rand = rng(7);
  // integer scores (as tagging uses): ties between paths happen
  const trans = Float64Array.from({ length: (L + 1) * L }, () => Math.round(rand() * 6 - 3));
  const scratch = new DecodeScratch();
  let ties = 0;
  for (const n of [1, 2, 5, 3, 4, 5, 1]) {
    const e = Float64Array.from({ length: n * L }, () => Math.round(rand() * 8 - 4));
    const score = (p: number[]) => p.reduce((a, y, i) => a + e[i * L + y] + trans[(i ? p[i - 1] : L) * L + y], 0);
    // best score of a valid path through label y at token i
    const through = Array.from({ length: n * L }, () => -Infinity);
    let best = -Infinity;
    for (let code = 0; code < L ** n; code++) {
      const p = Array.from({ length: n }, (_, i) => Math.floor(code / L ** i) % L);
      if (!valid(p)) continue;
      const s = score(p);
      best = Math.max(best, s);
      p.forEach((y, i) => (through[i * L + y] = Math.max(through[i * L + y], s)));
    }
    const m = new Float64Array(n);
    const path = Array.from(decode(e, n, L, trans, allowed, lists, scratch, m).subarray(0, n));
    assert.ok(valid(path), `n=${n}: valid path`);
    assert.equal(score(path), best, `n=${n}: optimal`);
    for (let i = 0; i < n; i++) {
      let other = -Infinity;
      for (let y = 0; y < L; y++) if (y !== path[i]) other = Math.max(other, through[i * L + y]);
      assert.equal(m[i], through[i * L + path[i]] - other, `n=${n} token ${i}: margin`);
    }
    ties += m.filter((x) => x === 0).length;
    // without margins: the same path
    assert.deepEqual(Array.from(decode(e, n, L, trans, allowed, lists, scratch).subarray(0, n)), path);
  }
  assert.ok(ties > 0, 'some tokens have tied labels');
});

test('one scratch serves sentences of any length in turn (long after short, short after long)', () => {
  const L = LABELS.length;
  const allowed = allowedTransitions(LABELS);
  const lists = transitionLists(L, allowed);
  const rand = rng(11);
  const trans = Float64Array.from({ length: (L + 1) * L }, () => Math.round(rand() * 6 - 3));
  const shared = new DecodeScratch();
  for (const n of [3, 120, 7, 400, 2]) {
    const e = Float64Array.from({ length: n * L }, () => Math.round(rand() * 8 - 4));
    const m1 = new Float64Array(n);
    const m2 = new Float64Array(n);
    const a = Array.from(decode(e, n, L, trans, allowed, lists, shared, m1).subarray(0, n));
    const b = Array.from(decode(e, n, L, trans, allowed, lists, new DecodeScratch(), m2).subarray(0, n));
    assert.deepEqual(a, b);
    assert.deepEqual(Array.from(m1), Array.from(m2));
  }
});
