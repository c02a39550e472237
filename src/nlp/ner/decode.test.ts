import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode, DecodeScratch } from './decode.ts';
import { allowedTransitions, margins, rng, transitionLists, viterbi } from './perceptron.ts';

const LABELS = ['O', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-PERS', 'I-PERS'];

test('decode gives the path of viterbi and the margins of margins, also with ties, one scratch for all sentences', () => {
  const L = LABELS.length;
  const allowed = allowedTransitions(LABELS);
  const lists = transitionLists(L, allowed);
  const rand = rng(7);
  // integer scores (as tagging uses): ties between paths happen
  const trans = Float64Array.from({ length: (L + 1) * L }, () => Math.round(rand() * 6 - 3));
  const scratch = new DecodeScratch();
  let ties = 0;
  for (const n of [1, 2, 5, 40, 3, 120, 7]) {
    const e = Float64Array.from({ length: n * L }, () => Math.round(rand() * 8 - 4));
    const m = new Float64Array(n);
    const path = Array.from(decode(e, n, L, trans, allowed, lists, scratch, m).subarray(0, n));
    const want = viterbi(e, n, L, trans, allowed, lists);
    assert.deepEqual(path, Array.from(want));
    assert.deepEqual(Array.from(m), Array.from(margins(e, n, L, trans, allowed, want, lists)));
    ties += m.filter((x) => x === 0).length;
    // without margins: the same path
    assert.deepEqual(Array.from(decode(e, n, L, trans, allowed, lists, scratch).subarray(0, n)), path);
  }
  assert.ok(ties > 0, 'some tokens have tied labels (the tie-breaking is compared)');
});
