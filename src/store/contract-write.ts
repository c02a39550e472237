/** Write half of the store contract suite (registered by contract.test.ts for each backend). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FreshStore } from './contract.test.ts';
import { CONGRAT, CONGRAT_EVENT, HOSPITAL, MEET, MEET_EVENT, MEET_NEAR, SIGN, SIGN_EVENT } from './contract-fixtures.ts';
import type { Doc } from '../nlp/doc.ts';
import { storySignature } from '../ingest/dedup.ts';
import { loadMigrations, migrate } from './migrate.ts';
import type { Sql } from './sql.ts';
import { buildDoc, testSignature } from './testkit.ts';
import type { Store } from './store.ts';

async function count(sql: Sql, table: string): Promise<number> {
  return (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
}

const TABLES = ['documents', 'stories', 'story_sources', 'events', 'event_sources', 'event_evidence', 'event_actors', 'merges'];

/** Rows of each table, and the sentences and mentions kept on the documents' rows. */
async function counts(sql: Sql): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = await count(sql, t);
  const [a] = await sql.query<{ sentences: number; mentions: number }>(
    `SELECT coalesce(sum(jsonb_array_length(sentences)), 0)::int AS sentences, coalesce(sum(jsonb_array_length(mentions)), 0)::int AS mentions FROM documents`,
  );
  return { ...out, ...a };
}

async function save(store: Store, spec: Parameters<typeof buildDoc>[0]) {
  const doc = buildDoc(spec);
  return store.saveDocument(doc, testSignature(doc));
}

