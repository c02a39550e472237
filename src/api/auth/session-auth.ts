/**
 * The auth module of `rasid serve`: login sessions (cookie `rasid_session`), API tokens
 * (`Authorization: Bearer rasid_...`) and CSRF protection, over the store's UserStore.
 *
 * - Session ids and API tokens are random 256-bit secrets; the store keeps only their SHA-256.
 * - A session lasts `sessionTtlMs` (default 12 h) from login; logout or a password reset ends it.
 * - Every write made with a session cookie must carry the session's CSRF token in
 *   `X-CSRF-Token` (and, when the browser sends an Origin header, come from this host).
 *   Token requests carry no ambient credential and need no CSRF token.
 * - Failed logins are limited per client address and per user name (default 5 per 15 minutes).
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { UserRow, UserStore } from '../../store/index.ts';
import { HttpError } from '../errors.ts';
import type { AuthHook, AuthUser } from '../router.ts';
import { clearSessionCookie, parseCookies, sessionCookie, SESSION_COOKIE } from './cookies.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import { FailureLimiter } from './rate-limit.ts';
import { digest, randomSecret, sameSecret, TOKEN_PREFIX } from './secrets.ts';

export interface SessionAuthOptions {
  /** Session lifetime in ms (default 12 hours). */
  sessionTtlMs?: number;
  /** Always mark the cookie Secure (behind an https proxy); otherwise only on https requests. */
  secureCookies?: boolean;
  /** Trust X-Forwarded-For / X-Forwarded-Proto (only behind a proxy that sets them). */
  trustProxy?: boolean;
  /** Failed logins allowed per address and per name within `windowMs` (default 5 per 15 min). */
  maxFailures?: number;
  windowMs?: number;
  now?: () => number;
}

export interface LoginResult {
  user: AuthUser;
  csrfToken: string;
  expiresAt: string;
  /** Set-Cookie header value. */
  cookie: string;
}

export interface SessionAuth extends AuthHook {
  /** Checks the credentials; throws HttpError 401 (wrong), 429 (too many failures) or 403 (from another site). */
  login(req: IncomingMessage, name: string, password: string): Promise<LoginResult>;
  /** Ends the request's session (if any); returns the Set-Cookie value that clears the cookie. */
  logout(req: IncomingMessage): Promise<string>;
}

export function isSessionAuth(hook: AuthHook): hook is SessionAuth {
  return typeof (hook as Partial<SessionAuth>).login === 'function' && typeof (hook as Partial<SessionAuth>).logout === 'function';
}

interface Resolved {
  user: AuthUser;
  kind: 'session' | 'token';
  csrfToken?: string;
}

const toAuthUser = (u: UserRow): AuthUser => ({ name: u.name, role: u.role });

export function createSessionAuth(users: UserStore, options: SessionAuthOptions = {}): SessionAuth {
  const ttl = options.sessionTtlMs ?? 12 * 3600 * 1000;
  const now = options.now ?? Date.now;
  const limiter = new FailureLimiter({ max: options.maxFailures ?? 5, windowMs: options.windowMs ?? 15 * 60 * 1000, now });
  // per-request memo: the router authenticates, then checks CSRF, then the handler asks for the token
  const memo = new WeakMap<IncomingMessage, Resolved | null>();

  const clientAddress = (req: IncomingMessage): string => {
    const fwd = options.trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0].trim() : '';
    return fwd || req.socket.remoteAddress || 'unknown';
  };
  const isHttps = (req: IncomingMessage): boolean =>
    options.secureCookies === true ||
    (req.socket as TLSSocket).encrypted === true ||
    (options.trustProxy === true && String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim() === 'https');
  const sessionId = (req: IncomingMessage): string | undefined => parseCookies(req.headers.cookie).get(SESSION_COOKIE) || undefined;
  /** False for a browser request sent from another site (an Origin header naming another host). */
  const fromThisSite = (req: IncomingMessage): boolean => {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    const host = (options.trustProxy && String(req.headers['x-forwarded-host'] ?? '').split(',')[0].trim()) || req.headers.host;
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  };

  async function resolve(req: IncomingMessage): Promise<Resolved | null> {
    if (memo.has(req)) return memo.get(req)!;
    let out: Resolved | null = null;
    const authz = String(req.headers.authorization ?? '');
    const bearer = /^Bearer\s+(\S+)$/i.exec(authz)?.[1];
    if (bearer) {
      const user = bearer.startsWith(TOKEN_PREFIX) ? await users.getTokenUser(digest(bearer)) : null;
      out = user ? { user: toAuthUser(user), kind: 'token' } : null;
    } else {
      const id = sessionId(req);
      const s = id ? await users.getSession(digest(id), new Date(now())) : null;
      out = s ? { user: toAuthUser(s.user), kind: 'session', csrfToken: s.csrfToken } : null;
    }
    memo.set(req, out);
    return out;
  }

  return {
    async authenticate(req) {
      return (await resolve(req))?.user ?? null;
    },

    async checkCsrf(req, user) {
      const r = await resolve(req);
      if (!r || r.user.name !== user.name) return false;
      if (r.kind === 'token') return true;
      if (!fromThisSite(req)) return false;
      const header = req.headers['x-csrf-token'];
      return typeof header === 'string' && !!r.csrfToken && sameSecret(header, r.csrfToken);
    },

    async csrfToken(req) {
      return (await resolve(req))?.csrfToken;
    },

    async login(req, name, password) {
      if (!fromThisSite(req)) throw new HttpError('forbidden', 'cross-site login refused');
      const keys = [`ip:${clientAddress(req)}`, `name:${name.trim().toLowerCase()}`];
      const wait = Math.max(...keys.map((k) => limiter.retryAfter(k)));
      if (wait > 0) {
        throw new HttpError('rate_limited', `too many failed logins; try again in ${wait} s`, undefined, undefined, { 'Retry-After': String(wait) });
      }
      const cred = await users.getCredentials(name);
      // verify even for an unknown name, so that the answer takes as long
      const ok = await verifyPassword(password, cred?.passwordHash ?? DUMMY_HASH);
      if (!cred || !ok) {
        for (const k of keys) limiter.fail(k);
        throw new HttpError('unauthorized', 'wrong name or password');
      }
      limiter.reset(keys[1]);
      const at = now();
      await users.deleteExpiredSessions(new Date(at));
      const id = randomSecret();
      const csrfToken = randomSecret();
      const expires = new Date(at + ttl);
      await users.createSession(cred.user.id, digest(id), csrfToken, expires);
      const user = toAuthUser(cred.user);
      memo.set(req, { user, kind: 'session', csrfToken });
      return { user, csrfToken, expiresAt: expires.toISOString(), cookie: sessionCookie(id, ttl / 1000, isHttps(req)) };
    },

    async logout(req) {
      const id = sessionId(req);
      if (id) await users.deleteSession(digest(id));
      memo.set(req, null);
      return clearSessionCookie(isHttps(req));
    },
  };
}
