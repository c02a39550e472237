/**
 * Account endpoints. Administrators manage users (a new or reset account gets a random one-time
 * password, shown once); editors and administrators create API tokens for scripts
 * (`Authorization: Bearer rasid_...`, shown once, stored hashed).
 */
import { z } from 'zod';
import { ROLES, StoreConflict } from '../../store/index.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { digest, newApiToken } from '../auth/secrets.ts';
import { HttpError, notFound } from '../errors.ts';
import { defineRoute, Reply, type Route } from '../router.ts';

export const UserName = z
  .string()
  .trim()
  .min(1, 'empty')
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits and . _ @ - only');

const UserItem = z.object({ id: z.number(), name: z.string(), role: z.enum(ROLES), createdAt: z.string(), passwordAt: z.string() });
const NameParam = z.object({ name: UserName });
const TokenItem = z.object({ id: z.number(), user: z.string(), label: z.string(), createdAt: z.string(), lastUsed: z.string().nullable() });

export const routes: Route[] = [
  defineRoute({
    method: 'GET', path: '/api/users', auth: 'admin', tags: ['users'], summary: 'Accounts (administrators)',
    response: z.array(UserItem),
    handler: ({ app }) => app.store.users.listUsers(),
  }),
  defineRoute({
    method: 'POST', path: '/api/users', auth: 'admin', tags: ['users'],
    summary: 'Create an account; the answer holds its one-time password (shown once)',
    body: z.object({ name: UserName, role: z.enum(ROLES) }).strict(),
    response: z.object({ user: UserItem, password: z.string() }),
    async handler({ app, body, user }) {
      const password = generatePassword();
      try {
        const created = await app.store.users.createUser(body.name, body.role, await hashPassword(password), user!.name);
        return new Reply(201, { user: created, password });
      } catch (err) {
        if (err instanceof StoreConflict) throw new HttpError('conflict', err.message);
        throw err;
      }
    },
  }),
  defineRoute({
    method: 'PATCH', path: '/api/users/:name', auth: 'admin', tags: ['users'], summary: "Change an account's role",
    params: NameParam, body: z.object({ role: z.enum(ROLES) }).strict(), response: UserItem,
    async handler({ app, params, body, user }) {
      if (params.name === user!.name && body.role !== 'admin') throw new HttpError('conflict', 'you cannot demote yourself');
      if (!(await app.store.users.setRole(params.name, body.role, user!.name))) throw notFound(`no user ${params.name}`);
      return (await app.store.users.getUser(params.name))!;
    },
  }),
  defineRoute({
    method: 'DELETE', path: '/api/users/:name', auth: 'admin', tags: ['users'], summary: 'Remove an account, its sessions and tokens',
    params: NameParam,
    async handler({ app, params, user }) {
      if (params.name === user!.name) throw new HttpError('conflict', 'you cannot remove yourself');
      if (!(await app.store.users.removeUser(params.name, user!.name))) throw notFound(`no user ${params.name}`);
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'POST', path: '/api/users/:name/reset', auth: 'admin', tags: ['users'],
    summary: 'Give an account a new one-time password (ends its sessions)',
    params: NameParam, response: z.object({ password: z.string() }),
    async handler({ app, params, user }) {
      const password = generatePassword();
      if (!(await app.store.users.setPassword(params.name, await hashPassword(password), user!.name))) throw notFound(`no user ${params.name}`);
      return { password };
    },
  }),
  defineRoute({
    method: 'GET', path: '/api/tokens', auth: 'editor', tags: ['users'], summary: 'API tokens: your own (administrators: all)',
    response: z.array(TokenItem),
    handler: ({ app, user }) => app.store.users.listTokens(user!.role === 'admin' ? undefined : user!.name),
  }),
  defineRoute({
    method: 'POST', path: '/api/tokens', auth: 'editor', tags: ['users'],
    summary: 'Create an API token for scripts (Authorization: Bearer TOKEN); the token is shown once',
    body: z.object({ label: z.string().trim().min(1).max(100) }).strict(),
    response: z.object({ token: z.string(), item: TokenItem }),
    async handler({ app, body, user }) {
      const token = newApiToken();
      const item = await app.store.users.createToken(user!.name, body.label, digest(token), user!.name);
      return new Reply(201, { token, item });
    },
  }),
  defineRoute({
    method: 'DELETE', path: '/api/tokens/:id', auth: 'editor', tags: ['users'], summary: 'Revoke an API token (yours; administrators: any)',
    params: z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) }),
    async handler({ app, params, user }) {
      const mine = await app.store.users.listTokens(user!.role === 'admin' ? undefined : user!.name);
      if (!mine.some((t) => t.id === params.id)) throw notFound(`no token ${params.id}`);
      await app.store.users.removeToken(params.id, user!.name);
      return { ok: true };
    },
  }),
];
