import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readConll } from './conll.ts';
import { DEFAULT_FEATURES, analyzeToken, extractFeatures } from './features.ts';
import { decodeFeatures, deserializeModel, serializeModel, tagDocument, tagSingle } from './model.ts';
import { allowedTransitions, rng, viterbi } from './perceptron.ts';
import { trainNer } from './train.ts';
import { mentionsFromTags, nerStage, tagTokens } from './index.ts';
import { TOY_CONLL, TOY_HELDOUT } from './toy.test-data.ts';
import { newDoc } from '../doc.ts';
import { contextFeatures } from './context.ts';

const toy = readConll(TOY_CONLL).map((s) => ({ tokens: s.tokens, tags: s.tags! }));

test('viterbi finds the best IOB2-valid path (checked by brute force on random scores)', () => {
  const labels = ['O', 'B-LOC', 'I-LOC', 'B-PERS', 'I-PERS'];
  const L = labels.length;
  const allowed = allowedTransitions(labels);
  const valid = (p: number[]) =>
    p.every((y, i) => {
      const t = labels[y];
      if (!t.startsWith('I-')) return true;
      return i > 0 && labels[p[i - 1]] !== 'O' && labels[p[i - 1]].slice(2) === t.slice(2);
    });
  const rand = rng(42);
  for (let trial = 0; trial < 30; trial++) {
    const n = 1 + (trial % 5);
    const e = Float64Array.from({ length: n * L }, (_, k) => (labels[k % L].startsWith('I-') ? 4 : 0) + rand() * 3);
    const trans = Float64Array.from({ length: (L + 1) * L }, () => rand() * 2 - 1);
    const score = (p: number[]) => p.reduce((a, y, i) => a + e[i * L + y] + trans[(i ? p[i - 1] : L) * L + y], 0);
    let best = -Infinity;
    for (let code = 0; code < L ** n; code++) {
      const p = Array.from({ length: n }, (_, i) => Math.floor(code / L ** i) % L);
      if (valid(p)) best = Math.max(best, score(p));
    }
    const path = Array.from(viterbi(e, n, L, trans, allowed));
    assert.ok(valid(path), `valid path ${path.map((y) => labels[y])}`);
    assert.ok(Math.abs(score(path) - best) < 1e-9, `trial ${trial}: optimal`);
  }
});

test('a model trained on a toy corpus tags a held-out toy sentence correctly', () => {
  const model = trainNer(toy, { epochs: 10, seed: 1 });
  assert.deepEqual(tagTokens(model, TOY_HELDOUT.tokens), TOY_HELDOUT.tags);
});

test('a two-stage model with all feature groups learns the toy corpus too', () => {
  const features = { ...DEFAULT_FEATURES, lexicon: true, rare: true, charNgrams: 3, docWindow: 2 };
  const model = trainNer(toy, { epochs: 10, seed: 1, features, stage1Epochs: 5 });
  assert.ok(model.stage1, 'has a first stage');
  assert.deepEqual(tagTokens(model, TOY_HELDOUT.tokens), TOY_HELDOUT.tags);
});

test('training is deterministic for a fixed seed', () => {
  const a = serializeModel(trainNer(toy, { epochs: 3, seed: 7 }));
  const b = serializeModel(trainNer(toy, { epochs: 3, seed: 7 }));
  assert.equal(a, b);
});

test('a model round-trips through save/load and tags identically', () => {
  const features = { ...DEFAULT_FEATURES, lexicon: true, rare: true, docWindow: 2 };
  const model = trainNer(toy, { epochs: 4, seed: 3, features, stage1Epochs: 2, info: { version: '9.9.9' } });
  const text = serializeModel(model);
  const loaded = deserializeModel(text);
  assert.equal(loaded.info.version, '9.9.9');
  assert.equal(serializeModel(loaded), text);
  const docs = [...toy.map((s) => s.tokens), TOY_HELDOUT.tokens, ['غدامس', 'و', 'سرت', 'وكريم']];
  const a = tagDocument(model, docs, true);
  const b = tagDocument(loaded, docs, true);
  assert.deepEqual(
    b.map((t) => t.tags),
    a.map((t) => t.tags),
  );
  assert.deepEqual(
    b.map((t) => Array.from(t.margins!)),
    a.map((t) => Array.from(t.margins!)),
  );
});

