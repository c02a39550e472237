/**
 * Accounts, login sessions and API tokens. The store only ever sees hashes: password hashes
 * (scrypt, made by src/api/auth/password.ts) and SHA-256 digests of session ids and tokens.
 * Account changes are written to the audit log in the same transaction.
 */
import type { Sql } from './sql.ts';
import { writeAudit } from './review.ts';

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type UserRole = (typeof ROLES)[number];

export interface UserRow {
  id: number;
  name: string;
  role: UserRole;
  createdAt: string;
  /** When the password was last set. */
  passwordAt: string;
}

export interface SessionRow {
  user: UserRow;
  csrfToken: string;
  expiresAt: string;
}

export interface TokenRow {
  id: number;
  user: string;
  label: string;
  createdAt: string;
  lastUsed: string | null;
}

export interface UserStore {
  /** Creates a user; throws a StoreConflict when the name is taken. `by`: who did it (audit). */
  createUser(name: string, role: UserRole, passwordHash: string, by: string): Promise<UserRow>;
  getUser(name: string): Promise<UserRow | null>;
  /** The user and their password hash, for login. */
  getCredentials(name: string): Promise<{ user: UserRow; passwordHash: string } | null>;
  listUsers(): Promise<UserRow[]>;
  /** Removes a user with their sessions and tokens; false when there is none. */
  removeUser(name: string, by: string): Promise<boolean>;
  /** Sets a new password hash and ends the user's sessions; false when there is no such user. */
  setPassword(name: string, passwordHash: string, by: string): Promise<boolean>;
  setRole(name: string, role: UserRole, by: string): Promise<boolean>;
  createSession(userId: number, idHash: string, csrfToken: string, expiresAt: Date): Promise<void>;
  /** The session with this id hash when it exists and has not expired at `now`. */
  getSession(idHash: string, now: Date): Promise<SessionRow | null>;
  deleteSession(idHash: string): Promise<void>;
  /** Deletes sessions expired at `now`; returns how many. */
  deleteExpiredSessions(now: Date): Promise<number>;
  createToken(name: string, label: string, tokenHash: string, by: string): Promise<TokenRow>;
  /** The user owning the token with this hash (and marks it used). */
  getTokenUser(tokenHash: string): Promise<UserRow | null>;
  listTokens(name?: string): Promise<TokenRow[]>;
  removeToken(id: number, by: string): Promise<boolean>;
}

/** A unique name or value already exists. */
export class StoreConflict extends Error {}

