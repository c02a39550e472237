/** Unit tests of the auth module: passwords, cookies, rate limiting, sessions (expiry), CSRF. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { createStore } from '../../store/open.ts';
import { migrate } from '../../store/migrate.ts';
import { openPglite, type Sql } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';
import { HttpError } from '../errors.ts';
import { parseCookies, sessionCookie } from './cookies.ts';
import { DUMMY_HASH, generatePassword, hashPassword, verifyPassword } from './password.ts';
import { FailureLimiter } from './rate-limit.ts';
import { digest, newApiToken } from './secrets.ts';
import { createSessionAuth } from './session-auth.ts';

/** Cheap scrypt parameters for tests (the hash records them; verification reads them back). */
const FAST = { N: 1024, r: 8, p: 1 };

function request(headers: Record<string, string> = {}, address = '10.0.0.1'): IncomingMessage {
  return { headers: { host: 'rasid.test', ...headers }, socket: { remoteAddress: address } } as unknown as IncomingMessage;
}

describe('passwords', () => {
  test('a hash verifies its own password only, and two hashes of one password differ (salt)', async () => {
    const h1 = await hashPassword('correct horse battery', FAST);
    const h2 = await hashPassword('correct horse battery', FAST);
    assert.match(h1, /^scrypt\$1024\$8\$1\$/);
    assert.notEqual(h1, h2);
    assert.equal(await verifyPassword('correct horse battery', h1), true);
    assert.equal(await verifyPassword('correct horse batterY', h1), false);
    assert.equal(await verifyPassword('', h1), false);
  });

  test('the default parameters are strong and still verify', async () => {
    const h = await hashPassword('كلمة سر عربية');
    assert.match(h, /^scrypt\$32768\$8\$1\$/);
    assert.equal(await verifyPassword('كلمة سر عربية', h), true);
  });

  test('malformed, tampered and dummy hashes never verify', async () => {
    const h = await hashPassword('pw-123456', FAST);
    const parts = h.split('$');
    assert.equal(await verifyPassword('pw-123456', 'plain-text'), false);
    assert.equal(await verifyPassword('pw-123456', [...parts.slice(0, 5), Buffer.alloc(32).toString('base64')].join('$')), false);
    assert.equal(await verifyPassword('pw-123456', ['scrypt', String(1 << 30), '8', '1', parts[4], parts[5]].join('$')), false);
    assert.equal(await verifyPassword('', DUMMY_HASH), false);
  });

  test('generated passwords are long, random and from the unambiguous alphabet', () => {
    const a = generatePassword();
    assert.ok(a.length >= 20);
    assert.match(a, /^[a-km-zA-HJ-NP-Z2-9]+$/);
    assert.notEqual(a, generatePassword());
    assert.throws(() => generatePassword(12));
  });
});

describe('cookies', () => {
  test('the session cookie is HttpOnly and SameSite=Strict, Secure only when asked', () => {
    const plain = sessionCookie('abc', 3600, false);
    assert.match(plain, /^rasid_session=abc; Path=\/; HttpOnly; SameSite=Strict; Max-Age=3600$/);
    assert.match(sessionCookie('abc', 3600, true), /; Secure$/);
  });

  test('parsing keeps the first of repeated names and survives bad escapes', () => {
    const c = parseCookies('a=1; rasid_session=x%2By; a=2; bad=%E0%A4%A; =skip');
    assert.equal(c.get('a'), '1');
    assert.equal(c.get('rasid_session'), 'x+y');
    assert.equal(c.get('bad'), '%E0%A4%A');
    assert.equal(c.size, 3);
  });
});

describe('failure limiter', () => {
  test('the sixth failure within the window is refused until the oldest one ages out', () => {
    let now = 1_000_000;
    const lim = new FailureLimiter({ max: 5, windowMs: 15 * 60_000, now: () => now });
    for (let i = 0; i < 5; i++) {
      assert.equal(lim.retryAfter('ip:a'), 0);
      lim.fail('ip:a');
      now += 60_000;
    }
    assert.equal(lim.retryAfter('ip:a'), 10 * 60, 'the first failure ages out 15 minutes after it happened');
    assert.equal(lim.retryAfter('ip:b'), 0, 'other keys are not affected');
    now += 10 * 60_000;
    assert.equal(lim.retryAfter('ip:a'), 0);
  });

  test('reset clears a key and the table stays bounded', () => {
    const lim = new FailureLimiter({ max: 1, maxKeys: 3 });
    lim.fail('x');
    assert.ok(lim.retryAfter('x') > 0);
    lim.reset('x');
    assert.equal(lim.retryAfter('x'), 0);
    for (const k of ['a', 'b', 'c', 'd']) lim.fail(k);
    assert.equal(lim.retryAfter('a'), 0, 'the stalest key was dropped');
    assert.ok(lim.retryAfter('d') > 0);
  });
});

