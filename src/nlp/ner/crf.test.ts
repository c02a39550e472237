import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forwardBackward } from './crf.ts';
import { allowedTransitions, dropoutRows, rng, transitionLists } from './perceptron.ts';
import { readConll } from './conll.ts';
import { serializeModel } from './model.ts';
import { trainNer } from './train.ts';
import { tagTokens } from './index.ts';
import { TOY_CONLL, TOY_HELDOUT } from './toy.test-data.ts';

const toy = readConll(TOY_CONLL).map((s) => ({ tokens: s.tokens, tags: s.tags! }));

test('forward-backward gives log Z and marginals of the IOB2-valid paths (brute force on random scores)', () => {
  const labels = ['O', 'B-LOC', 'I-LOC', 'B-PERS', 'I-PERS'];
  const L = labels.length;
  const allowed = allowedTransitions(labels);
  const { prevs, nexts } = transitionLists(L, allowed);
  const valid = (p: number[]) =>
    p.every((y, i) => !labels[y].startsWith('I-') || (i > 0 && labels[p[i - 1]].slice(2) === labels[y].slice(2) && labels[p[i - 1]] !== 'O'));
  const rand = rng(5);
  for (let trial = 0; trial < 20; trial++) {
    const n = 1 + (trial % 4);
    const e = Float64Array.from({ length: n * L }, () => rand() * 4 - 2);
    const trans = Float64Array.from({ length: (L + 1) * L }, () => rand() * 2 - 1);
    const score = (p: number[]) => p.reduce((a, y, i) => a + e[i * L + y] + trans[(i ? p[i - 1] : L) * L + y], 0);
    let z = 0;
    const marg = new Float64Array(n * L);
    for (let code = 0; code < L ** n; code++) {
      const p = Array.from({ length: n }, (_, i) => Math.floor(code / L ** i) % L);
      if (!valid(p)) continue;
      const w = Math.exp(score(p));
      z += w;
      p.forEach((y, i) => (marg[i * L + y] += w));
    }
    const alpha = new Float64Array(n * L);
    const beta = new Float64Array(n * L);
    const logZ = forwardBackward(e, n, L, trans, allowed, prevs, nexts, alpha, beta);
    assert.ok(Math.abs(logZ - Math.log(z)) < 1e-9, `trial ${trial}: log Z ${logZ} vs ${Math.log(z)}`);
    for (let k = 0; k < n * L; k++) {
      const p = alpha[k] < -1e29 ? 0 : Math.exp(alpha[k] + beta[k] - logZ);
      assert.ok(Math.abs(p - marg[k] / z) < 1e-9, `trial ${trial}: marginal ${k}`);
    }
  }
});

test('a CRF-trained model learns the toy corpus and tags a held-out sentence correctly', () => {
  const model = trainNer(toy, { epochs: 20, seed: 1, learner: 'crf', crf: { c2: 0.1, eta0: 0.5 } });
  assert.deepEqual(tagTokens(model, TOY_HELDOUT.tokens), TOY_HELDOUT.tags);
});

test('CRF training is deterministic for a fixed seed and differs from the perceptron', () => {
  const a = serializeModel(trainNer(toy, { epochs: 3, seed: 7, learner: 'crf' }));
  const b = serializeModel(trainNer(toy, { epochs: 3, seed: 7, learner: 'crf' }));
  assert.equal(a, b);
  assert.notEqual(a, serializeModel(trainNer(toy, { epochs: 3, seed: 7 })));
});

test('identity dropout removes only marked rows, only from tokens of gold entities', () => {
  const s = { rows: [Int32Array.of(0, 1, 2), Int32Array.of(0, 1, -1, 3), Int32Array.of(1, 3)], gold: Int32Array.of(0, 1, 2) };
  const dropRows = Uint8Array.of(1, 0, 0, 1);
  const always = dropoutRows(s, { epochs: 1, seed: 1, dropRows, dropout: 1 }, rng(3));
  assert.deepEqual(always.map((r) => Array.from(r)), [[0, 1, 2], [1, -1], [1]]);
  assert.equal(dropoutRows(s, { epochs: 1, seed: 1, dropRows, dropout: 0 }, rng(3)), s.rows);
  assert.deepEqual(Array.from(s.rows[1]), [0, 1, -1, 3], 'the sentence itself is not changed');
  const a = serializeModel(trainNer(toy, { epochs: 4, seed: 7, dropout: 0.5 }));
  assert.equal(a, serializeModel(trainNer(toy, { epochs: 4, seed: 7, dropout: 0.5 })), 'deterministic');
  assert.notEqual(a, serializeModel(trainNer(toy, { epochs: 4, seed: 7 })), 'dropout changes training');
});
