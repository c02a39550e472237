/** Read half of the store contract suite (registered by contract.test.ts for each backend). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FreshStore } from './contract.test.ts';
import { CONGRAT, CONGRAT_EVENT, HOSPITAL, MEET, MEET_EVENT, SIGN, SIGN_EVENT } from './contract-fixtures.ts';
import { exportEvents } from './read.ts';
import type { Store } from './store.ts';
import { buildDoc, testSignature, type DocSpec } from './testkit.ts';

async function save(store: Store, spec: DocSpec) {
  const doc = buildDoc(spec);
  return store.saveDocument(doc, testSignature(doc));
}

/** Three documents: a (meet + sign), b (meet again), c (congratulate). */
async function seed(store: Store): Promise<void> {
  await save(store, { id: 'a', origin: '/news/2031/a.txt', published: '2031-03-02', stories: [{ text: MEET }, { text: SIGN }], events: [MEET_EVENT, { ...SIGN_EVENT, story: 1 }] });
  await save(store, { id: 'b', origin: '/news/2031/b.html', published: '2031-03-03', stories: [{ text: MEET }], events: [{ ...MEET_EVENT, confidence: 0.95 }] });
  await save(store, { id: 'c', origin: '/news/2031/c.txt', published: '2031-07-23', stories: [{ text: CONGRAT }, { text: HOSPITAL }], events: [CONGRAT_EVENT] });
}

async function actions(store: Store, filter: Parameters<Store['listEvents']>[0]): Promise<string[]> {
  const page = await store.listEvents(filter, { sort: 'date' });
  assert.equal(page.total, page.rows.length);
  return page.rows.map((r) => r.action);
}

