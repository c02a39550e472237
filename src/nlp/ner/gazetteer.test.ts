import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gazetteerFromCompiled, matchGazetteerLinked, type CompiledGazetteer } from '../gazetteer/index.ts';
import { tokenize } from '../../text/tokenize.ts';
import { gazetteerTagger, sharedGazetteerFeatures } from './gazetteer.ts';
import { extractFeatures, DEFAULT_FEATURES } from './features.ts';

const tiny: CompiledGazetteer = {
  version: 1,
  entities: {
    'country:XAA': { kind: 'country', id: 'XAA', country: 'XAA' },
    'place:xab': { kind: 'place', id: 'xab', country: 'XAA' },
  },
  aliases: {
    'جمهوريه الواحه': [{ e: 'country:XAA', r: 'test' }],
    'سرت': [{ e: 'place:xab', r: 'test', amb: 1 }],
  },
};

test('gazetteerTagger gives each token B-/I- plus the kind of the match covering it', () => {
  const tag = gazetteerTagger(gazetteerFromCompiled(tiny, 'tiny'));
  const tokens = ['زار', 'جمهورية', 'الواحة', 'ثم', 'سرت', '.'];
  const hits = tag(tokens);
  assert.deepEqual(hits.slice(0, 4), [[], ['B-country'], ['I-country'], []]);
  assert.match(hits[4][0], /^B-place/);
  assert.deepEqual(hits[5], []);
});

test('gazetteer hits become features of the token and its neighbours only when enabled', () => {
  const tag = gazetteerTagger(gazetteerFromCompiled(tiny, 'tiny'));
  const tokens = ['زار', 'جمهورية', 'الواحة'];
  const on = extractFeatures(tokens, { ...DEFAULT_FEATURES, gazetteer: true }, undefined, tag);
  assert.ok(on[1].includes('g=B-country'));
  assert.ok(on[0].includes('g+1=B-country'));
  assert.ok(on[2].includes('g-1=B-country'));
  const off = extractFeatures(tokens, { ...DEFAULT_FEATURES, gazetteer: false }, undefined, tag);
  assert.ok(!off.flat().some((f) => f.startsWith('g')));
});

/** Shared features of token ranges (given as token counts) of `text`, and the tagger's own on each range's words. */
function sharedAndAlone(text: string, sizes: number[]) {
  const g = gazetteerFromCompiled(tiny, 'tiny');
  const tokens = tokenize(text);
  const ranges: Array<[number, number]> = [];
  let a = 0;
  for (const n of sizes) ranges.push([a, (a += n)]);
  assert.equal(a, tokens.length, 'the ranges cover the tokens');
  const pass = matchGazetteerLinked(text, tokens, g);
  const shared = sharedGazetteerFeatures(text, tokens, pass.next, pass.matches, ranges);
  const alone = ranges.map(([x, y]) => gazetteerTagger(g)(tokens.slice(x, y).map((t) => text.slice(t.start, t.end))));
  return { shared, alone };
}

test('the features of sentences taken from one pass over the document equal matching each sentence alone', () => {
  const { shared, alone } = sharedAndAlone('زار جمهورية الواحة. ثم وصل إلى سرت، ثم الواحة.', [4, 8]);
  assert.deepEqual(shared, alone);
  assert.deepEqual(shared[0]?.slice(1, 3), [['B-country'], ['I-country']]);
  assert.deepEqual(shared[1]?.[3], ['B-place?']);
});

test('a sentence whose document pass differs from matching it alone is left to the tagger', () => {
  // a line break inside the sentence cuts the name in the document pass, not in the joined words
  let r = sharedAndAlone('زار جمهورية\nالواحة اليوم', [4]);
  assert.equal(r.shared[0], undefined);
  assert.deepEqual(r.alone[0][1], ['B-country']);
  // a name running from one range into the next
  r = sharedAndAlone('زار جمهورية الواحة اليوم', [2, 2]);
  assert.deepEqual(r.shared, [undefined, undefined]);
  // a compound joined by U+2010 (its hyphen token, alone, is another token): left out or equal
  r = sharedAndAlone('زار سرت\u2010الواحة اليوم', [5]);
  assert.ok(r.shared[0] === undefined || JSON.stringify(r.shared[0]) === JSON.stringify(r.alone[0]));
  // ranges before and after such a sentence still share
  r = sharedAndAlone('زار سرت. زار جمهورية\nالواحة. ثم سرت.', [3, 4, 3]);
  assert.deepEqual([r.shared[0], r.shared[2]], [r.alone[0], r.alone[2]]);
  assert.equal(r.shared[1], undefined);
});