describe('session auth', () => {
  let base: Sql;
  let n = 0;
  before(async () => {
    base = await openPglite();
  });
  after(() => base.close());

  async function fresh(): Promise<Store> {
    await base.exec(`CREATE SCHEMA a${++n}; SET search_path TO a${n}`);
    const sql: Sql = { ...base, close: async () => {} };
    await migrate(sql);
    const store = createStore(sql);
    await store.users.createUser('sara', 'editor', await hashPassword('sara-secret-pw', FAST), 'test');
    return store;
  }

  async function loggedIn(auth: ReturnType<typeof createSessionAuth>) {
    const r = await auth.login(request(), 'sara', 'sara-secret-pw');
    const id = /rasid_session=([^;]+)/.exec(r.cookie)![1];
    return { ...r, cookieHeader: `rasid_session=${id}` };
  }

  test('login sets a session that authenticates, stores only its hash, and expires', async () => {
    const store = await fresh();
    let now = Date.parse('2031-01-01T00:00:00Z');
    const auth = createSessionAuth(store.users, { sessionTtlMs: 3600_000, now: () => now });
    const s = await loggedIn(auth);
    assert.deepEqual(s.user, { name: 'sara', role: 'editor' });
    assert.match(s.cookie, /HttpOnly; SameSite=Strict; Max-Age=3600$/);
    const id = s.cookieHeader.split('=')[1];
    assert.equal(await store.users.getSession(id, new Date(now)), null, 'the raw id is not stored');
    assert.notEqual(await store.users.getSession(digest(id), new Date(now)), null);
    assert.deepEqual(await auth.authenticate(request({ cookie: s.cookieHeader })), { name: 'sara', role: 'editor' });
    now += 3600_000 + 1;
    assert.equal(await auth.authenticate(request({ cookie: s.cookieHeader })), null);
  });

  test('a wrong password or unknown name is 401; the sixth failure is 429 even with the right password', async () => {
    const store = await fresh();
    const auth = createSessionAuth(store.users);
    const status = (p: Promise<unknown>) => p.then(() => 200, (e: HttpError) => e.status);
    assert.equal(await status(auth.login(request(), 'nobody', 'x')), 401);
    for (let i = 0; i < 4; i++) assert.equal(await status(auth.login(request(), 'sara', 'wrong')), 401);
    const err = await auth.login(request(), 'sara', 'sara-secret-pw').catch((e: HttpError) => e);
    assert.ok(err instanceof HttpError);
    assert.equal(err.status, 429);
    assert.equal(err.code, 'rate_limited');
    assert.ok(Number(err.headers['Retry-After']) > 0);
    // the name is limited from any address too
    const other = await auth.login(request({}, '10.9.9.9'), 'sara', 'wrong').catch((e: HttpError) => e);
    assert.equal((other as HttpError).status, 401, 'four failures on the name so far from this address: not yet');
    assert.equal(await status(auth.login(request({}, '10.9.9.9'), 'sara', 'sara-secret-pw')), 429);
  });

  test('CSRF: a session write needs its own token and a same-host origin', async () => {
    const store = await fresh();
    const auth = createSessionAuth(store.users);
    const s = await loggedIn(auth);
    const user = { name: 'sara', role: 'editor' as const };
    const check = async (headers: Record<string, string>) => {
      const req = request({ cookie: s.cookieHeader, ...headers });
      await auth.authenticate(req);
      return auth.checkCsrf(req, user);
    };
    assert.equal(await check({}), false);
    assert.equal(await check({ 'x-csrf-token': 'forged' }), false);
    assert.equal(await check({ 'x-csrf-token': s.csrfToken }), true);
    assert.equal(await check({ 'x-csrf-token': s.csrfToken, origin: 'https://evil.example' }), false);
    assert.equal(await check({ 'x-csrf-token': s.csrfToken, origin: 'http://rasid.test' }), true);
    const other = await loggedIn(auth);
    assert.equal(await check({ 'x-csrf-token': other.csrfToken }), false, "another session's token");
    assert.equal(await auth.csrfToken!(request({ cookie: s.cookieHeader }), user), s.csrfToken);
    await assert.rejects(auth.login(request({ origin: 'https://evil.example' }), 'sara', 'sara-secret-pw'), (e: HttpError) => e.status === 403);
    // behind a trusted proxy the forwarded host is this site
    const proxied = createSessionAuth(store.users, { trustProxy: true });
    const p = await proxied.login(request({ origin: 'https://rasid.example.org', 'x-forwarded-host': 'rasid.example.org' }), 'sara', 'sara-secret-pw');
    assert.equal(p.user.name, 'sara');
  });

  test('logout ends the session; API tokens authenticate without CSRF', async () => {
    const store = await fresh();
    const auth = createSessionAuth(store.users);
    const s = await loggedIn(auth);
    const cleared = await auth.logout(request({ cookie: s.cookieHeader }));
    assert.match(cleared, /rasid_session=; .*Max-Age=0/);
    assert.equal(await auth.authenticate(request({ cookie: s.cookieHeader })), null);

    const token = newApiToken();
    await store.users.createToken('sara', 'script', digest(token), 'test');
    const req = request({ authorization: `Bearer ${token}` });
    assert.deepEqual(await auth.authenticate(req), { name: 'sara', role: 'editor' });
    assert.equal(await auth.checkCsrf(req, { name: 'sara', role: 'editor' }), true);
    assert.equal(await auth.authenticate(request({ authorization: `Bearer ${token}x` })), null);
  });

  test('the cookie is Secure on https requests or when configured', async () => {
    const store = await fresh();
    const https = { headers: { host: 'h' }, socket: { remoteAddress: '1.1.1.1', encrypted: true } } as unknown as IncomingMessage;
    assert.match((await createSessionAuth(store.users).login(https, 'sara', 'sara-secret-pw')).cookie, /; Secure$/);
    assert.doesNotMatch((await createSessionAuth(store.users).login(request(), 'sara', 'sara-secret-pw')).cookie, /Secure/);
    assert.match((await createSessionAuth(store.users, { secureCookies: true }).login(request(), 'sara', 'sara-secret-pw')).cookie, /; Secure$/);
  });
});
