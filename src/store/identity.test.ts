import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToMinhash, defaultFingerprint, docSignature, exportName, minhashToBytes } from './identity.ts';
import { buildDoc } from './testkit.ts';
import { MEET, MEET_EVENT } from './contract-fixtures.ts';

test('the default fingerprint ignores actor order and spelling variants but not dates or parties', () => {
  const doc = buildDoc({ id: 'x', stories: [{ text: MEET }], events: [MEET_EVENT] });
  const ev = doc.events[0];
  const base = defaultFingerprint(ev, doc);
  const reordered = { ...ev, actors: [...ev.actors].reverse(), countries: [...ev.countries].reverse() };
  assert.equal(defaultFingerprint(reordered, doc), base);
  const respelled = { ...ev, actors: ev.actors.map((a) => ({ ...a, name: a.name.replace('الإمارات', 'الامارات') })) };
  assert.equal(defaultFingerprint(respelled, doc), base);
  assert.notEqual(defaultFingerprint({ ...ev, date: '2031-03-03' }, doc), base);
  assert.notEqual(defaultFingerprint({ ...ev, countries: ['LBY', 'QAT'] }, doc), base);
  assert.notEqual(defaultFingerprint({ ...ev, action: 'visit' }, doc), base);
});

test('an undated event takes the publication day into its fingerprint', () => {
  const a = buildDoc({ id: 'a', published: '2031-01-01T10:00:00Z', stories: [{ text: MEET }], events: [{ ...MEET_EVENT, date: null }] });
  const b = buildDoc({ id: 'b', published: '2031-02-01', stories: [{ text: MEET }], events: [{ ...MEET_EVENT, date: null }] });
  assert.notEqual(defaultFingerprint(a.events[0], a), defaultFingerprint(b.events[0], b));
  assert.ok(defaultFingerprint(a.events[0], a).includes('2031-01-01'));
});

test('export names are file base names, or the article id for JSON Lines', () => {
  const d = buildDoc({ id: 'sha-123', origin: '/data/in/000_abc.txt', stories: [{ text: MEET }] });
  assert.equal(exportName(d), '000_abc.txt');
  assert.equal(exportName({ ...d, meta: { ...d.meta, format: 'jsonl', origin: '/data/a.jsonl:7' } }), 'sha-123');
  assert.equal(exportName({ ...d, meta: { ...d.meta, origin: '-' } }), 'sha-123');
});

test('MinHash signatures survive the byte round trip, whatever their alignment', () => {
  const m = new Uint32Array([1, 0xffffffff, 123456789, 42]);
  const bytes = minhashToBytes(m);
  assert.equal(bytes.length, 16);
  const shifted = new Uint8Array(17);
  shifted.set(bytes, 1);
  assert.deepEqual(bytesToMinhash(shifted.subarray(1)), m);
});

test('docSignature hashes the raw bytes and signs each story with the ingest signature', () => {
  const doc = buildDoc({ id: 'x', stories: [{ text: MEET }, { text: MEET }] });
  const a = docSignature(doc);
  assert.equal(a.stories.length, 2);
  assert.equal(a.stories[0].hash, a.stories[1].hash);
  assert.ok(a.stories[0].bands.length > 0);
  const changed = docSignature({ ...doc, raw: new TextEncoder().encode('other bytes') });
  assert.notEqual(changed.rawHash, a.rawHash);
  assert.equal(changed.stories[0].hash, a.stories[0].hash);
});
