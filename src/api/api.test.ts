/**
 * The HTTP API end to end: a server on a free port over a real database (in-memory PGlite, and
 * the PostgreSQL server of RASID_TEST_DATABASE_URL when set), fed with documents written for
 * these tests.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseUrl } from '../config.ts';
import { dropSchema, openStore, type Store } from '../store/index.ts';
import { buildDoc, testSignature, testSimilarity } from '../store/testkit.ts';
import { API_ACTORS, API_DOCS } from './fixtures.ts';
import { headerAuth, startTestServer, type TestServer } from './testkit.ts';

const backends: Array<{ name: string; open: () => Promise<{ store: Store; drop: () => Promise<void> }> }> = [
  { name: 'pglite', open: async () => ({ store: await openStore({ similarity: testSimilarity }), drop: async () => {} }) },
];
const url = testDatabaseUrl();
if (url) {
  backends.push({
    name: 'postgresql',
    open: async () => {
      const schema = `rasid_api_${process.pid}_${randomBytes(3).toString('hex')}`;
      return { store: await openStore({ databaseUrl: url, schema, similarity: testSimilarity }), drop: () => dropSchema(url, schema) };
    },
  });
} else {
  test('API on PostgreSQL', (t) => t.skip('RASID_TEST_DATABASE_URL not set (scripts/ci/start-postgres.sh starts a server)'));
}

for (const backend of backends) {
  describe(`HTTP API (${backend.name})`, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let srv: TestServer;
    let web: string;
    let visitId: number;

    before(async () => {
      ({ store, drop } = await backend.open());
      for (const spec of API_DOCS) {
        const doc = buildDoc(spec);
        await store.saveDocument(doc, testSignature(doc));
      }
      await store.upsertActors(API_ACTORS);
      web = await mkdtemp(join(tmpdir(), 'rasid-web-'));
      await mkdir(join(web, 'dist', 'assets'), { recursive: true });
      await writeFile(join(web, 'dist', 'index.html'), '<!doctype html><title>Rasid</title><div id="app"></div>');
      await writeFile(join(web, 'dist', 'assets', 'app-1234.js'), 'console.log("rasid")');
      await writeFile(join(web, 'secret.txt'), 'TOP-SECRET');
      srv = await startTestServer({ store, auth: headerAuth, staticDir: join(web, 'dist') });
      const visits = await srv.get('/api/events?action=visit');
      visitId = visits.body.items[0].id;
    });
    after(async () => {
      await srv?.close();
      await store?.close();
      await drop?.();
      if (web) await rm(web, { recursive: true, force: true });
    });

    test('stats count what was stored', async () => {
      const r = await srv.get('/api/stats');
      assert.equal(r.status, 200);
      assert.equal(r.body.documents, 4);
      assert.equal(r.body.events, 3);
      assert.equal(r.body.sources, 4);
    });

    test('events: filters by country, dyad, type, action, place, dates, confidence, actor, source', async () => {
      const ids = async (q: string) => (await srv.get(`/api/events?${q}`)).body.items.map((e: { action: string }) => e.action).sort();
      assert.deepEqual(await ids(''), ['meet', 'sign_agreement', 'visit']);
      assert.deepEqual(await ids('country=tur'), ['meet']);
      assert.deepEqual(await ids('dyad=LBY,ITA'), ['sign_agreement']);
      assert.deepEqual(await ids('type=consult'), ['meet', 'visit']);
      assert.deepEqual(await ids('context=migration'), ['sign_agreement']);
      assert.deepEqual(await ids(`place=${encodeURIComponent('ابوظبي')}`), ['visit']); // hamza folded
      assert.deepEqual(await ids('since=2031-04-01&until=2031-04'), ['visit']);
      assert.deepEqual(await ids('until=2031-03'), ['meet']);
      assert.deepEqual(await ids('minConfidence=0.75'), ['meet']);
      assert.deepEqual(await ids(`actor=${encodeURIComponent('الدبيبه')}`), ['meet']);
      assert.deepEqual(await ids('actor=per:ly-fm'), ['visit']);
      assert.deepEqual(await ids('source=d4.txt'), ['visit']);
      assert.deepEqual(await ids('review=unreviewed'), ['meet', 'sign_agreement', 'visit']);
    });

    test('events: rows carry actors, sources, snippet; sorted and paged', async () => {
      const r = await srv.get('/api/events?sort=-sources');
      assert.equal(r.status, 200);
      const top = r.body.items[0];
      assert.equal(top.action, 'visit');
      assert.equal(top.sourceCount, 2);
      assert.deepEqual(top.sources.sort(), ['d2.txt', 'd4.txt']);
      assert.match(top.snippet, /بالإمارات/);
      assert.equal(top.actors[0].entity, 'per:ly-fm');
      const byDate = (await srv.get('/api/events?sort=date')).body.items.map((e: { day: string }) => e.day);
      assert.deepEqual(byDate, ['2031-03-02', '2031-04-10', '2031-05-20']);
      const p1 = (await srv.get('/api/events?sort=date&limit=1&offset=1')).body;
      assert.equal(p1.total, 3);
      assert.equal(p1.totalExact, true);
      assert.equal(p1.items.length, 1);
      assert.equal(p1.items[0].day, '2031-04-10');
    });

    test('totals beyond the counting limit are estimates, flagged as such', async () => {
      const p = await store.api.events({}, { limit: 1, countLimit: 1 });
      assert.equal(p.totalExact, false);
      assert.ok(p.total >= 2, `estimate ${p.total}`);
      assert.equal(p.items.length, 1);
    });

    test('full-text search matches across hamza forms, tashkeel and attached clitics', async () => {
      for (const q of ['الامارات', 'الإمارات', 'الإِمَارَات', 'للإمارات']) {
        const r = await srv.get(`/api/events?q=${encodeURIComponent(q)}`);
        assert.equal(r.status, 200, q);
        assert.deepEqual(r.body.items.map((e: { action: string }) => e.action), ['visit'], `q=${q} finds "بالإمارات"`);
      }
      // و and the article attached to the word in the text
      const italy = await srv.get(`/api/events?q=${encodeURIComponent('إيطاليا')}`);
      assert.deepEqual(italy.body.items.map((e: { action: string }) => e.action), ['sign_agreement']);
      const both = await srv.get(`/api/events?q=${encodeURIComponent('ليبيا وإيطاليا')}`);
      assert.deepEqual(both.body.items.map((e: { action: string }) => e.action), ['sign_agreement']);
      const none = await srv.get(`/api/events?q=${encodeURIComponent('البرازيل')}`);
      assert.equal(none.body.total, 0);
    });

    test('bad input answers 400 with the field named; unknown things 404', async () => {
      for (const [q, field] of [
        ['country=LIBYA', 'country'], ['limit=501', 'limit'], ['since=2031-13-01', 'since'], ['sort=name', 'sort'],
        ['minConfidence=2', 'minConfidence'], ['review=maybe', 'review'], ['dyad=LBY', 'dyad'], ['offset=-1', 'offset'],
      ]) {
        const r = await srv.get(`/api/events?${q}`);
        assert.equal(r.status, 400, q);
        assert.equal(r.body.error.code, 'bad_request');
        assert.ok(r.body.error.details.some((d: { path: string }) => d.path === field), `${q}: ${JSON.stringify(r.body)}`);
      }
      const range = await srv.get('/api/events?since=2031-05-01&until=2031-04-01');
      assert.equal(range.status, 400);
      const badId = await srv.get('/api/events/abc');
      assert.equal(badId.status, 400);
      assert.equal(badId.body.error.details[0].path, 'id');
      for (const path of ['/api/events/999999', '/api/documents/nope.txt', '/api/actors/per:nobody', '/api/nothing']) {
        const r = await srv.get(path);
        assert.equal(r.status, 404, path);
        assert.equal(r.body.error.code, 'not_found');
      }
      const method = await srv.get('/api/events', { method: 'DELETE' });
      assert.equal(method.status, 405);
    });

    test('event detail: every source, evidence span, merge reason', async () => {
      const r = await srv.get(`/api/events/${visitId}`);
      assert.equal(r.status, 200);
      const e = r.body;
      assert.deepEqual(e.sourcesDetail.map((s: { name: string }) => s.name).sort(), ['d2.txt', 'd4.txt']);
      assert.equal(e.evidence.length, 2);
      assert.ok(e.merges.length >= 1 && e.merges.every((m: { reason: string }) => m.reason.length > 0));
      assert.deepEqual(e.rules, ['visit.arrive']);
      assert.ok(Array.isArray(e.audit));
      assert.equal(e.review, null);
      // evidence offsets point into the stored text
      for (const v of e.evidence) {
        const d = await srv.get(`/api/documents/${encodeURIComponent(v.document)}`);
        assert.equal(d.body.text.slice(v.start, v.end), v.text);
      }
    });

    test('documents: list and detail with text and spans', async () => {
      const list = await srv.get('/api/documents?limit=2');
      assert.equal(list.body.total, 4);
      assert.equal(list.body.items.length, 2);
      assert.equal(list.body.items[0].name, 'd3.txt'); // newest first
      const d = (await srv.get('/api/documents/d1.txt')).body;
      assert.equal(d.stories.length, 1);
      assert.equal(d.text.slice(d.stories[0].start, d.stories[0].end).startsWith('الدبيبة يستقبل'), true);
      assert.equal(d.events.length, 1);
      const span = d.events[0].evidence[0];
      assert.match(d.text.slice(span.start, span.end), /^استقبل رئيس حكومة/);
      assert.ok(d.mentions.length > 0);
    });

    test('actors: search across spelling variants, profile with roles and events', async () => {
      const r = await srv.get(`/api/actors?q=${encodeURIComponent('الدبيبه')}`);
      assert.deepEqual(r.body.items.map((a: { id: string }) => a.id), ['per:dbeibah']);
      assert.equal(r.body.items[0].events, 1);
      const orgs = await srv.get('/api/actors?kind=organization');
      assert.deepEqual(orgs.body.items.map((a: { id: string }) => a.id), ['org:un']);
      const p = (await srv.get('/api/actors/per:dbeibah')).body;
      assert.equal(p.roles[0].office, 'رئيس حكومة الوحدة الوطنية');
      assert.equal(p.eventCount, 1);
      assert.equal(p.events[0].action, 'meet');
    });

    test('country relations: partners, types, contexts, timeline, top actors', async () => {
      const r = await srv.get('/api/countries/lby/relations');
      assert.equal(r.status, 200);
      const rel = r.body;
      assert.equal(rel.country, 'LBY');
      assert.equal(rel.events, 3);
      assert.deepEqual(rel.partners.map((p: { party: string }) => p.party).sort(), ['ARE', 'ITA', 'TUR']);
      assert.deepEqual(rel.byType, { CONSULT: 2, COOPERATE: 1 });
      assert.equal(rel.byContext.migration, 1);
      assert.deepEqual(rel.timeline.map((t: { month: string }) => t.month), ['2031-03', '2031-04', '2031-05']);
      assert.ok(rel.topActors.some((a: { id: string }) => a.id === 'per:dbeibah'));
      const ranged = (await srv.get('/api/countries/LBY/relations?since=2031-04-01')).body;
      assert.equal(ranged.events, 2);
      assert.deepEqual(ranged.timeline.map((t: { month: string }) => t.month), ['2031-04', '2031-05']);
      for (const [q, n] of [['until=2031-04', 2], ['since=2031&until=2031', 3], ['since=2031-05', 1], ['since=2030&until=2030-12', 0], ['since=2030-06&until=2031-03-31', 1]] as const) {
        assert.equal((await srv.get(`/api/countries/LBY/relations?${q}`)).body.events, n, q);
      }
      assert.deepEqual((await srv.get('/api/countries/TUR/relations')).body.partners.map((p: { party: string }) => p.party), ['LBY']);
      assert.equal((await srv.get('/api/countries/LIBYA/relations')).status, 400);
    });

    test('summaries follow new and deleted events', async () => {
      const before = (await srv.get('/api/countries/EGY/relations')).body;
      assert.equal(before.events, 0);
      const doc = buildDoc({
        id: 'd5', published: '2031-06-01',
        stories: [{ text: 'بحث وزير الخارجية الليبي مع نظيره المصري في القاهرة ملف الحدود.' }],
        events: [{ event: 'CONSULT', action: 'meet', countries: ['LBY', 'EGY'], date: '2031-06-01', evidence: ['بحث وزير الخارجية الليبي مع نظيره المصري'] }],
      });
      await store.saveDocument(doc, testSignature(doc));
      const after1 = (await srv.get('/api/countries/EGY/relations')).body;
      assert.equal(after1.events, 1);
      assert.deepEqual(after1.partners[0], { party: 'LBY', kind: 'country', events: 1, byType: { CONSULT: 1 }, lastDate: '2031-06-01' });
      assert.equal((await srv.get('/api/countries/LBY/relations')).body.events, 4);
      assert.equal((await srv.get('/api/dyads/EGY/LBY')).body.total, 1);
      await store.deleteDocument('d5');
      assert.equal((await srv.get('/api/countries/EGY/relations')).body.events, 0);
      assert.equal((await srv.get('/api/countries/LBY/relations')).body.events, 3);
    });

    test('dyads: events between two parties with a timeline', async () => {
      const r = await srv.get('/api/dyads/LBY/ARE');
      assert.equal(r.status, 200);
      assert.equal(r.body.total, 1);
      assert.equal(r.body.events[0].action, 'visit');
      assert.deepEqual(r.body.timeline, [{ month: '2031-04', byType: { CONSULT: 1 } }]);
      assert.equal((await srv.get('/api/dyads/LBY/LBY')).status, 400);
    });

    test('exports stream jsonl (scored format), csv and plover', async () => {
      const j = await srv.get('/api/export?format=jsonl&country=LBY');
      assert.equal(j.status, 200);
      assert.equal(j.headers.get('transfer-encoding'), 'chunked');
      const rows = j.text.trim().split('\n').map((l) => JSON.parse(l));
      assert.equal(rows.length, 3);
      for (const row of rows) {
        assert.deepEqual(Object.keys(row).slice(0, 4), ['id', 'event', 'action', 'mode']);
        assert.ok(row.evidence.length > 0 && row.sources.length > 0);
        assert.equal('review' in row, false);
      }
      const c = await srv.get('/api/export?format=csv&type=CONSULT');
      assert.match(c.headers.get('content-type') ?? '', /text\/csv/);
      const lines = c.text.replace(/^\ufeff/, '').trim().split('\r\n');
      assert.equal(lines.length, 3);
      assert.match(lines[0], /^id,event,action/);
      const p = await srv.get('/api/export?format=plover&action=visit');
      const ev = JSON.parse(p.text.trim());
      assert.equal(ev.event_type, 'CONSULT');
      assert.equal(ev.actor_country, 'LBY');
      assert.equal((await srv.get('/api/export?format=xml')).status, 400);
    });

    test('OpenAPI 3.1 document lists every route with its parameters', async () => {
      const r = await srv.get('/api/openapi.json');
      assert.equal(r.body.openapi, '3.1.0');
      for (const route of srv.api.router.routes) {
        const path = route.path.replace(/:(\w+)/g, '{$1}');
        assert.ok(r.body.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.path} in the document`);
      }
      const params = r.body.paths['/api/events'].get.parameters.map((p: { name: string }) => p.name);
      for (const name of ['country', 'dyad', 'q', 'since', 'limit', 'sort']) assert.ok(params.includes(name), name);
      assert.deepEqual(r.body.paths['/api/events/{id}'].get.parameters[0], { name: 'id', in: 'path', required: true, schema: r.body.paths['/api/events/{id}'].get.parameters[0].schema });
    });

    test('static files: MIME types, client routes, no traversal, security headers', async () => {
      const index = await srv.get('/');
      assert.equal(index.status, 200);
      assert.match(index.headers.get('content-type') ?? '', /^text\/html/);
      const csp = index.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/);
      assert.doesNotMatch(csp, /https?:/);
      assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(index.headers.get('referrer-policy'), 'no-referrer');
      const js = await srv.get('/assets/app-1234.js');
      assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
      assert.match((await srv.get('/events/12')).text, /<div id="app">/);
      assert.equal((await srv.get('/missing.js')).status, 404);
      for (const path of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00', '/%E0%A4%A']) {
        const r = await srv.get(path);
        assert.notEqual(r.status, 200, path);
        assert.doesNotMatch(r.text, /TOP-SECRET/, path);
      }
      assert.equal((await srv.get('/api/stats')).headers.get('x-content-type-options'), 'nosniff');
    });

    test('writes need an editor and a CSRF token', async () => {
      const body = JSON.stringify({ text: 'نص' });
      const post = (headers: Record<string, string>) =>
        srv.get('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      assert.equal((await post({})).status, 401);
      assert.equal((await post({ 'x-test-user': 'v:viewer' })).status, 403);
      const noCsrf = await post({ 'x-test-user': 'e:editor' });
      assert.equal(noCsrf.status, 403);
      assert.match(noCsrf.body.error.message, /CSRF/);
      const cfg = await srv.get('/api/config', { headers: { 'x-test-user': 'e:editor' } });
      assert.deepEqual(cfg.body, { focusCountry: 'LBY', readsRequireLogin: false, user: { name: 'e', role: 'editor' }, csrfToken: 'ok' });
    });

    test('review state: filter and detail with the audit trail', async () => {
      await store.review.decide(visitId, 'confirm', 'amal');
      const confirmed = await srv.get('/api/events?review=confirmed');
      assert.deepEqual(confirmed.body.items.map((e: { id: number }) => e.id), [visitId]);
      assert.equal(confirmed.body.items[0].review, 'confirmed');
      assert.equal((await srv.get('/api/events?review=unreviewed')).body.total, 2);
      const detail = (await srv.get(`/api/events/${visitId}`)).body;
      assert.equal(detail.review, 'confirmed');
      assert.ok(detail.audit.some((a: { user: string; entity: string }) => a.user === 'amal' && a.entity === `event:${visitId}`));
    });

    test('reads require a login when configured', async () => {
      const closed = await startTestServer({ store, readsRequireLogin: true });
      try {
        assert.equal((await closed.get('/api/events')).status, 401);
        assert.equal((await closed.get('/api/config')).body.readsRequireLogin, true);
      } finally {
        await closed.close();
      }
    });
  });
}