export function registerWriteTests(fresh: FreshStore): void {
  test('migrations are recorded and applying them again does nothing', async () => {
    const { sql } = await fresh();
    const versions = await sql.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(versions.map((v) => v.version), (await loadMigrations()).map((m) => m.version));
    assert.equal(versions[0].version, 1);
    assert.deepEqual(await migrate(sql), []);
  });

  test('saving a document stores its text, stories, sentences, mentions and events', async () => {
    const { store, sql } = await fresh();
    const doc = buildDoc({ id: 'd1', published: '2031-03-02', stories: [{ text: MEET, headline: 'لقاء في طرابلس' }, { text: SIGN }], events: [MEET_EVENT, { ...SIGN_EVENT, story: 1 }] });
    const res = await store.saveDocument(doc, testSignature(doc));
    assert.deepEqual(res, { status: 'added', stories: 2, duplicateStories: 0, events: 2, newEvents: 2 });
    const [row] = await sql.query<{ text: string; name: string; raw: Uint8Array }>('SELECT text, name, raw FROM documents WHERE id = $1', ['d1']);
    assert.equal(row.text, doc.text);
    assert.equal(row.name, 'd1.txt');
    assert.deepEqual(new Uint8Array(row.raw), doc.raw);
    const c = await counts(sql);
    assert.equal(c.stories, 2);
    assert.equal(c.sentences, doc.sentences.length);
    assert.equal(c.mentions, doc.mentions.length);
    assert.equal(c.event_actors, 2);
    const [story] = await sql.query<{ headline: string; text: string }>('SELECT headline, text FROM stories ORDER BY id LIMIT 1');
    assert.equal(story.headline, 'لقاء في طرابلس');
    assert.ok(story.text.endsWith(MEET));
    const actors = await sql.query<{ id: string; discovered: boolean }>('SELECT id, discovered FROM actors');
    assert.deepEqual(actors, [{ id: 'Q-baour', discovered: true }]);
  });

  test('saving the same document again is unchanged and writes nothing', async () => {
    const { store, sql } = await fresh();
    const spec = { id: 'd1', stories: [{ text: MEET }], events: [MEET_EVENT] };
    await save(store, spec);
    const before = await counts(sql);
    const res = await save(store, spec);
    assert.deepEqual(res, { status: 'unchanged', stories: 0, duplicateStories: 0, events: 0, newEvents: 0 });
    assert.deepEqual(await counts(sql), before);
  });

  test('a story carried by two documents is stored once with both sources', async () => {
    const { store, sql } = await fresh();
    await save(store, { id: 'a', stories: [{ text: MEET }, { text: SIGN }] });
    const res = await save(store, { id: 'b', stories: [{ text: HOSPITAL }, { text: MEET }] });
    assert.equal(res.stories, 2);
    assert.equal(res.duplicateStories, 1);
    assert.equal(await count(sql, 'stories'), 3);
    const sources = await sql.query<{ document_id: string; story_index: number; start_offset: number }>(
      `SELECT ss.document_id, ss.story_index, ss.start_offset FROM story_sources ss JOIN stories s ON s.id = ss.story_id
       WHERE s.text = $1 ORDER BY ss.document_id`,
      [MEET],
    );
    assert.deepEqual(sources.map((s) => [s.document_id, s.story_index]), [['a', 0], ['b', 1]]);
    assert.equal(sources[1].start_offset, HOSPITAL.length + 2, 'offsets are in the carrying document');
    assert.equal((await store.stats()).duplicateStories, 1);
  });

  test('a near-duplicate story (LSH band hit, similar MinHash) is linked, not stored again', async () => {
    const { store, sql } = await fresh();
    await save(store, { id: 'a', stories: [{ text: MEET }] });
    const res = await save(store, { id: 'b', stories: [{ text: MEET_NEAR }, { text: HOSPITAL }] });
    assert.equal(res.duplicateStories, 1);
    assert.equal(await count(sql, 'stories'), 2);
    const dissimilar = await save(store, { id: 'c', stories: [{ text: CONGRAT }] });
    assert.equal(dissimilar.duplicateStories, 0);
  });

  test('with the ingest signatures and the default similarity, a reworded copy is a near duplicate', async () => {
    const { store, sql } = await fresh({ similarity: undefined });
    const sign = (doc: Doc) => ({ rawHash: testSignature(doc).rawHash, stories: doc.stories.map((s) => storySignature(doc.text.slice(s.start, s.end))) });
    const a = buildDoc({ id: 'a', stories: [{ text: MEET }] });
    assert.equal((await store.saveDocument(a, sign(a))).duplicateStories, 0);
    // tashkeel and punctuation do not change the exact hash
    const b = buildDoc({ id: 'b', stories: [{ text: MEET.replace('التقى', 'التقَى').replace('،', ' ,') }] });
    assert.equal((await store.saveDocument(b, sign(b))).duplicateStories, 1);
    const c = buildDoc({ id: 'c', stories: [{ text: MEET_NEAR }, { text: SIGN }] });
    assert.equal((await store.saveDocument(c, sign(c))).duplicateStories, 1);
    const d = buildDoc({ id: 'd', stories: [{ text: HOSPITAL }, { text: CONGRAT }] });
    assert.equal((await store.saveDocument(d, sign(d))).duplicateStories, 0);
    assert.equal(await count(sql, 'stories'), 4);
  });

  test('the same event reported by several documents is one event with several sources', async () => {
    const { store, sql } = await fresh();
    const first = await save(store, { id: 'a', outlet: 'وكالة أ', stories: [{ text: MEET }], events: [MEET_EVENT] });
    const otherWording = `وذكرت المصادر أن ${MEET}`;
    const second = await save(store, { id: 'b', outlet: 'وكالة ب', stories: [{ text: otherWording }, { text: SIGN }], events: [MEET_EVENT, { ...SIGN_EVENT, story: 1 }] });
    assert.deepEqual([first.events, first.newEvents], [1, 1]);
    assert.deepEqual([second.events, second.newEvents], [2, 1]);
    assert.equal(await count(sql, 'events'), 2);
    const stats = await store.stats();
    assert.equal(stats.events, 2);
    assert.equal(stats.sources, 3);
    const page = await store.listEvents({ action: 'meet' });
    assert.equal(page.total, 1);
    const ev = await store.getEvent(page.rows[0].id);
    assert.ok(ev);
    assert.equal(ev.sourceCount, 2);
    assert.deepEqual(ev.sourcesDetail.map((s) => s.outlet), ['وكالة أ', 'وكالة ب']);
    assert.deepEqual(ev.evidence.map((e) => e.document), ['a', 'b']);
    assert.equal(ev.evidence[1].start, 'وذكرت المصادر أن '.length, 'evidence offsets are in the reporting document');
    assert.deepEqual(ev.merges.map((m) => [m.reason, m.document]), [['fingerprint', 'b']]);
  });

  test('concurrent saves of documents sharing a story and an event store each once', async () => {
    const { store, sql } = await fresh();
    const docs = Array.from({ length: 8 }, (_, i) => buildDoc({ id: `c${i}`, stories: [{ text: MEET }], events: [MEET_EVENT] }));
    const results = await Promise.all(docs.map((d) => store.saveDocument(d, testSignature(d))));
    assert.deepEqual(results.map((r) => r.status), Array(8).fill('added'));
    assert.equal(results.reduce((n, r) => n + r.newEvents, 0), 1);
    assert.equal(results.reduce((n, r) => n + r.duplicateStories, 0), 7);
    const c = await counts(sql);
    assert.deepEqual([c.documents, c.stories, c.story_sources, c.events, c.event_sources], [8, 1, 8, 1, 8]);
  });

  test('events with different dates or parties stay apart', async () => {
    const { store } = await fresh();
    await save(store, { id: 'a', stories: [{ text: MEET }], events: [MEET_EVENT] });
    await save(store, { id: 'b', stories: [{ text: MEET_NEAR }], events: [{ ...MEET_EVENT, date: '2031-04-01' }] });
    await save(store, { id: 'c', stories: [{ text: MEET }], events: [{ ...MEET_EVENT, countries: ['LBY', 'QAT'] }] });
    await save(store, { id: 'd', stories: [{ text: MEET }], events: [{ ...MEET_EVENT, negated: true }] });
    assert.equal((await store.stats()).events, 4, 'a negated report is not the event it denies');
    const rows = [];
    for await (const r of store.exportEvents({ negated: true })) rows.push(r);
    assert.deepEqual(rows.map((r) => [r.action, r.negated, r.sources]), [['meet', true, ['d.txt']]]);
  });

  test('a custom fingerprint function decides which reports are the same event', async () => {
    const { store } = await fresh({ fingerprint: (ev) => `${ev.event}|${ev.action}` });
    await save(store, { id: 'a', stories: [{ text: MEET }], events: [MEET_EVENT] });
    await save(store, { id: 'b', stories: [{ text: MEET }], events: [{ ...MEET_EVENT, countries: ['LBY', 'QAT'], date: '2031-09-09' }] });
    const stats = await store.stats();
    assert.deepEqual([stats.events, stats.sources], [1, 2]);
  });

  test('a changed document replaces its old version and removes what only it reported', async () => {
    const { store, sql } = await fresh();
    await save(store, { id: 'a', stories: [{ text: MEET }, { text: SIGN }], events: [MEET_EVENT, { ...SIGN_EVENT, story: 1 }] });
    await save(store, { id: 'b', stories: [{ text: MEET }], events: [MEET_EVENT] });
    const res = await save(store, { id: 'a', version: 2, stories: [{ text: CONGRAT }], events: [CONGRAT_EVENT] });
    assert.deepEqual(res, { status: 'replaced', stories: 1, duplicateStories: 0, events: 1, newEvents: 1 });
    const events = await sql.query<{ action: string; n: number }>(
      'SELECT e.action, (SELECT count(*)::int FROM event_sources s WHERE s.event_id = e.id) AS n FROM events e ORDER BY e.action',
    );
    assert.deepEqual(events.map((e) => [e.action, e.n]), [['congratulate', 1], ['meet', 1]], 'sign_agreement had no other source');
    const stories = await sql.query<{ text: string }>('SELECT text FROM stories ORDER BY id');
    assert.deepEqual(stories.map((s) => s.text), [MEET, CONGRAT], 'SIGN story deleted, MEET kept for b');
    const evidence = await sql.query<{ document_id: string }>('SELECT DISTINCT document_id FROM event_evidence ORDER BY 1');
    assert.deepEqual(evidence.map((e) => e.document_id), ['a', 'b']);
    const [doc] = await sql.query<{ text: string }>('SELECT text FROM documents WHERE id = $1', ['a']);
    assert.equal(doc.text, CONGRAT);
    assert.deepEqual(await sql.query('SELECT document_id FROM merges'), [{ document_id: 'b' }], 'b joined the event a reported first');
    assert.equal((await counts(sql)).sentences, buildDoc({ id: 'x', stories: [{ text: CONGRAT }] }).sentences.length + buildDoc({ id: 'y', stories: [{ text: MEET }] }).sentences.length);
  });

  test('a constraint violation in the middle of a document leaves nothing of it', async () => {
    const { store, sql } = await fresh();
    await save(store, { id: 'ok', stories: [{ text: HOSPITAL }] });
    const before = await counts(sql);
    const doc = buildDoc({ id: 'bad', stories: [{ text: MEET }, { text: SIGN }], events: [MEET_EVENT] });
    // written after the document and its stories: event_actors.side is NOT NULL
    doc.events[0].actors[1].side = null as never;
    await assert.rejects(store.saveDocument(doc, testSignature(doc)), /null value|violates/);
    assert.deepEqual(await counts(sql), before);
    assert.equal(await store.hasDocument('bad'), false);
  });

  test('an error thrown after stories and events were written rolls the whole document back', async () => {
    const { store, sql } = await fresh({
      fingerprint: (ev) => {
        if (ev.rules.includes('boom')) throw new Error('injected failure');
        return `${ev.action}|${ev.countries.join(',')}`;
      },
    });
    await save(store, { id: 'a', stories: [{ text: MEET }], events: [MEET_EVENT] });
    const before = await counts(sql);
    // the MEET report joins the stored event (new source, evidence, merge row) before the failure
    await assert.rejects(
      save(store, { id: 'b', stories: [{ text: MEET }, { text: SIGN }], events: [MEET_EVENT, { ...SIGN_EVENT, story: 1, rules: ['boom'] }] }),
      /injected failure/,
    );
    assert.deepEqual(await counts(sql), before);
    assert.equal(await store.hasDocument('b'), false);
    // a failed replacement keeps the old version intact
    await assert.rejects(save(store, { id: 'a', version: 2, stories: [{ text: SIGN }], events: [{ ...SIGN_EVENT, rules: ['boom'] }] }), /injected failure/);
    assert.deepEqual(await counts(sql), before);
    const [doc] = await sql.query<{ text: string }>('SELECT text FROM documents WHERE id = $1', ['a']);
    assert.equal(doc.text, MEET);
  });

  test('a span outside the text is refused with an error naming the field', async () => {
    const { store } = await fresh();
    const doc = buildDoc({ id: 'bad', stories: [{ text: MEET }], events: [MEET_EVENT] });
    doc.events[0].evidence.push({ start: 5, end: doc.text.length + 3 });
    await assert.rejects(store.saveDocument(doc, testSignature(doc)), /document bad: events\[0\]\.evidence\[1\]: span/);
    assert.equal(await store.hasDocument('bad'), false);
  });

  test('ingest runs record their inputs, counts and the documents they wrote', async () => {
    const { store, sql } = await fresh();
    const run = await store.beginRun(['/in/a.txt']);
    const doc = buildDoc({ id: 'a', stories: [{ text: HOSPITAL }] });
    await store.saveDocument(doc, testSignature(doc), run);
    await store.finishRun(run, { counts: { added: 1 }, errors: [{ input: '/in/b.txt', message: 'unreadable' }] });
    const [row] = await sql.query<{ inputs: string[]; counts: Record<string, number>; errors: unknown[]; done: boolean }>(
      'SELECT inputs, counts, errors, finished_at IS NOT NULL AS done FROM ingest_runs WHERE id = $1',
      [run],
    );
    assert.deepEqual(row, { inputs: ['/in/a.txt'], counts: { added: 1 }, errors: [{ input: '/in/b.txt', message: 'unreadable' }], done: true });
    const [d] = await sql.query<{ run_id: number }>('SELECT run_id FROM documents WHERE id = $1', ['a']);
    assert.equal(d.run_id, run);
    await assert.rejects(store.finishRun(run + 100, {}), /no ingest run/);
  });

  test('deleting a document removes it and what only it reported', async () => {
    const { store, sql } = await fresh();
    await save(store, { id: 'a', stories: [{ text: MEET }], events: [MEET_EVENT] });
    await save(store, { id: 'b', stories: [{ text: SIGN }], events: [SIGN_EVENT] });
    assert.equal(await store.deleteDocument('a'), true);
    assert.equal(await store.deleteDocument('a'), false);
    const c = await counts(sql);
    assert.deepEqual([c.documents, c.stories, c.events, c.event_sources], [1, 1, 1, 1]);
    await save(store, { id: 'c', stories: [{ text: SIGN }], events: [SIGN_EVENT] });
    assert.equal(await count(sql, 'merges'), 1);
    await store.deleteDocument('c');
    assert.equal(await count(sql, 'merges'), 0, 'the merge log entry of a deleted report goes with it');
  });

  test("events' actor countries written with a batch are the actors' countries; other writers' actors still update them", async () => {
    const { store, sql } = await fresh();
    const extra = { name: 'وزير خارجية تونس', kind: 'person' as const, country: 'TUN', side: 'recipient' as const };
    const docs = [
      buildDoc({ id: 'a', published: '2031-03-02', stories: [{ text: MEET }], events: [MEET_EVENT] }),
      buildDoc({ id: 'b', published: '2031-03-02', stories: [{ text: MEET_NEAR }], events: [{ ...MEET_EVENT, actors: [...MEET_EVENT.actors!, extra] }] }),
    ];
    const computed = `SELECT e.id, e.actor_countries,
        coalesce((SELECT array_agg(DISTINCT a.country ORDER BY a.country) FROM event_actors a WHERE a.event_id = e.id AND a.country IS NOT NULL), '{}') AS countries
      FROM events e ORDER BY e.id`;
    const written = async () => (await sql.query<{ id: number; actor_countries: string[]; countries: string[] }>(computed)).map((r) => [r.actor_countries, r.countries]);
    await store.saveDocuments([{ doc: docs[0], sig: testSignature(docs[0]) }]);
    assert.deepEqual(await written(), [[['ARE', 'LBY'], ['ARE', 'LBY']]], 'a new event');
    await store.saveDocuments([{ doc: docs[1], sig: testSignature(docs[1]) }]);
    assert.deepEqual(await written(), [[['ARE', 'LBY', 'TUN'], ['ARE', 'LBY', 'TUN']]], 'the stored event, with the actor the second report added');
    const [{ id }] = await sql.query<{ id: number }>('SELECT id FROM events');
    await sql.query(`INSERT INTO event_actors (event_id, idx, name, norm, kind, country, side) VALUES ($1, 9, 'x', 'x', 'person', 'QAT', 'actor')`, [id]);
    assert.deepEqual((await written())[0][0], ['ARE', 'LBY', 'QAT', 'TUN'], 'the trigger runs for other writers');
  });
}