test('deserializeModel names the broken field', () => {
  const model = trainNer(toy, { epochs: 1, seed: 1 });
  const file = JSON.parse(serializeModel(model));
  file.weights = file.weights.slice(1);
  assert.throws(() => deserializeModel(JSON.stringify(file), 'm.json'), /m\.json: field "weights"/);
  assert.throws(() => deserializeModel('{nope', 'm.json'), /m\.json: not JSON/);
});

test('mentionsFromTags maps chunks to typed mentions with original offsets', () => {
  const text = 'زار كريم ناصر سرت';
  const spans = [
    { start: 0, end: 3, norm: 'زار' },
    { start: 4, end: 8, norm: 'كريم' },
    { start: 9, end: 13, norm: 'ناصر' },
    { start: 14, end: 17, norm: 'سرت' },
  ];
  const m = mentionsFromTags(spans, ['O', 'B-PERS', 'I-PERS', 'B-LOC'], Float64Array.from([5, 2, 8, 0]), 'src');
  assert.deepEqual(
    m.map((x) => [x.type, text.slice(x.start, x.end), x.norm]),
    [
      ['person', 'كريم ناصر', 'كريم ناصر'],
      ['location', 'سرت', 'سرت'],
    ],
  );
  assert.ok(m[0].confidence > m[1].confidence, 'larger margin → higher confidence');
});

test('nerStage tags the tokens of each sentence and adds mentions with the model source', () => {
  const model = trainNer(toy, { epochs: 10, seed: 1, info: { version: '1.2.3' } });
  const text = TOY_HELDOUT.tokens.join(' ');
  const doc = newDoc('d', text, { origin: '-', format: 'txt', encoding: 'utf-8' });
  let pos = 0;
  for (const t of TOY_HELDOUT.tokens) {
    const start = text.indexOf(t, pos);
    doc.tokens.push({ start, end: start + t.length, norm: t });
    pos = start + t.length;
  }
  doc.sentences.push({ start: 0, end: text.length, story: 0 });
  const out = nerStage(model).run(doc, undefined);
  assert.deepEqual(
    out.mentions.map((m) => [m.type, text.slice(m.start, m.end)]),
    [
      ['person', 'هادي الفيتوري'],
      ['organization', 'شركة النور'],
      ['location', 'مصراتة'],
    ],
  );
  assert.ok(out.mentions.every((m) => m.source === 'ner:perceptron@1.2.3'));
});

test('context features carry a word\'s first-stage type from nearby sentences, not its own vote', () => {
  const sents = [['قال', 'فينغر'], ['وأكد', 'فينغر'], ['x'], ['y'], ['فينغر']];
  const first = [['O', 'B-PERS'], ['O', 'O'], ['O'], ['O'], ['O']];
  const ctx = contextFeatures(
    sents.map((s) => s.map((w) => analyzeToken(w, undefined))),
    first,
    1,
  );
  // Sentence 1 sees sentence 0's PERS vote; its own O vote is not counted against it.
  assert.ok(ctx[1][1].includes('dw=PERS+'), ctx[1][1].join(' '));
  // Sentence 0's token: the other vote (sentence 1) is O, so the PERS evidence is only its own.
  assert.ok(!ctx[0][1].some((f) => f.startsWith('dw=')), ctx[0][1].join(' '));
  // Sentence 4 is out of the window of sentence 0.
  assert.ok(!ctx[4][0].some((f) => f.startsWith('dw=')));
  assert.deepEqual(ctx[0][1].slice(0, 3), ['q=B-PERS', 'q-1=O', 'q+1=</s>']);
});