export function registerReadTests(fresh: FreshStore): void {
  test('listEvents filters by country, dyad, type, action, context, dates, actor and document', async () => {
    const { store } = await fresh();
    await seed(store);
    assert.deepEqual(await actions(store, {}), ['meet', 'sign_agreement', 'congratulate']);
    assert.deepEqual(await actions(store, { country: 'EGY' }), ['congratulate']);
    assert.deepEqual(await actions(store, { country: 'LBY' }), ['meet', 'sign_agreement', 'congratulate']);
    assert.deepEqual(await actions(store, { dyad: ['ITA', 'LBY'] }), ['sign_agreement']);
    assert.deepEqual(await actions(store, { dyad: ['ITA', 'EGY'] }), []);
    assert.deepEqual(await actions(store, { type: 'SUPPORT' }), ['sign_agreement', 'congratulate']);
    assert.deepEqual(await actions(store, { type: 'SUPPORT', action: 'congratulate' }), ['congratulate']);
    assert.deepEqual(await actions(store, { context: 'migration' }), ['sign_agreement']);
    assert.deepEqual(await actions(store, { since: '2031-05-01' }), ['sign_agreement', 'congratulate']);
    assert.deepEqual(await actions(store, { until: '2031-05' }), ['meet', 'sign_agreement']);
    assert.deepEqual(await actions(store, { since: '2031-03-01', until: '2031-03-31' }), ['meet']);
    // actor names are compared after normalization: ة/ه and hamza forms fold
    assert.deepEqual(await actions(store, { actor: 'جمهوريه مصر' }), ['congratulate']);
    assert.deepEqual(await actions(store, { actor: 'الامارات' }), ['meet']);
    assert.deepEqual(await actions(store, { document: 'b.html' }), ['meet']);
    assert.deepEqual(await actions(store, { document: 'a' }), ['meet', 'sign_agreement']);
    assert.deepEqual(await actions(store, { minSources: 2 }), ['meet']);
    assert.deepEqual(await actions(store, { negated: true }), []);
    assert.deepEqual(await actions(store, { negated: false, type: 'CONSULT' }), ['meet']);
    await assert.rejects(store.listEvents({ country: 'Libya' }), /filter\.country/);
    await assert.rejects(store.listEvents({ since: 'yesterday' }), /filter\.since/);
  });

  test('full-text search finds الإمارات when searching الامارات, over evidence and story text', async () => {
    const { store } = await fresh();
    await seed(store);
    const hits = await store.searchStories('الامارات');
    assert.equal(hits.length, 1);
    assert.ok(hits[0].snippet.includes('الإمارات'));
    assert.deepEqual(hits[0].documents, ['a.txt', 'b.html']);
    assert.deepEqual(await actions(store, { search: 'الامارات' }), ['meet'], 'story text');
    assert.deepEqual(await actions(store, { search: 'برقيه تهنئه' }), ['congratulate'], 'evidence text, ة folded');
    assert.deepEqual(await actions(store, { search: 'مستشفى' }), [], 'a story that reports no event does not match');
    assert.deepEqual(await store.searchStories('كلمةغيرموجودة'), []);
  });

  test('listEvents sorts, paginates and reports the total', async () => {
    const { store } = await fresh();
    await seed(store);
    const p1 = await store.listEvents({}, { sort: '-date', limit: 2 });
    assert.equal(p1.total, 3);
    assert.deepEqual(p1.rows.map((r) => r.action), ['congratulate', 'sign_agreement']);
    const p2 = await store.listEvents({}, { sort: '-date', limit: 2, offset: 2 });
    assert.deepEqual(p2.rows.map((r) => r.action), ['meet']);
    assert.equal(p2.total, 3);
    const bySources = await store.listEvents({}, { sort: '-sources', limit: 1 });
    assert.deepEqual(bySources.rows.map((r) => [r.action, r.sourceCount]), [['meet', 2]]);
    const row = bySources.rows[0];
    assert.deepEqual(row.sources, ['a.txt', 'b.html']);
    assert.equal(row.confidence, 0.95, 'the most confident report wins');
    assert.equal(row.snippet, MEET_EVENT.evidence[0]);
    assert.deepEqual(row.location, { name: 'طرابلس', country: 'LBY' });
    await assert.rejects(store.listEvents({}, { sort: 'name' as never }), /page\.sort/);
  });

  test('exportEvents yields the scored export format with evidence and sources by file name', async () => {
    const { store } = await fresh();
    await seed(store);
    const rows = [];
    for await (const r of store.exportEvents()) rows.push(r);
    assert.equal(rows.length, 3);
    const meet = rows.find((r) => r.action === 'meet');
    assert.ok(meet);
    assert.deepEqual(Object.keys(meet).slice(0, 13), [
      'id', 'event', 'action', 'mode', 'actors', 'countries', 'organizations', 'location', 'date', 'contexts', 'evidence', 'sources', 'confidence',
    ]);
    assert.equal(typeof meet.id, 'string');
    assert.deepEqual(meet.actors[0], { name: 'الطاهر الباعور', kind: 'person', country: 'LBY', org: null, title: 'وزير الخارجية', side: 'actor', entity: 'Q-baour' });
    assert.deepEqual(meet.countries, ['LBY', 'ARE']);
    assert.equal(meet.date, '2031-03-02');
    assert.deepEqual(meet.sources, ['a.txt', 'b.html']);
    assert.deepEqual(meet.evidence.map((e) => e.doc), ['a.txt', 'b.html']);
    const ev = meet.evidence[0];
    const a = buildDoc({ id: 'a', stories: [{ text: MEET }] });
    assert.equal(a.text.slice(ev.start, ev.end), ev.text);
    assert.deepEqual(meet.rules, ['meet.verb']);
    const filtered = [];
    for await (const r of store.exportEvents({ country: 'ITA' })) filtered.push(r.action);
    assert.deepEqual(filtered, ['sign_agreement']);
  });

  test('exportEvents streams in batches without skipping or repeating events', async () => {
    const { store, sql } = await fresh();
    const events = Array.from({ length: 7 }, (_, i) => ({ ...MEET_EVENT, date: `2031-01-${String(i + 1).padStart(2, '0')}` }));
    await save(store, { id: 'many', stories: [{ text: MEET }], events });
    const ids = [];
    for await (const r of exportEvents(sql, {}, 3)) ids.push(Number(r.id));
    assert.equal(ids.length, 7);
    assert.deepEqual(ids, [...ids].sort((x, y) => x - y));
    assert.equal(new Set(ids).size, 7);
  });

  test('getEvent returns sources, evidence and merges; mergeEvents folds one event into another', async () => {
    const { store } = await fresh();
    await seed(store);
    await save(store, { id: 'd', stories: [{ text: MEET }], events: [{ ...MEET_EVENT, date: '2031-03-01' }] });
    const meets = (await store.listEvents({ action: 'meet' }, { sort: 'id' })).rows;
    assert.equal(meets.length, 2);
    const [kept, merged] = meets;
    await store.mergeEvents(kept.id, merged.id, 'same meeting, date misread');
    assert.equal(await store.getEvent(merged.id), null);
    const ev = await store.getEvent(kept.id);
    assert.ok(ev);
    assert.deepEqual(ev.sourcesDetail.map((s) => s.name).sort(), ['a.txt', 'b.html', 'd.txt']);
    assert.equal(ev.evidence.length, 3);
    assert.deepEqual(ev.merges.map((m) => [m.reason, m.merged]), [['fingerprint', null], ['same meeting, date misread', merged.id]]);
    assert.equal(ev.actors.length, 2);
    assert.ok(ev.fingerprint.includes('CONSULT'));
    await assert.rejects(store.mergeEvents(kept.id, merged.id, 'again'), /does not exist/);
    assert.equal(await store.getEvent(999999), null);
  });

  test('getDocument returns the text with stories, mentions and evidence spans; listDocuments pages', async () => {
    const { store } = await fresh();
    await seed(store);
    const doc = await store.getDocument('b.html');
    assert.ok(doc, 'found by export name');
    assert.equal(doc.id, 'b');
    assert.equal(doc.text, MEET);
    assert.deepEqual(doc.stories.map((s) => [s.index, s.start, s.end, s.otherSources]), [[0, 0, MEET.length, 1]]);
    assert.equal(doc.events.length, 1);
    const span = doc.events[0].evidence[0];
    assert.equal(doc.text.slice(span.start, span.end), MEET_EVENT.evidence[0]);
    assert.equal(doc.events[0].action, 'meet');
    assert.ok(doc.mentions.some((m) => doc.text.slice(m.start, m.end) === 'الطاهر الباعور'));
    assert.ok(doc.sentences.length >= 1);
    assert.equal(await store.getDocument('nope'), null);
    const page = await store.listDocuments({ limit: 2 });
    assert.equal(page.total, 3);
    assert.deepEqual(page.rows.map((r) => [r.id, r.storyCount, r.eventCount]), [['c', 2, 1], ['b', 1, 1]]);
  });

  test('stats count documents, stories, duplicates, events and reports apart', async () => {
    const { store } = await fresh();
    await seed(store);
    const s = await store.stats();
    assert.deepEqual(
      [s.documents, s.stories, s.duplicateStories, s.events, s.sources],
      [3, 4, 1, 3, 4],
    );
    assert.ok(s.sentences >= 5);
    assert.ok(s.mentions >= 4);
    assert.deepEqual(s.byType, [{ type: 'SUPPORT', events: 2, sources: 2 }, { type: 'CONSULT', events: 1, sources: 2 }]);
    assert.deepEqual(s.byCountry.find((c) => c.country === 'LBY'), { country: 'LBY', events: 3 });
  });
}
