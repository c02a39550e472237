/**
 * Review over HTTP against a real database (PGlite; and the PostgreSQL server when
 * RASID_TEST_DATABASE_URL is set): log in, correct an event, read the audit entry, re-ingest the
 * document and find the correction kept; viewers and writes without CSRF get 403; hostile text
 * comes back as plain JSON text.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { loadConfig, testDatabaseUrl } from '../../config.ts';
import { createMemoryQueue } from '../../queue/memory.ts';
import { createStore, dropSchema, openStore } from '../../store/open.ts';
import { migrate } from '../../store/migrate.ts';
import { openPglite, type Sql } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';
import { buildDoc, testSignature, testSimilarity, type DocSpec } from '../../store/testkit.ts';
import { MEET, MEET_EVENT } from '../../store/contract-fixtures.ts';
import { createAuth, routes as authRoutes } from '../auth/index.ts';
import { hashPassword } from '../auth/password.ts';
import { createApiServer } from '../server.ts';
import { apiRoutes } from './index.ts';
import { routes as reviewRoutes } from './review.ts';
import { routes as userRoutes } from './users.ts';

const FAST = { N: 1024, r: 8, p: 1 };
const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(document.cookie)>';

interface Client {
  cookie?: string;
  csrf?: string;
}

async function setup(store: Store, readsRequireLogin = false) {
  const config = loadConfig({ dataDir: 'memory://', readsRequireLogin }, {});
  const api = createApiServer({
    store, config, jobs: createMemoryQueue(), auth: createAuth({ store, config }),
    routes: apiRoutes([...authRoutes, ...reviewRoutes, ...userRoutes]),
  });
  const { url } = await api.listen(0, '127.0.0.1');
  async function call(c: Client | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined) h['content-type'] = 'application/json';
    if (c?.cookie) h.cookie = c.cookie;
    if (c?.csrf && !('x-csrf-token' in h)) h['x-csrf-token'] = c.csrf;
    const res = await fetch(url + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : null };
  }
  async function login(name: string, password: string): Promise<Client> {
    const r = await call(null, 'POST', '/api/login', { name, password });
    assert.equal(r.status, 200, r.text);
    const cookie = /^(rasid_session=[^;]+)/.exec(r.headers.get('set-cookie') ?? '')![1];
    return { cookie, csrf: r.body.csrfToken };
  }
  return { api, call, login };
}

async function save(store: Store, spec: DocSpec) {
  const doc = buildDoc(spec);
  return store.saveDocument(doc, testSignature(doc));
}

const meetDoc = (version = 1): DocSpec => ({ id: 'm1', published: '2031-03-02', version, stories: [{ text: MEET }], events: [MEET_EVENT] });

function register(fresh: () => Promise<Store>): void {
  test('an editor corrects an event over HTTP; the audit shows it and re-ingestion keeps it', async () => {
    const store = await fresh();
    await store.users.createUser('sara', 'editor', await hashPassword('sara-pw-123', FAST), 'test');
    await save(store, meetDoc());
    const [{ id }] = (await store.listEvents()).rows;
    const { api, call, login } = await setup(store);
    try {
      const sara = await login('sara', 'sara-pw-123');
      const cfg = await call(sara, 'GET', '/api/config');
      assert.deepEqual(cfg.body.user, { name: 'sara', role: 'editor' });
      assert.equal(cfg.body.csrfToken, sara.csrf);

      const r = await call(sara, 'PATCH', `/api/events/${id}`, { action: 'visit', mode: 'visit', contexts: ['economic'] });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.review, 'corrected');

      const audit = await call(null, 'GET', `/api/audit?entity=event:${id}`);
      assert.equal(audit.status, 200);
      assert.equal(audit.body.length, 1);
      assert.equal(audit.body[0].user, 'sara');
      assert.equal(audit.body[0].entity, `event:${id}`);
      assert.equal(audit.body[0].before.action, 'meet');
      assert.equal(audit.body[0].after.action, 'visit');

      assert.equal((await save(store, meetDoc(2))).status, 'replaced');
      const ev = await call(null, 'GET', `/api/events/${id}`);
      assert.equal(ev.status, 200, ev.text);
      assert.equal(ev.body.action, 'visit');
      assert.equal(ev.body.mode, 'visit');
      assert.deepEqual(ev.body.contexts, ['economic']);
      assert.equal(ev.body.review, 'corrected');
      assert.equal(ev.body.audit.length, 1);

      const bad = await call(sara, 'PATCH', `/api/events/${id}`, { event: 'PARTY' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details[0].path, 'event');

      const confirm = await call(sara, 'POST', `/api/events/${id}/review`, { action: 'confirm' });
      assert.equal(confirm.body.review, 'confirmed');
      assert.equal((await call(sara, 'POST', `/api/events/${id + 1000}/review`, { action: 'reject' })).status, 404);
    } finally {
      await api.close();
    }
  });

  test('writes: anonymous 401, viewer 403, missing or wrong CSRF token 403, cross-site origin 403, token 200', async () => {
    const store = await fresh();
    await store.users.createUser('vic', 'viewer', await hashPassword('vic-pw-123', FAST), 'test');
    await store.users.createUser('sara', 'editor', await hashPassword('sara-pw-123', FAST), 'test');
    await save(store, meetDoc());
    const [{ id }] = (await store.listEvents()).rows;
    const { api, call, login } = await setup(store);
    try {
      const patch = { action: 'visit' };
      assert.equal((await call(null, 'PATCH', `/api/events/${id}`, patch)).status, 401);
      const vic = await login('vic', 'vic-pw-123');
      const viewer = await call(vic, 'PATCH', `/api/events/${id}`, patch);
      assert.equal(viewer.status, 403);
      assert.equal(viewer.body.error.code, 'forbidden');
      const sara = await login('sara', 'sara-pw-123');
      assert.equal((await call({ cookie: sara.cookie }, 'PATCH', `/api/events/${id}`, patch)).status, 403);
      assert.equal((await call(sara, 'PATCH', `/api/events/${id}`, patch, { 'x-csrf-token': vic.csrf! })).status, 403);
      assert.equal((await call(sara, 'PATCH', `/api/events/${id}`, patch, { origin: 'https://evil.example' })).status, 403);
      assert.equal((await store.getEvent(id))?.action, 'meet', 'nothing was written');

      const tok = await call(sara, 'POST', '/api/tokens', { label: 'nightly' });
      assert.equal(tok.status, 201, tok.text);
      const viaToken = await call(null, 'PATCH', `/api/events/${id}`, patch, { authorization: `Bearer ${tok.body.token}` });
      assert.equal(viaToken.status, 200, viaToken.text);

      assert.equal((await call(sara, 'POST', '/api/logout', {})).status, 200);
      assert.equal((await call(sara, 'GET', '/api/config')).body.user, null);
      assert.equal((await call(sara, 'PATCH', `/api/events/${id}`, patch)).status, 401);
    } finally {
      await api.close();
    }
  });

  test('merge and split over HTTP; with readsRequireLogin a viewer session reads and anonymous calls get 401', async () => {
    const store = await fresh();
    await store.users.createUser('sara', 'editor', await hashPassword('sara-pw-123', FAST), 'test');
    await store.users.createUser('vic', 'viewer', await hashPassword('vic-pw-123', FAST), 'test');
    await save(store, { id: 'a', published: '2031-03-02', stories: [{ text: MEET }], events: [MEET_EVENT] });
    await save(store, { id: 'b', published: '2031-03-02', stories: [{ text: `${MEET} تقرير آخر.` }], events: [{ ...MEET_EVENT, action: 'phone_call', mode: 'phone' }] });
    const ids = (await store.listEvents({}, { sort: 'id' })).rows.map((r) => r.id);
    const { api, call, login } = await setup(store, true);
    try {
      assert.equal((await call(null, 'GET', '/api/events')).status, 401);
      const vic = await login('vic', 'vic-pw-123');
      assert.equal((await call(vic, 'GET', '/api/events')).status, 200);
      const sara = await login('sara', 'sara-pw-123');
      if (ids.length === 2) {
        const merged = await call(sara, 'POST', `/api/events/${ids[0]}/merge`, { other: ids[1] });
        assert.equal(merged.status, 200, merged.text);
        assert.deepEqual([...merged.body.sources].sort(), ['a.txt', 'b.txt']);
      }
      assert.equal((await call(sara, 'POST', `/api/events/${ids[0]}/merge`, { other: ids[0] })).status, 400);
      const split = await call(sara, 'POST', `/api/events/${ids[0]}/split`, { sources: ['b.txt'] });
      assert.equal(split.status, 200, split.text);
      assert.deepEqual(split.body.kept.sources, ['a.txt']);
      assert.deepEqual(split.body.created.sources, ['b.txt']);
      const missing = await call(sara, 'POST', `/api/events/${ids[0]}/split`, { sources: ['nope.txt'] });
      assert.equal(missing.status, 400);
      assert.equal(missing.body.error.details[0].path, 'sources');
      const audit = await call(vic, 'GET', `/api/audit?entity=event:${ids[0]}`);
      assert.ok(audit.body.some((a: { action: string }) => a.action === 'event.split'));
    } finally {
      await api.close();
    }
  });

  test('five failed logins from an address, then 429 with the error body', async () => {
    const store = await fresh();
    await store.users.createUser('sara', 'editor', await hashPassword('sara-pw-123', FAST), 'test');
    const { api, call } = await setup(store);
    try {
      for (let i = 0; i < 5; i++) assert.equal((await call(null, 'POST', '/api/login', { name: 'sara', password: 'nope' })).status, 401);
      const r = await call(null, 'POST', '/api/login', { name: 'sara', password: 'sara-pw-123' });
      assert.equal(r.status, 429);
      assert.equal(r.body.error.code, 'rate_limited');
      assert.ok(Number(r.headers.get('retry-after')) > 0);
    } finally {
      await api.close();
    }
  });

  test('hostile names and article text are stored and returned as plain JSON text', async () => {
    const store = await fresh();
    await store.users.createUser('sara', 'editor', await hashPassword('sara-pw-123', FAST), 'test');
    await save(store, { id: 'h1', published: '2031-03-02', stories: [{ text: `${MEET} ${SCRIPT} ${IMG}` }], events: [MEET_EVENT] });
    const [{ id }] = (await store.listEvents()).rows;
    const entity = (await store.getEvent(id))!.actors.find((a) => a.entity)!.entity!;
    const { api, call, login } = await setup(store);
    try {
      const sara = await login('sara', 'sara-pw-123');
      const r = await call(sara, 'PATCH', `/api/events/${id}`, {
        actors: [{ name: SCRIPT, kind: 'person', side: 'actor' }], location: { name: IMG, country: null },
      });
      assert.equal(r.status, 200, r.text);
      assert.equal((await call(sara, 'PATCH', `/api/actors/${encodeURIComponent(entity)}`, { aliases: [IMG, SCRIPT] })).status, 200);

      const ev = await call(null, 'GET', `/api/events/${id}`);
      assert.match(ev.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(ev.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(ev.body.actors[0].name, SCRIPT);
      assert.equal(ev.body.location.name, IMG);
      const doc = await call(null, 'GET', '/api/documents/h1');
      assert.match(doc.headers.get('content-type') ?? '', /^application\/json/);
      assert.ok(doc.body.text.includes(SCRIPT) && doc.body.text.includes(IMG), 'article text is returned verbatim');
      const audit = await call(null, 'GET', `/api/audit?entity=${encodeURIComponent(`actor:${entity}`)}`);
      assert.deepEqual(audit.body[0].after.aliases, [IMG, SCRIPT]);
    } finally {
      await api.close();
    }
  });

  test('administrators manage accounts over HTTP; editors cannot', async () => {
    const store = await fresh();
    await store.users.createUser('root', 'admin', await hashPassword('root-pw-123', FAST), 'test');
    await store.users.createUser('sara', 'editor', await hashPassword('sara-pw-123', FAST), 'test');
    const { api, call, login } = await setup(store);
    try {
      const root = await login('root', 'root-pw-123');
      const sara = await login('sara', 'sara-pw-123');
      assert.equal((await call(sara, 'POST', '/api/users', { name: 'omar', role: 'editor' })).status, 403);
      const made = await call(root, 'POST', '/api/users', { name: 'omar', role: 'editor' });
      assert.equal(made.status, 201, made.text);
      assert.ok(made.body.password.length >= 20);
      assert.equal((await call(root, 'POST', '/api/users', { name: 'omar', role: 'viewer' })).status, 409);
      await login('omar', made.body.password);
      const reset = await call(root, 'POST', '/api/users/omar/reset', {});
      assert.equal((await call(null, 'POST', '/api/login', { name: 'omar', password: made.body.password })).status, 401);
      await login('omar', reset.body.password);
      assert.equal((await call(root, 'DELETE', '/api/users/omar')).status, 200);
      assert.equal((await call(sara, 'GET', '/api/audit?entity=user:omar')).status, 403);
      const log = await call(root, 'GET', '/api/audit?entity=user:omar');
      assert.deepEqual(log.body.map((a: { action: string }) => a.action), ['user.remove', 'user.reset', 'user.add']);
      assert.ok(!JSON.stringify(log.body).includes('scrypt'), 'no password hash in the audit log');
    } finally {
      await api.close();
    }
  });
}

describe('review API (pglite)', () => {
  let base: Sql;
  let n = 0;
  before(async () => {
    base = await openPglite();
  });
  after(() => base.close());
  register(async () => {
    await base.exec(`CREATE SCHEMA v${++n}; SET search_path TO v${n}`);
    const sql: Sql = { ...base, close: async () => {} };
    await migrate(sql);
    return createStore(sql, { similarity: testSimilarity });
  });
});

const url = testDatabaseUrl();
if (url) {
  describe('review API (postgresql)', () => {
    const prefix = `rasid_rapi_${process.pid}_${randomBytes(3).toString('hex')}`;
    const open: Array<{ store: Store; schema: string }> = [];
    after(async () => {
      for (const o of open) {
        await o.store.close().catch(() => {});
        await dropSchema(url, o.schema);
      }
    });
    register(async () => {
      const schema = `${prefix}_${open.length + 1}`;
      const store = await openStore({ databaseUrl: url, schema, similarity: testSimilarity });
      open.push({ store, schema });
      return store;
    });
  });
} else {
  test('review API (postgresql)', (t) => t.skip('RASID_TEST_DATABASE_URL not set'));
}
