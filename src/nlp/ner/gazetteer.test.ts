import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gazetteerFromCompiled, type CompiledGazetteer } from '../gazetteer/index.ts';
import { gazetteerTagger } from './gazetteer.ts';
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
