/**
 * One event per happening: reports of the same happening from several outlets (and several
 * stories of one document) become one event with every source and evidence span; different
 * happenings stay apart; a merge can be undone and re-ingestion keeps it undone. Articles written
 * for these tests. Runs on PGlite, and on the PostgreSQL server when RASID_TEST_DATABASE_URL is set.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONSULT_FAMILY } from '../nlp/events/identity.ts';
import type { Sql } from './sql.ts';
import { onBothBackends, type Fresh } from './test-backends.ts';
import type { Store } from './store.ts';
import { buildDoc, testSignature, testSimilarity, type DocSpec, type EventSpec } from './testkit.ts';

const A_TEXT =
  'كتب: سالم الورفلي. التقى رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة، اليوم الخميس في طرابلس، وزير الخارجية التركي هاكان فيدان، ' +
  'وبحث الجانبان ملفات التعاون في مجالات الطاقة والنقل والتعليم.';
const B_TEXT =
  'كتبت: منى الزاوي. بحث رئيس الحكومة الليبية عبدالحميد الدبيبه مع وزير الخارجية التركي هاكان فيدان خلال لقائهما في العاصمة طرابلس ' +
  'سبل تطوير العلاقات بين البلدين، وأكد الطرفان أهمية استمرار التشاور.';
const C_TEXT = 'استقبل رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة في طرابلس وزير الخارجية التركي هاكان فيدان مجددا لمتابعة ما اتفق عليه.';
const D_TEXT = 'والتقى وزير الخارجية الليبي الطاهر الباعور في أنقرة وزير الدفاع التركي يشار غولر لبحث التعاون العسكري والأمني.';

const dbeibah = { name: 'عبد الحميد الدبيبة', kind: 'person' as const, country: 'LBY', side: 'actor' as const, entity: 'per:dbeibah' };
const fidan = { name: 'هاكان فيدان', kind: 'person' as const, country: 'TUR', side: 'recipient' as const, entity: 'per:fidan' };

const A_EVENT: EventSpec = {
  event: 'CONSULT', action: 'meet', countries: ['LBY', 'TUR'], actors: [dbeibah, fidan], location: { name: 'طرابلس', country: 'LBY' },
  date: '2031-04-10', evidence: ['التقى رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة'], rules: ['meet.verb'], confidence: 0.8,
};
// another outlet: another verb (negotiate), the name spelled apart, no entity, no date in the text
const B_EVENT: EventSpec = {
  event: 'CONSULT', action: 'negotiate', countries: ['LBY', 'TUR'],
  actors: [{ ...dbeibah, name: 'عبدالحميد الدبيبه', entity: undefined }, fidan], location: { name: 'العاصمة طرابلس', country: null },
  date: null, evidence: ['بحث رئيس الحكومة الليبية عبدالحميد الدبيبه مع وزير الخارجية التركي'], rules: ['negotiate.verb'], confidence: 0.7,
};

const docA = (version = 1): DocSpec => ({
  id: 'sahel-101', origin: '/in/sahel-101.txt', outlet: 'وكالة الساحل', published: '2031-04-10T09:05:00+02:00', version,
  stories: [{ headline: 'الدبيبة يبحث مع وزير الخارجية التركي التعاون الثنائي', text: A_TEXT }], events: [A_EVENT],
});
const docB = (version = 1): DocSpec => ({
  id: 'medlink-77', origin: '/in/medlink-77.txt', outlet: 'شبكة المتوسط', published: '2031-04-10T14:40:00+02:00', version,
  stories: [{ headline: 'فيدان في طرابلس: مباحثات مع رئيس الحكومة الليبية', text: B_TEXT }], events: [B_EVENT],
});

async function save(store: Store, spec: DocSpec) {
  const doc = buildDoc(spec);
  return store.saveDocument(doc, testSignature(doc));
}

async function count(sql: Sql, table: string): Promise<number> {
  return (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
}


function register(fresh: Fresh): void {
  test('the same meeting reported by two outlets is one event with both sources and evidence from both', async () => {
    const { store, sql } = await fresh();
    const a = await save(store, docA());
    const b = await save(store, docB());
    assert.deepEqual([a.events, a.newEvents, b.events, b.newEvents], [1, 1, 1, 0]);
    const page = await store.listEvents({});
    assert.equal(page.total, 1);
    const ev = await store.getEvent(page.rows[0].id);
    assert.ok(ev);
    assert.deepEqual(ev.sourcesDetail.map((s) => s.outlet), ['وكالة الساحل', 'شبكة المتوسط']);
    assert.deepEqual(ev.evidence.map((e) => e.document), ['sahel-101', 'medlink-77']);
    assert.equal(ev.evidence[1].text, B_EVENT.evidence[0]);
    assert.equal(ev.action, 'meet', 'the first report fixes the action');
    assert.equal(ev.date, '2031-04-10');
    const merges = await store.listMerges({ event: ev.id });
    assert.equal(merges.length, 1);
    assert.equal(merges[0].document, 'medlink-77');
    assert.equal(merges[0].reason, 'compatible');
    assert.ok(merges[0].reasons.some((r) => r.includes('per:fidan')), merges[0].reasons.join('; '));
    assert.ok(merges[0].reasons.some((r) => r.startsWith('same parties')));
    const stats = await store.stats();
    assert.deepEqual([stats.events, stats.sources], [1, 2], 'events and reports are counted apart');
    assert.equal(await count(sql, 'event_actors'), 2, 'the second report named no one new');
  });

  test('two meetings of the same pair on different days are two events', async () => {
    const { store } = await fresh();
    await save(store, docA());
    await save(store, {
      id: 'sahel-140', outlet: 'وكالة الساحل', published: '2031-04-20T10:00:00Z', stories: [{ text: C_TEXT }],
      events: [{ ...A_EVENT, action: 'meet', date: '2031-04-20', evidence: ['استقبل رئيس حكومة الوحدة الوطنية'] }],
    });
    // publication-day fallback more than two days away
    await save(store, {
      id: 'medlink-90', published: '2031-04-14T08:00:00Z', stories: [{ text: B_TEXT }], events: [B_EVENT],
    });
    assert.equal((await store.stats()).events, 3);
  });

  test('the same day with other persons in another place is another event', async () => {
    const { store } = await fresh();
    await save(store, docA());
    await save(store, {
      id: 'anadolu-5', published: '2031-04-10T16:00:00Z', stories: [{ text: D_TEXT }],
      events: [{
        event: 'CONSULT', action: 'meet', countries: ['LBY', 'TUR'], date: '2031-04-10', location: { name: 'أنقرة', country: 'TUR' },
        actors: [
          { name: 'الطاهر الباعور', kind: 'person', country: 'LBY', side: 'actor', entity: 'per:baour' },
          { name: 'يشار غولر', kind: 'person', country: 'TUR', side: 'recipient', entity: 'per:guler' },
        ],
        evidence: ['والتقى وزير الخارجية الليبي الطاهر الباعور في أنقرة'],
      }],
    });
    assert.equal((await store.stats()).events, 2);
    // same persons' roles, other persons, same day, no place: still another event when the persons differ and the place is given as another city
    const rows = (await store.listEvents({}, { sort: 'id' })).rows;
    assert.deepEqual(rows.map((r) => r.sourceCount), [1, 1]);
  });

  test('undoing a merge splits the report out, logs it, and re-ingestion keeps the two events apart', async () => {
    const { store, sql } = await fresh();
    await save(store, docA());
    await save(store, docB());
    const [merge] = await store.listMerges({ kind: 'merge' });
    const res = await store.unmerge(merge.id, 'two different sessions');
    assert.equal(res.document, 'medlink-77');
    const kept = await store.getEvent(res.kept);
    const split = await store.getEvent(res.split);
    assert.ok(kept && split);
    assert.deepEqual([kept.sources, split.sources], [['sahel-101.txt'], ['medlink-77.txt']]);
    assert.deepEqual(split.evidence.map((e) => e.document), ['medlink-77']);
    assert.equal(split.action, 'negotiate', 'the split event is rebuilt from its own report');
    assert.equal(split.location?.name, 'العاصمة طرابلس');
    const log = await store.listMerges({});
    assert.deepEqual(log.map((m) => m.kind), ['merge', 'split', 'do_not_merge']);
    assert.ok(log[0].undoneAt);
    assert.deepEqual(log[2].otherDocuments, ['sahel-101']);
    await assert.rejects(store.unmerge(merge.id), /already undone/);
    // changed versions of both documents come back: still two events
    await save(store, docB(2));
    await save(store, docA(2));
    assert.equal((await store.stats()).events, 2);
    // deleted and read again: still two
    await store.deleteDocument('medlink-77');
    await save(store, docB(3));
    const events = (await store.listEvents({}, { sort: 'id' })).rows;
    assert.deepEqual(events.map((e) => e.sourceCount), [1, 1]);
    assert.equal((await store.listMerges({ kind: 'do_not_merge' })).length, 1);
    // a third outlet still joins the first report's event
    await save(store, { ...docB(), id: 'third-1', origin: '/in/third-1.txt' });
    const withThird = (await store.listEvents({ document: 'third-1' })).rows[0];
    assert.equal(withThird.sourceCount, 2);
    assert.equal(await count(sql, 'events'), 2);
  });

  test('unmergeReport splits by event and document name; refuses a lone source', async () => {
    const { store } = await fresh();
    await save(store, docA());
    await save(store, docB());
    const [ev] = (await store.listEvents({})).rows;
    const res = await store.unmergeReport(ev.id, 'sahel-101.txt');
    assert.equal(res.document, 'sahel-101');
    assert.equal((await store.getEvent(ev.id))?.action, 'negotiate', 'the event left is rebuilt from the report that stays');
    await assert.rejects(store.unmergeReport(ev.id, 'medlink-77'), /only source/);
    await assert.rejects(store.unmergeReport(ev.id, 'nope'), /not a source/);
  });

  test('reports of one happening in two stories of a document are one event; one story\'s reports stay as extracted', async () => {
    const { store } = await fresh();
    const res = await save(store, {
      id: 'digest-3', published: '2031-04-10', stories: [{ text: A_TEXT }, { text: B_TEXT }],
      events: [A_EVENT, { ...B_EVENT, story: 1 }, { ...A_EVENT, action: 'visit', evidence: ['وزير الخارجية التركي هاكان فيدان'] }],
    });
    assert.deepEqual([res.events, res.newEvents], [3, 2]);
    const rows = (await store.listEvents({}, { sort: 'id' })).rows;
    const ev = await store.getEvent(rows[0].id);
    assert.equal(ev?.sourceCount, 1);
    assert.equal(ev?.evidence.length, 2, 'evidence from both stories');
    const merges = await store.listMerges({ event: rows[0].id });
    assert.ok(merges[0].reasons[0].startsWith('same document'));
  });

  test('undated reports (no event date, no publication date) merge only with the same parties', async () => {
    const { store } = await fresh();
    const undated = { ...A_EVENT, date: null };
    await save(store, { id: 'u1', stories: [{ text: A_TEXT }], events: [undated] });
    await save(store, { id: 'u2', stories: [{ text: B_TEXT }], events: [{ ...B_EVENT, date: null }] });
    await save(store, { id: 'u3', stories: [{ text: C_TEXT }], events: [{ ...undated, countries: ['LBY'], evidence: ['استقبل رئيس حكومة الوحدة الوطنية'] }] });
    const rows = (await store.listEvents({}, { sort: 'id' })).rows;
    assert.deepEqual(rows.map((r) => r.sources.sort()), [['u1.txt', 'u2.txt'], ['u3.txt']]);
  });

  test('the family column agrees with CONSULT_FAMILY', async () => {
    const { store, sql } = await fresh();
    const actions = [...CONSULT_FAMILY, 'support'];
    await save(store, {
      id: 'fam', stories: [{ text: A_TEXT }],
      events: actions.map((action, i) => ({ ...A_EVENT, action, date: `2031-0${(i % 9) + 1}-01` })),
    });
    const rows = await sql.query<{ action: string; family: string }>('SELECT action, family FROM events ORDER BY id');
    assert.deepEqual(rows.map((r) => r.family), actions.map((a) => (CONSULT_FAMILY.has(a) ? 'consult' : a)));
  });
}

onBothBackends('event merging', 'merge', register);
