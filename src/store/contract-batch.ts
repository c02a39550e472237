/** Batch half of the store contract suite: saveDocuments equals saving one by one (registered by contract.test.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FreshStore } from './contract.test.ts';
import { CONGRAT, CONGRAT_EVENT, HOSPITAL, MEET, MEET_EVENT, MEET_NEAR, SIGN, SIGN_EVENT } from './contract-fixtures.ts';
import type { Sql } from './sql.ts';
import { buildDoc, testSignature, type DocSpec } from './testkit.ts';

/** A sequence with every case of the write path: shared and near-duplicate stories, merged events, an unchanged and a changed document. */
const SEQUENCE: DocSpec[] = [
  { id: 'a', published: '2031-03-02', stories: [{ text: MEET }], events: [MEET_EVENT] },
  { id: 'b', published: '2031-03-02', stories: [{ text: MEET_NEAR }, { text: SIGN }], events: [MEET_EVENT, { ...SIGN_EVENT, story: 1 }] },
  { id: 'c', published: '2031-03-03', stories: [{ text: CONGRAT }, { text: CONGRAT }], events: [CONGRAT_EVENT] },
  { id: 'a', published: '2031-03-02', stories: [{ text: MEET }], events: [MEET_EVENT] },
  { id: 'd', published: '2031-03-03', stories: [{ text: HOSPITAL }, { text: SIGN }], events: [{ ...SIGN_EVENT, story: 1 }] },
  { id: 'b', version: 2, published: '2031-03-02', stories: [{ text: SIGN }], events: [SIGN_EVENT] },
  { id: 'e', published: '2031-03-03', stories: [{ text: CONGRAT }], events: [CONGRAT_EVENT] },
];

/** What is stored, without ids and times: rows named by document, story hash and event fingerprint. */
async function snapshot(sql: Sql): Promise<unknown> {
  const q = async (text: string) => (await sql.query(text)).map((r) => JSON.stringify(r)).sort();
  return {
    documents: await q('SELECT id, raw_hash, text FROM documents'),
    stories: await q('SELECT hash, headline, text FROM stories'),
    links: await q('SELECT ss.document_id, ss.story_index, st.hash FROM story_sources ss JOIN stories st ON st.id = ss.story_id'),
    bands: await q('SELECT hash, bands FROM stories'),
    sentences: await q('SELECT id, sentences FROM documents'),
    mentions: await q('SELECT id, mentions FROM documents'),
    events: await q('SELECT fingerprint, type, action, countries, organizations, day, contexts, rules, family FROM events'),
    actors: await q('SELECT e.fingerprint, a.idx, a.name, a.entity FROM event_actors a JOIN events e ON e.id = a.event_id'),
    sources: await q(`SELECT e.fingerprint, s.document_id, s.story_index, st.hash, s.rules, s.reports
                      FROM event_sources s JOIN events e ON e.id = s.event_id LEFT JOIN stories st ON st.id = s.story_id`),
    evidence: await q('SELECT e.fingerprint, v.document_id, v.start_offset, v.end_offset FROM event_evidence v JOIN events e ON e.id = v.event_id'),
    merges: await q('SELECT e.fingerprint, m.document_id, m.reason, m.kind, m.reasons FROM merges m LEFT JOIN events e ON e.id = m.kept'),
  };
}

export function registerBatchTests(fresh: FreshStore): void {
  test('saving documents as one batch stores exactly what saving them one by one stores, with the same results', async () => {
    const one = await fresh();
    const single = [];
    for (const spec of SEQUENCE) {
      const doc = buildDoc(spec);
      single.push(await one.store.saveDocument(doc, testSignature(doc)));
    }
    const many = await fresh();
    const batch = await many.store.saveDocuments(SEQUENCE.map((spec) => {
      const doc = buildDoc(spec);
      return { doc, sig: testSignature(doc) };
    }));
    assert.deepEqual(batch, single);
    assert.deepEqual(single.map((r) => r.status), ['added', 'added', 'added', 'unchanged', 'added', 'replaced', 'added']);
    assert.ok(single.some((r) => r.duplicateStories > 0) && single.some((r) => r.newEvents < r.events), 'the sequence shares stories and events');
    assert.deepEqual(await snapshot(many.sql), await snapshot(one.sql));
  });

  test('a batch with one bad document stores nothing of any of its documents', async () => {
    const { store, sql } = await fresh();
    const docs = SEQUENCE.slice(0, 3).map((spec) => buildDoc(spec));
    docs[2].mentions.push({ start: 1, end: 3, type: null as never, norm: 'x', source: 'test', confidence: 1 });
    const before = await snapshot(sql);
    await assert.rejects(store.saveDocuments(docs.map((doc) => ({ doc, sig: testSignature(doc) }))), /mentions\[\d+\]\.type: expected a string, got null/);
    assert.deepEqual(await snapshot(sql), before);
    for (const id of ['a', 'b', 'c']) assert.equal(await store.hasDocument(id), false);
  });
}
