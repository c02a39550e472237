import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_FEATURES, extractFeatures, type GazetteerTagger } from './features.ts';
import { decodeFeatures, deserializeModel, serializeModel, tagDocument } from './model.ts';
import { FeatureHasher, FeatureTable, LookupBatch, partHash } from './hash.ts';
import { trainNer } from './train.ts';
import { readConll } from './conll.ts';
import { TOY_CONLL, TOY_HELDOUT } from './toy.test-data.ts';
import { parseEntityList } from './lists.ts';
import { WordCache } from './fast.ts';
import { induceClusters } from './clusters.ts';

const toy = readConll(TOY_CONLL).map((s) => ({ tokens: s.tokens, tags: s.tags! }));

/** A toy gazetteer: every token starting with س is a city, غدامس and the token after it a region. */
const gaz: GazetteerTagger = (tokens) =>
  tokens.map((w, i) => [
    ...(w.startsWith('س') ? ['B-city'] : []),
    ...(w === 'غدامس' ? ['B-region?'] : tokens[i - 1] === 'غدامس' ? ['I-region?'] : []),
  ]);

test('hashing a feature in parts equals hashing the whole string, and the table finds it', () => {
  const h = new FeatureHasher();
  const whole = h.start().feed('bl=سرت|غدامس');
  const [a, b] = [whole.h1, whole.h2];
  h.start().feed('bl=').feed('xسرتx', 1, 4).feed('|').feed('غدامس');
  assert.deepEqual([h.h1, h.h2], [a, b]);
  const t = new FeatureTable(3);
  t.add(h.start().feed('n=سرت'), 0);
  t.add(h.start().feed('n=غدامس'), 1);
  assert.equal(t.add(h.start().feed('n=سرت'), 2), 0, 'a present feature keeps its row');
  assert.equal(t.get(h.start().feed('n=غدامس')), 1);
  assert.equal(t.get(h.start().feed('n=غدامسx')), -1);
});

test('a lookup batch gives each queued feature its target and the row the table gives it, past its first capacity', () => {
  const h = new FeatureHasher();
  const t = new FeatureTable(400);
  for (let k = 0; k < 400; k += 2) t.add(h.start().feed(`n=كلمة${k}`), k);
  const batch = new LookupBatch();
  for (let round = 0; round < 2; round++) {
    for (let k = 0; k < 600; k++) batch.push(h.start().feed(`n=كلمة${k}`), 7 * k);
    assert.equal(batch.lookUp(t), 600);
    for (let k = 0; k < 600; k++) {
      assert.equal(batch.at[k], 7 * k);
      assert.equal(batch.rows[k], k < 400 && k % 2 === 0 ? k : -1, `feature ${k}`);
    }
    assert.equal(batch.n, 0, 'looking up empties the queue');
  }
});

test('a part hashed once and fed by its hash gives the state of feeding its text', () => {
  const h = new FeatureHasher();
  const parts = new Int32Array(8);
  partHash('xغدامسx', parts, 0, 1, 6);
  partHash('', parts, 4);
  const whole = h.start().feed('bl=غدامس|');
  const [a, b] = [whole.h1, whole.h2];
  assert.deepEqual([h.start().feed('bl=').feedPart(parts, 0).feedPart(parts, 4).feed('|').h1, h.h2], [a, b]);
  // another part gives another state
  partHash('غدامز', parts, 0);
  assert.notDeepEqual([h.start().feed('bl=').feedPart(parts, 0).feed('|').h1, h.h2], [a, b]);
});

