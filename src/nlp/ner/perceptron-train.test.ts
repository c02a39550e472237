import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addCost, allowedTransitions, costByGold, SOUP_SEED_STEP, trainPerceptron, viterbi, type EpochStats, type TrainSentence } from './perceptron.ts';
import { readConll } from './conll.ts';
import { serializeModel } from './model.ts';
import { trainNer } from './train.ts';
import { tagTokens } from './index.ts';
import { TOY_CONLL, TOY_HELDOUT } from './toy.test-data.ts';

const toy = readConll(TOY_CONLL).map((s) => ({ tokens: s.tokens, tags: s.tags! }));
const labels = ['O', 'B-X', 'I-X'];
const L = labels.length;

test('a cost-augmented decode prefers a wrong label exactly when the cost exceeds the gold label margin', () => {
  const allowed = allowedTransitions(labels);
  const trans = new Float64Array((L + 1) * L);
  // token 0: gold B-X leads O by 1.5; token 1: gold O leads B-X by 0.5
  const e = Float64Array.of(0, 1.5, -9, 0.5, 0, -9);
  const gold = Int32Array.of(1, 0);
  assert.deepEqual(Array.from(viterbi(e, 2, L, trans, allowed)), [1, 0], 'without cost: the gold path');
  const fnWins = addCost(Float64Array.from(e), gold, L, { fn: 2, fp: 0 });
  assert.deepEqual(Array.from(viterbi(fnWins, 2, L, trans, allowed)), [0, 0], 'fn 2 > margin 1.5 at the entity token');
  const fnLoses = addCost(Float64Array.from(e), gold, L, { fn: 1, fp: 0 });
  assert.deepEqual(Array.from(viterbi(fnLoses, 2, L, trans, allowed)), [1, 0], 'fn 1 < margin 1.5');
  const fpWins = addCost(Float64Array.from(e), gold, L, { fn: 0, fp: 1 });
  assert.deepEqual(Array.from(viterbi(fpWins, 2, L, trans, allowed)), [1, 1], 'fp 1 > margin 0.5 at the O token: I-X after B-X');
  assert.deepEqual(Array.from(fpWins), [0, 1.5, -9, 0.5, 1, -8], 'the gold label itself gets no cost');
});

test('a per-type cost charges the gold type\'s cost, fn for unlisted types, fp for O, and rejects unknown types', () => {
  const labs = ['O', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];
  const byGold = costByGold(labs, { fn: 20, fp: 10, types: { MISC: 30 } });
  assert.deepEqual(Array.from(byGold), [10, 20, 20, 30, 30]);
  const e = new Float64Array(2 * labs.length);
  addCost(e, Int32Array.of(3, 0), labs.length, byGold);
  assert.deepEqual(Array.from(e), [30, 30, 30, 0, 30, 0, 10, 10, 10, 10], 'gold B-MISC: 30 on the others; gold O: 10');
  assert.throws(() => costByGold(labs, { fn: 1, fp: 1, types: { MSC: 3 } }), /unknown entity type MSC/);
});

test('a per-type cost equal to fn for every type trains the same model as fn alone; a different one changes it', () => {
  const base = serializeModel(trainNer(toy, { epochs: 4, seed: 7, cost: { fn: 3, fp: 1 } }));
  const same = serializeModel(trainNer(toy, { epochs: 4, seed: 7, cost: { fn: 3, fp: 1, types: { PERS: 3 } } }));
  assert.equal(same, base);
  const heavier = serializeModel(trainNer(toy, { epochs: 4, seed: 7, cost: { fn: 3, fp: 1, types: { PERS: 20 } } }));
  assert.ok(heavier !== base, 'a costlier PERS changes the model');
});

/** One token with two feature rows, gold B-X. */
const one: TrainSentence[] = [{ rows: [Int32Array.of(0, 1)], gold: Int32Array.of(1) }];