interface UserDb {
  id: number;
  name: string;
  role: UserRole;
  created_at: Date | string;
  password_at: Date | string;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

function toUser(r: UserDb): UserRow {
  return { id: r.id, name: r.name, role: r.role, createdAt: iso(r.created_at)!, passwordAt: iso(r.password_at)! };
}

const USER_COLUMNS = 'u.id, u.name, u.role, u.created_at, u.password_at';

export function createUserStore(sql: Sql): UserStore {
  const userByName = async (tx: Sql, name: string) =>
    (await tx.query<UserDb>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.name = $1`, [name]))[0] ?? null;
  return {
    createUser: (name, role, passwordHash, by) =>
      sql.transaction(async (tx) => {
        const rows = await tx.query<UserDb>(
          `INSERT INTO users AS u (name, role, password_hash) VALUES ($1, $2, $3)
           ON CONFLICT (name) DO NOTHING RETURNING ${USER_COLUMNS}`,
          [name, role, passwordHash],
        );
        if (!rows.length) throw new StoreConflict(`user "${name}" already exists`);
        const user = toUser(rows[0]);
        await writeAudit(tx, by, 'user.add', `user:${name}`, null, { name, role });
        return user;
      }),
    async getUser(name) {
      const r = await userByName(sql, name);
      return r ? toUser(r) : null;
    },
    async getCredentials(name) {
      const rows = await sql.query<UserDb & { password_hash: string }>(
        `SELECT ${USER_COLUMNS}, u.password_hash FROM users u WHERE u.name = $1`,
        [name],
      );
      return rows.length ? { user: toUser(rows[0]), passwordHash: rows[0].password_hash } : null;
    },
    async listUsers() {
      return (await sql.query<UserDb>(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.name`)).map(toUser);
    },
    removeUser: (name, by) =>
      sql.transaction(async (tx) => {
        const rows = await tx.query<UserDb>(`DELETE FROM users u WHERE u.name = $1 RETURNING ${USER_COLUMNS}`, [name]);
        if (!rows.length) return false;
        await writeAudit(tx, by, 'user.remove', `user:${name}`, { name, role: rows[0].role }, null);
        return true;
      }),
    setPassword: (name, passwordHash, by) =>
      sql.transaction(async (tx) => {
        const rows = await tx.query<{ id: number }>(
          'UPDATE users SET password_hash = $2, password_at = now() WHERE name = $1 RETURNING id',
          [name, passwordHash],
        );
        if (!rows.length) return false;
        await tx.query('DELETE FROM sessions WHERE user_id = $1', [rows[0].id]);
        await writeAudit(tx, by, 'user.reset', `user:${name}`, null, { password: 'reset' });
        return true;
      }),
    setRole: (name, role, by) =>
      sql.transaction(async (tx) => {
        const before = await userByName(tx, name);
        if (!before) return false;
        await tx.query('UPDATE users SET role = $2 WHERE id = $1', [before.id, role]);
        await writeAudit(tx, by, 'user.role', `user:${name}`, { role: before.role }, { role });
        return true;
      }),
    async createSession(userId, idHash, csrfToken, expiresAt) {
      await sql.query('INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [
        idHash, userId, csrfToken, expiresAt.toISOString(),
      ]);
    },
    async getSession(idHash, now) {
      const rows = await sql.query<UserDb & { csrf_token: string; expires_at: Date | string }>(
        `SELECT ${USER_COLUMNS}, s.csrf_token, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id_hash = $1 AND s.expires_at > $2`,
        [idHash, now.toISOString()],
      );
      if (!rows.length) return null;
      return { user: toUser(rows[0]), csrfToken: rows[0].csrf_token, expiresAt: iso(rows[0].expires_at)! };
    },
    async deleteSession(idHash) {
      await sql.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
    },
    async deleteExpiredSessions(now) {
      return (await sql.query('DELETE FROM sessions WHERE expires_at <= $1 RETURNING id_hash', [now.toISOString()])).length;
    },
    createToken: (name, label, tokenHash, by) =>
      sql.transaction(async (tx) => {
        const user = await userByName(tx, name);
        if (!user) throw new StoreConflict(`no user "${name}"`);
        const rows = await tx.query<{ id: number; created_at: Date | string }>(
          'INSERT INTO api_tokens (user_id, label, token_hash) VALUES ($1, $2, $3) RETURNING id, created_at',
          [user.id, label, tokenHash],
        );
        await writeAudit(tx, by, 'token.add', `user:${name}`, null, { token: rows[0].id, label });
        return { id: rows[0].id, user: name, label, createdAt: iso(rows[0].created_at)!, lastUsed: null };
      }),
    async getTokenUser(tokenHash) {
      const rows = await sql.query<UserDb>(
        `UPDATE api_tokens t SET last_used = now() FROM users u
         WHERE t.token_hash = $1 AND u.id = t.user_id RETURNING ${USER_COLUMNS}`,
        [tokenHash],
      );
      return rows.length ? toUser(rows[0]) : null;
    },
    async listTokens(name) {
      const rows = await sql.query<{ id: number; name: string; label: string; created_at: Date | string; last_used: Date | string | null }>(
        `SELECT t.id, u.name, t.label, t.created_at, t.last_used FROM api_tokens t JOIN users u ON u.id = t.user_id
         WHERE $1::text IS NULL OR u.name = $1 ORDER BY t.id`,
        [name ?? null],
      );
      return rows.map((r) => ({ id: r.id, user: r.name, label: r.label, createdAt: iso(r.created_at)!, lastUsed: iso(r.last_used) }));
    },
    removeToken: (id, by) =>
      sql.transaction(async (tx) => {
        const rows = await tx.query<{ name: string; label: string }>(
          `DELETE FROM api_tokens t USING users u WHERE t.id = $1 AND u.id = t.user_id RETURNING u.name, t.label`,
          [id],
        );
        if (!rows.length) return false;
        await writeAudit(tx, by, 'token.remove', `user:${rows[0].name}`, { token: id, label: rows[0].label }, null);
        return true;
      }),
  };
}