test('the hashed fast path tags and scores like decoding from feature strings (all feature groups)', () => {
  const features = { ...DEFAULT_FEATURES, lexicon: true, rare: true, charNgrams: 3, gazetteer: true, window: 3, cues: true, conj: true, nbAffixes: 2, foreign: true, names: true, lists: true, quotes: true, titledQuotes: true, nameConj: true, clusters: [1, 2], clusterNb: [1, 2] };
  const entities = parseEntityList('LOC\tسرت\nORG\tغدامس\nMISC\tغدامس و\n');
  const clusters = induceClusters(toy.map((s) => s.tokens), { levels: [3, 2], minCount: 1, dims: 16, contexts: 50 });
  const titled = { tokens: ['قدم', 'برنامج', '«', 'سرت', 'اليوم', '»'], tags: ['O', 'O', 'O', 'B-MISC', 'I-MISC', 'O'] };
  const model = trainNer([...toy, titled], { epochs: 4, seed: 2, features, gazetteer: gaz, names: ['كريم', 'ناصر'], entities, clusters });
  assert.ok([...model.index.keys()].some((f) => f.startsWith('cs1=')) && [...model.index.keys()].some((f) => f.startsWith('cl-12=')), 'cluster features are used');
  assert.ok([...model.index.keys()].includes('tq=I|برنامج'), 'titled-quote features are used');
  const loaded = deserializeModel(serializeModel(model));
  loaded.gazetteer = gaz;
  const docs = [...toy.map((s) => s.tokens), TOY_HELDOUT.tokens, ['غدامس', 'و', 'سرت', 'وكريم', 'x1'], ['كريم', 'ناصر', 'السرتي', 'و', 'كريم'], ['«', 'سرت', '»', 'و', '"', 'كريم', 'ناصر', '"'], ['عرض', 'برنامج', '«', 'غدامس', 'كريم', '»', 'و', 'كتاب', '"', 'سرت', '"']];
  const slow = docs.map((s) => decodeFeatures(model, extractFeatures(s, features, model.resources, gaz), true));
  for (const m of [model, loaded]) {
    const fast = tagDocument(m, docs, true);
    assert.deepEqual(fast.map((t) => t.tags), slow.map((t) => t.tags));
    assert.deepEqual(
      fast.map((t) => Array.from(t.margins!, (x) => x.toFixed(6))),
      slow.map((t) => Array.from(t.margins!, (x) => x.toFixed(6))),
    );
  }
  // The margins are not all zero, so the comparison above compares scores.
  assert.ok(slow.some((t) => t.margins!.some((x) => x > 0)));
});

test('the cross-document word cache never changes the tags, also when it overflows and words move between its generations', () => {
  const features = { ...DEFAULT_FEATURES, lexicon: true, rare: true, gazetteer: true, conj: true, nbAffixes: 2, docWindow: 3 };
  const text = serializeModel(trainNer(toy, { epochs: 3, seed: 5, features, gazetteer: gaz }));
  const fresh = () => {
    const m = deserializeModel(text);
    m.gazetteer = gaz;
    if (m.stage1) m.stage1.gazetteer = gaz;
    return m;
  };
  const docs = [toy.slice(0, 3).map((s) => s.tokens), [TOY_HELDOUT.tokens], toy.slice(2).map((s) => s.tokens)];
  // Each document tagged by a model that has seen nothing before.
  const alone = docs.map((d) => tagDocument(fresh(), d, true));
  const warm = fresh();
  const tiny = fresh();
  tiny.fast!.words = new WordCache(4);
  for (const m of [warm, tiny]) {
    for (let round = 0; round < 2; round++) {
      docs.forEach((d, k) => {
        const got = tagDocument(m, d, true);
        assert.deepEqual(got.map((t) => t.tags), alone[k].map((t) => t.tags));
        assert.deepEqual(got.map((t) => Array.from(t.margins!)), alone[k].map((t) => Array.from(t.margins!)));
      });
    }
  }
  assert.ok(warm.fast!.words.size > 8, 'the warm cache keeps the words of earlier documents');
  assert.ok(tiny.fast!.words.size <= 8, 'a bounded cache keeps at most two generations of its bound');
});

test('a model trained on IOBES labels tags valid IOB2, the same on the fast and the string path', () => {
  const features = { ...DEFAULT_FEATURES, iobes: true, docWindow: 3, gazetteer: true };
  const model = trainNer(toy, { epochs: 4, seed: 3, features, gazetteer: gaz });
  assert.ok(model.labels.some((l) => l.startsWith('S-')) && model.labels.some((l) => l.startsWith('E-')));
  const docs = [...toy.map((s) => s.tokens), TOY_HELDOUT.tokens];
  const fast = tagDocument(model, docs);
  for (const t of fast) {
    t.tags.forEach((tag, i) => {
      assert.match(tag, /^(O|[BI]-\w+)$/);
      if (tag.startsWith('I-')) assert.equal(t.tags[i - 1]?.slice(2), tag.slice(2), `I- continues a chunk: ${t.tags}`);
    });
  }
  // Trained on its own sentences, it reproduces most gold chunks (so the conversion is not lossy).
  const gold = toy.map((s) => s.tags.join(' '));
  assert.ok(fast.slice(0, toy.length).filter((t, k) => t.tags.join(' ') === gold[k]).length >= toy.length - 1);
  const single = trainNer(toy, { epochs: 4, seed: 3, features: { ...features, docWindow: 0 }, gazetteer: gaz });
  const slow = docs.map((s) => decodeFeatures(single, extractFeatures(s, single.features, single.resources, gaz), false).tags);
  assert.deepEqual(tagDocument(single, docs).map((t) => t.tags), slow);
});