test('PA-I makes a step of loss / ||Δφ||², capped at C', () => {
  // All weights 0: the cost-augmented decode picks O (cost 2; I-X cannot start), loss = 2.
  // Δφ: rows 0 and 1 at B-X +1 and at O −1, transitions start→B-X +1 and start→O −1: ||Δφ||² = 6.
  // One epoch of one sentence: the averaged weights are half the step.
  const run = (pa: number) => {
    let stats: EpochStats | undefined;
    const w = trainPerceptron(one, 2, labels, { epochs: 1, seed: 1, pa, cost: { fn: 2, fp: 1 }, onEpoch: (_e, _a, _err, s) => (stats = s) });
    return { w, stats: stats! };
  };
  const big = run(10);
  assert.ok(Math.abs(big.w.weights[0 * L + 1] - 1 / 6) < 1e-12, `weight ${big.w.weights[1]}`);
  assert.ok(Math.abs(big.w.weights[1 * L + 0] + 1 / 6) < 1e-12);
  assert.ok(Math.abs(big.w.transitions[L * L + 1] - 1 / 6) < 1e-12);
  assert.ok(Math.abs(big.stats.meanStep - 1 / 3) < 1e-12);
  const capped = run(0.1);
  assert.ok(Math.abs(capped.w.weights[0 * L + 1] - 0.05) < 1e-12, `weight ${capped.w.weights[1]}`);
  const plain = trainPerceptron(one, 2, labels, { epochs: 1, seed: 1 });
  assert.equal(plain.weights[0 * L + 1], 0.5, 'the plain perceptron steps by 1');
});

test('a soup of K perceptrons is the mean of K single runs with the soup seeds', () => {
  const rows = (a: number[]) => Int32Array.from(a);
  const data: TrainSentence[] = [
    { rows: [rows([0, 2]), rows([1, 3])], gold: Int32Array.of(1, 2) },
    { rows: [rows([0, 4]), rows([5])], gold: Int32Array.of(0, 1) },
    { rows: [rows([1, 4]), rows([2, 5])], gold: Int32Array.of(1, 0) },
    { rows: [rows([3]), rows([0, 5]), rows([2])], gold: Int32Array.of(0, 1, 2) },
  ];
  const single = (seed: number) => trainPerceptron(data, 6, labels, { epochs: 3, seed });
  const soup = trainPerceptron(data, 6, labels, { epochs: 3, seed: 5, soup: 3 });
  const parts = [0, 1, 2].map((k) => single(5 + k * SOUP_SEED_STEP));
  assert.notDeepEqual(parts[0].weights, parts[1].weights, 'the seeds give different models (else the test proves nothing)');
  for (let k = 0; k < soup.weights.length; k++) {
    const mean = parts.reduce((a, p) => a + p.weights[k], 0) / 3;
    assert.ok(Math.abs(soup.weights[k] - mean) < 1e-9, `weight ${k}: ${soup.weights[k]} vs ${mean}`);
  }
  for (let k = 0; k < soup.transitions.length; k++) {
    const mean = parts.reduce((a, p) => a + p.transitions[k], 0) / 3;
    assert.ok(Math.abs(soup.transitions[k] - mean) < 1e-9, `transition ${k}`);
  }
  assert.deepEqual(trainPerceptron(data, 6, labels, { epochs: 3, seed: 5, soup: 1 }), single(5), 'soup 1 = one model');
});

test('the training options change the model, deterministically, and each still learns the toy corpus', () => {
  const plain = serializeModel(trainNer(toy, { epochs: 4, seed: 7 }));
  const zeroCost = serializeModel(trainNer(toy, { epochs: 4, seed: 7, cost: { fn: 0, fp: 0 } }));
  assert.equal(zeroCost, plain, 'a zero cost is plain training');
  const variants = [
    { cost: { fn: 3, fp: 1 } },
    { soup: 3 },
    { pa: 1 },
    { pa: 1, cost: { fn: 2, fp: 1 } },
  ];
  for (const v of variants) {
    const a = trainNer(toy, { epochs: 8, seed: 7, ...v });
    const b = trainNer(toy, { epochs: 8, seed: 7, ...v });
    assert.equal(serializeModel(a), serializeModel(b), `${JSON.stringify(v)}: deterministic`);
    assert.notEqual(serializeModel(trainNer(toy, { epochs: 4, seed: 7, ...v })), plain, `${JSON.stringify(v)}: changes the model`);
    assert.deepEqual(tagTokens(a, TOY_HELDOUT.tokens), TOY_HELDOUT.tags, `${JSON.stringify(v)}: tags the held-out sentence`);
  }
});