test('topic features mark tokens of a sports context (several sports words in the window) with their first-stage tag', () => {
  const sents = [['فاز', 'ليون', 'في', 'المباراة'], ['وسجل', 'اللاعب', 'هدفا'], ['x'], ['y'], ['z'], ['زار', 'ليون']];
  const first = [['O', 'B-LOC', 'O', 'O'], ['O', 'O', 'O'], ['O'], ['O'], ['O'], ['O', 'B-LOC']];
  const keys = sents.map((s) => s.map((w) => analyzeToken(w, undefined)));
  const ctx = contextFeatures(keys, first, 1, true);
  assert.ok(ctx[0][1].includes('sp|q=B-LOC'), ctx[0][1].join(' '));
  // four sports words in sentences 0-1, none within one sentence of sentence 5
  assert.ok(!ctx[5][1].some((f) => f.startsWith('sp|')), ctx[5][1].join(' '));
  assert.ok(!contextFeatures(keys, first, 1).flat(2).some((f) => f.startsWith('sp|')), 'off unless asked');
});

test('two-stage tagging through the joint index equals decoding each stage from feature strings', () => {
  const features = { ...DEFAULT_FEATURES, lexicon: true, rare: true, docWindow: 2 };
  const model = trainNer(toy, { epochs: 4, seed: 5, features, stage1Epochs: 3 });
  const docs = [...toy.map((s) => s.tokens), TOY_HELDOUT.tokens, ['وكريم', 'ناصر', 'في', 'سرت']];
  const first = docs.map((s) => tagSingle(model.stage1!, s, false).tags);
  const extra = contextFeatures(
    docs.map((s) => s.map((w) => analyzeToken(w, model.resources))),
    first,
    2,
  );
  const slow = docs.map((s, k) =>
    decodeFeatures(model, extractFeatures(s, model.features, model.resources, undefined, extra[k]), true),
  );
  const fast = tagDocument(model, docs, true);
  assert.deepEqual(
    fast.map((t) => t.tags),
    slow.map((t) => t.tags),
  );
  assert.deepEqual(
    fast.map((t) => Array.from(t.margins!, (x) => x.toFixed(9))),
    slow.map((t) => Array.from(t.margins!, (x) => x.toFixed(9))),
  );
});

test('IOB2 ↔ IOBES conversion and IOBES transition constraints', async () => {
  const { toIobes, fromIobes } = await import('./perceptron.ts');
  const iob = ['B-PERS', 'I-PERS', 'I-PERS', 'O', 'B-LOC', 'B-LOC', 'I-LOC'];
  assert.deepEqual(toIobes(iob), ['B-PERS', 'I-PERS', 'E-PERS', 'O', 'S-LOC', 'B-LOC', 'E-LOC']);
  assert.deepEqual(fromIobes(toIobes(iob)), iob);
  const labels = ['O', 'B-LOC', 'E-LOC', 'I-LOC', 'S-LOC'];
  const ok = allowedTransitions(labels);
  const L = labels.length;
  const allowed = (p: string, c: string) => ok[(p === '^' ? L : labels.indexOf(p)) * L + labels.indexOf(c)] === 1;
  assert.ok(allowed('^', 'S-LOC') && allowed('^', 'B-LOC') && !allowed('^', 'E-LOC') && !allowed('^', 'I-LOC'));
  assert.ok(allowed('B-LOC', 'E-LOC') && allowed('B-LOC', 'I-LOC') && !allowed('B-LOC', 'O') && !allowed('B-LOC', 'S-LOC'));
  assert.ok(allowed('E-LOC', 'O') && allowed('S-LOC', 'B-LOC') && !allowed('E-LOC', 'I-LOC') && !allowed('O', 'E-LOC'));
});

test('quotePositions marks short quoted spans only', async () => {
  const { quotePositions } = await import('./features.ts');
  assert.deepEqual(quotePositions(['قال', '«', 'برنامج', 'الليلة', '»', 'و', '"', 'حكاية', '"']), ['', '', 'B', 'IE', '', '', '', 'BE', '']);
  // An unclosed quote or a span longer than 8 tokens marks nothing.
  assert.deepEqual(quotePositions(['"', 'ا', 'ب']), ['', '', '']);
  const long = ['"', ...Array.from({ length: 9 }, () => 'ك'), '"'];
  assert.ok(quotePositions(long).every((q) => q === ''));
});
