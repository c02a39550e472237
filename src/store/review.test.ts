/**
 * Human review in the store: corrections, decisions, merges and splits survive re-ingesting a
 * changed document; every change is audit-logged. Runs on PGlite, and on the PostgreSQL server
 * when RASID_TEST_DATABASE_URL is set.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Sql } from './sql.ts';
import { onBothBackends, type Fresh } from './test-backends.ts';
import type { Store } from './store.ts';
import { buildDoc, testSignature, testSimilarity, type DocSpec } from './testkit.ts';
import { CONGRAT, CONGRAT_EVENT, MEET, MEET_EVENT, SIGN, SIGN_EVENT } from './contract-fixtures.ts';
import { ReviewError } from './review.ts';


async function save(store: Store, spec: DocSpec) {
  const doc = buildDoc(spec);
  return store.saveDocument(doc, testSignature(doc));
}

async function eventIds(sql: Sql): Promise<number[]> {
  return (await sql.query<{ id: number }>('SELECT id FROM events ORDER BY id')).map((r) => r.id);
}

const meetDoc = (version = 1): DocSpec => ({ id: 'm1', published: '2031-03-02', version, stories: [{ text: MEET }], events: [MEET_EVENT] });

function register(fresh: Fresh): void {
  test('a correction is applied, audit-logged and kept when the document is re-ingested', async () => {
    const { store, sql } = await fresh();
    await save(store, meetDoc());
    const [id] = await eventIds(sql);
    const after = await store.review.correct(id, { action: 'visit', mode: 'visit', contexts: ['economic'], location: { name: 'مصراتة', country: 'LBY' } }, 'sara');
    assert.equal(after.action, 'visit');
    assert.equal(after.review, 'corrected');
    const audit = await store.review.audit(`event:${id}`);
    assert.equal(audit.length, 1);
    assert.equal(audit[0].user, 'sara');
    assert.equal(audit[0].action, 'event.correct');
    assert.equal((audit[0].before as { action: string }).action, 'meet');
    assert.equal((audit[0].after as { action: string }).action, 'visit');

    const res = await save(store, meetDoc(2)); // changed raw bytes: replaced, events re-extracted
    assert.equal(res.status, 'replaced');
    assert.deepEqual(await eventIds(sql), [id]);
    const ev = await store.getEvent(id);
    assert.equal(ev?.action, 'visit');
    assert.equal(ev?.mode, 'visit');
    assert.deepEqual(ev?.contexts, ['economic']);
    assert.equal(ev?.location?.name, 'مصراتة');
    assert.deepEqual(ev?.sources, ['m1.txt']);
    assert.equal(ev?.evidence.length, 1);
  });

  test('without review a re-ingested event is extracted afresh (the baseline the review protects)', async () => {
    const { store, sql } = await fresh();
    await save(store, meetDoc());
    const [id] = await eventIds(sql);
    await sql.query(`UPDATE events SET action = 'visit' WHERE id = $1`, [id]);
    await save(store, meetDoc(2));
    const ids = await eventIds(sql);
    assert.notDeepEqual(ids, [id]);
    assert.equal((await store.getEvent(ids[0]))?.action, 'meet');
  });

  test('rejections and confirmations survive re-ingestion, even when the document no longer reports the event', async () => {
    const { store, sql } = await fresh();
    await save(store, { id: 'd', published: '2031-03-02', stories: [{ text: MEET }, { text: SIGN }], events: [MEET_EVENT, { ...SIGN_EVENT, story: 1 }] });
    const [meet, sign] = await eventIds(sql);
    await store.review.decide(meet, 'reject', 'sara');
    await store.review.decide(sign, 'confirm', 'omar');
    await save(store, { id: 'd', published: '2031-03-02', version: 2, stories: [{ text: MEET }, { text: SIGN }], events: [MEET_EVENT] });
    const rows = await sql.query<{ id: number; review: string; reviewed_by: string }>('SELECT id, review, reviewed_by FROM events ORDER BY id');
    assert.deepEqual(rows, [
      { id: meet, review: 'rejected', reviewed_by: 'sara' },
      { id: sign, review: 'confirmed', reviewed_by: 'omar' },
    ]);
    assert.equal((await store.getEvent(sign))?.sourceCount, 0);
    assert.deepEqual((await store.review.audit(`event:${sign}`)).map((a) => a.action), ['event.confirm']);
  });

  test('a merge survives re-ingesting the merged event\'s document', async () => {
    const { store, sql } = await fresh();
    await save(store, { id: 'a', published: '2031-03-02', stories: [{ text: MEET }], events: [MEET_EVENT] });
    // the same meeting, extracted with another action and a misread date by another outlet (compatibility keeps them apart)
    await save(store, { id: 'b', published: '2031-03-02', stories: [{ text: MEET + ' تقرير آخر.' }], events: [{ ...MEET_EVENT, action: 'visit', date: '2031-03-03' }] });
    const [a, b] = await eventIds(sql);
    const merged = await store.review.merge(a, b, 'sara');
    assert.deepEqual(merged.sources.sort(), ['a.txt', 'b.txt']);
    assert.deepEqual(await eventIds(sql), [a]);
    await save(store, { id: 'b', published: '2031-03-02', version: 2, stories: [{ text: MEET + ' تقرير آخر.' }], events: [{ ...MEET_EVENT, action: 'visit', date: '2031-03-03' }] });
    assert.deepEqual(await eventIds(sql), [a]);
    assert.deepEqual((await store.getEvent(a))?.sources.sort(), ['a.txt', 'b.txt']);
    assert.deepEqual((await store.review.audit(`event:${b}`)).map((x) => x.action), ['event.merged']);
  });

  test('a split survives re-ingesting the documents on both sides', async () => {
    const { store, sql } = await fresh();
    await save(store, { id: 'a', published: '2031-03-02', stories: [{ text: MEET }], events: [MEET_EVENT] });
    await save(store, { id: 'b', published: '2031-03-02', stories: [{ text: MEET + ' تقرير آخر.' }], events: [MEET_EVENT] });
    const [id] = await eventIds(sql);
    assert.equal((await store.getEvent(id))?.sourceCount, 2);
    const { kept, created } = await store.review.split(id, ['b.txt'], 'sara');
    assert.deepEqual(kept.sources, ['a.txt']);
    assert.deepEqual(created.sources, ['b.txt']);
    await save(store, { id: 'b', published: '2031-03-02', version: 2, stories: [{ text: MEET + ' تقرير آخر.' }], events: [MEET_EVENT] });
    await save(store, { id: 'a', published: '2031-03-02', version: 2, stories: [{ text: MEET }], events: [MEET_EVENT] });
    assert.deepEqual(await eventIds(sql), [id, created.id]);
    assert.deepEqual((await store.getEvent(id))?.sources, ['a.txt']);
    assert.deepEqual((await store.getEvent(created.id))?.sources, ['b.txt']);
    assert.equal((await store.getEvent(created.id))?.evidence[0].doc, 'b.txt');
  });

  test('a split rebuilds both events from their own reports and keeps them apart on re-ingestion', async () => {
    const { store, sql } = await fresh();
    const extra = { name: 'المبعوث الخاص', kind: 'person' as const, country: null, side: 'participant' as const };
    const b = (version = 1): DocSpec => ({
      id: 'b', published: '2031-03-02', version, stories: [{ text: MEET + ' تقرير آخر.' }],
      events: [{ ...MEET_EVENT, actors: [...MEET_EVENT.actors!, extra], contexts: ['diplomatic', 'economic'] }],
    });
    await save(store, { id: 'a', published: '2031-03-02', stories: [{ text: MEET }], events: [MEET_EVENT] });
    await save(store, b());
    const [id] = await eventIds(sql);
    const both = await store.getEvent(id);
    assert.equal(both?.sourceCount, 2, 'the two reports were merged by the store');
    assert.ok(both?.actors.some((a) => a.name === extra.name));
    const { kept, created } = await store.review.split(id, ['b'], 'sara');
    assert.ok(!kept.actors.some((a) => a.name === extra.name), 'the kept event no longer has what only b reported');
    assert.deepEqual(kept.contexts, ['diplomatic']);
    assert.ok(created.actors.some((a) => a.name === extra.name));
    assert.deepEqual([...created.contexts].sort(), ['diplomatic', 'economic']);
    await save(store, b(2));
    assert.deepEqual(await eventIds(sql), [id, created.id]);
    assert.deepEqual((await store.getEvent(created.id))?.sources, ['b.txt']);
  });

  test('bad corrections and splits are refused with the field named, and change nothing', async () => {
    const { store, sql } = await fresh();
    await save(store, meetDoc());
    const [id] = await eventIds(sql);
    const field = (p: Promise<unknown>) => p.then(() => assert.fail('expected a ReviewError'), (e: ReviewError) => e.field);
    assert.equal(await field(store.review.correct(id, { event: 'PARTY' }, 'x')), 'event');
    assert.equal(await field(store.review.correct(id, { mode: 'underwater' }, 'x')), 'mode');
    assert.equal(await field(store.review.correct(id, { countries: ['libya'] }, 'x')), 'countries.0');
    assert.equal(await field(store.review.correct(id, { date: '02/03/2031' }, 'x')), 'date');
    assert.equal(await field(store.review.split(id, ['m1.txt'], 'x')), 'sources');
    assert.equal(await field(store.review.split(id, ['nope.txt'], 'x')), 'sources');
    await assert.rejects(store.review.correct(id + 99, { action: 'visit' }, 'x'), (e: ReviewError) => e.code === 'not_found');
    assert.equal((await store.getEvent(id))?.action, 'meet');
    assert.deepEqual(await store.review.audit(`event:${id}`), []);
  });

  test('corrected actors replace the event\'s participants', async () => {
    const { store, sql } = await fresh();
    await save(store, meetDoc());
    const [id] = await eventIds(sql);
    await store.review.correct(id, { actors: [{ name: 'عبد الحميد الدبيبة', kind: 'person', country: 'LBY', side: 'actor' }], countries: ['LBY'] }, 'sara');
    const ev = await store.getEvent(id);
    assert.deepEqual(ev?.actors.map((a) => a.name), ['عبد الحميد الدبيبة']);
    assert.deepEqual(ev?.countries, ['LBY']);
    // the actor filter (normalized: ة/ه) finds the corrected name, not the replaced one
    assert.equal((await store.listEvents({ actor: 'الدبيبه' })).total, 1);
    assert.equal((await store.listEvents({ actor: 'الباعور' })).total, 0);
  });

  test('merging actors moves their events and redirects new reports; edits survive the registry loader', async () => {
    const { store, sql } = await fresh();
    await save(store, meetDoc());
    await save(store, {
      id: 'c', published: '2031-07-23', stories: [{ text: CONGRAT }],
      events: [{ ...CONGRAT_EVENT, actors: [{ name: 'رئيس المجلس الرئاسي', kind: 'person', country: 'LBY', side: 'actor', entity: 'Q-dup' }] }],
    });
    // a document whose mentions name the merged actor (and another one)
    const named = buildDoc({ id: 'm', stories: [{ text: MEET }], events: [MEET_EVENT] });
    named.mentions[0].actor = 'Q-dup';
    named.mentions[1].actor = 'Q-other';
    await store.saveDocument(named, testSignature(named));
    const merged = await store.review.mergeActors('Q-baour', 'Q-dup', 'sara');
    assert.ok(merged.aliases.includes('رئيس المجلس الرئاسي'));
    assert.deepEqual((await store.getDocument('m'))!.mentions.map((m) => m.actor), ['Q-baour', 'Q-other'], 'mentions name the kept actor');
    const ents = await sql.query<{ entity: string }>('SELECT DISTINCT entity FROM event_actors WHERE entity IS NOT NULL');
    assert.deepEqual(ents, [{ entity: 'Q-baour' }]);
    await save(store, {
      id: 'c', published: '2031-07-23', version: 2, stories: [{ text: CONGRAT }],
      events: [{ ...CONGRAT_EVENT, actors: [{ name: 'رئيس المجلس الرئاسي', kind: 'person', country: 'LBY', side: 'actor', entity: 'Q-dup' }] }],
    });
    assert.deepEqual((await sql.query('SELECT id FROM actors ORDER BY id')).map((r) => r.id), ['Q-baour']);
    assert.deepEqual(await sql.query<{ entity: string }>('SELECT DISTINCT entity FROM event_actors WHERE entity IS NOT NULL'), [{ entity: 'Q-baour' }]);

    await store.review.editActor('Q-baour', { aliases: ['الباعور'], roles: [{ office: 'وزير الخارجية', country: 'LBY', from: '2023' }] }, 'omar');
    await store.upsertActors([{ id: 'Q-baour', name: 'other', kind: 'person', aliases: [] }, { id: 'Q-dup', name: 'dup', kind: 'person' }]);
    const [a] = await sql.query<{ name: string; aliases: string[] }>('SELECT name, aliases FROM actors WHERE id = $1', ['Q-baour']);
    assert.equal(a.name, 'الطاهر الباعور');
    assert.deepEqual(a.aliases, ['الباعور']);
    assert.equal((await sql.query('SELECT 1 FROM actors WHERE id = $1', ['Q-dup'])).length, 0);
    assert.deepEqual((await store.review.audit('actor:Q-baour')).map((x) => x.action), ['actor.edit', 'actor.merge']);
  });

  test('users: one per name, sessions expire, tokens resolve, changes are audited', async () => {
    const { store } = await fresh();
    const u = await store.users.createUser('sara', 'editor', 'scrypt$hash', 'cli');
    assert.equal(u.role, 'editor');
    await assert.rejects(store.users.createUser('sara', 'viewer', 'x', 'cli'), /already exists/);
    assert.equal((await store.users.getCredentials('sara'))?.passwordHash, 'scrypt$hash');
    const now = new Date('2031-01-01T00:00:00Z');
    await store.users.createSession(u.id, 'h1', 'csrf1', new Date(now.getTime() + 60_000));
    assert.equal((await store.users.getSession('h1', now))?.user.name, 'sara');
    assert.equal(await store.users.getSession('h1', new Date(now.getTime() + 61_000)), null);
    assert.equal(await store.users.deleteExpiredSessions(new Date(now.getTime() + 61_000)), 1);
    await store.users.createSession(u.id, 'h2', 'csrf2', new Date(Date.now() + 60_000));
    assert.equal(await store.users.setPassword('sara', 'scrypt$new', 'cli'), true);
    assert.equal(await store.users.getSession('h2', new Date()), null, 'a password reset ends sessions');
    await store.users.createToken('sara', 'script', 'th', 'cli');
    assert.equal((await store.users.getTokenUser('th'))?.name, 'sara');
    assert.equal(await store.users.getTokenUser('other'), null);
    assert.equal(await store.users.removeUser('sara', 'cli'), true);
    assert.equal(await store.users.getTokenUser('th'), null);
    assert.deepEqual((await store.review.audit('user:sara')).map((a) => a.action), ['user.remove', 'token.add', 'user.reset', 'user.add']);
  });
}

onBothBackends('review store', 'review', register);
