/**
 * Auth plug-in of `rasid serve` (loaded by src/api/plugins.ts): `createAuth` builds the session
 * and token auth over the store's users; `routes` are POST /api/login and POST /api/logout.
 */
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { HttpError } from '../errors.ts';
import type { PluginDeps } from '../plugins.ts';
import { defineRoute, Reply, type Route } from '../router.ts';
import { createSessionAuth, isSessionAuth, type SessionAuth, type SessionAuthOptions } from './session-auth.ts';

export { createSessionAuth, isSessionAuth, type SessionAuth, type SessionAuthOptions, type LoginResult } from './session-auth.ts';
export { hashPassword, verifyPassword, generatePassword } from './password.ts';
export { newApiToken, digest } from './secrets.ts';

/** The auth settings of the configuration (RASID_SECURE_COOKIES, RASID_TRUST_PROXY, RASID_SESSION_HOURS). */
export function authOptions(config: Config): SessionAuthOptions {
  return { secureCookies: config.secureCookies, trustProxy: config.trustProxy, sessionTtlMs: config.sessionHours * 3600 * 1000 };
}

export function createAuth(deps: PluginDeps): SessionAuth {
  return createSessionAuth(deps.store.users, authOptions(deps.config));
}

const LoginBody = z.object({
  name: z.string().trim().min(1, 'name is empty').max(100),
  password: z.string().min(1, 'password is empty').max(1024),
});

const LoginResponse = z.object({
  user: z.object({ name: z.string(), role: z.enum(['viewer', 'editor', 'admin']) }),
  csrfToken: z.string(),
  expiresAt: z.string(),
});

function sessionAuthOf(hook: unknown): SessionAuth {
  if (!hook || !isSessionAuth(hook as SessionAuth)) throw new HttpError('not_found', 'logins are not enabled on this server');
  return hook as SessionAuth;
}

export const routes: Route[] = [
  defineRoute({
    method: 'POST', path: '/api/login', auth: 'public', tags: ['auth'],
    summary: 'Log in: sets the rasid_session cookie and returns the CSRF token for writes (rate-limited)',
    body: LoginBody, response: LoginResponse, maxBodyBytes: 8192,
    async handler({ app, req, body }) {
      const r = await sessionAuthOf(app.auth).login(req, body.name, body.password);
      app.log?.('info', `login ${r.user.name} (${r.user.role})`);
      return new Reply(200, { user: r.user, csrfToken: r.csrfToken, expiresAt: r.expiresAt }, { 'Set-Cookie': r.cookie });
    },
  }),
  defineRoute({
    method: 'POST', path: '/api/logout', auth: 'public', tags: ['auth'],
    summary: 'Log out: ends the session and clears the cookie (needs X-CSRF-Token when logged in)',
    maxBodyBytes: 1024,
    async handler({ app, req, user }) {
      const auth = sessionAuthOf(app.auth);
      if (user && !(await auth.checkCsrf(req, user))) throw new HttpError('forbidden', 'missing or invalid X-CSRF-Token header');
      return new Reply(200, { ok: true }, { 'Set-Cookie': await auth.logout(req) });
    },
  }),
];
