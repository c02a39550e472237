import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

/**
 * The tiny SQL adapter the store is written against, so PGlite and a PostgreSQL server run the
 * same statements. `query` runs one parameterized statement; `exec` runs a script of several
 * statements without parameters (migrations); `transaction` runs `fn` on one connection inside
 * BEGIN/COMMIT and rolls back when `fn` throws.
 */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  exec(text: string): Promise<void>;
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

type PgliteLike = Pick<PGlite, 'query' | 'exec'> | Transaction;

const JSONB_VERSION = new Uint8Array([1]);

/** JSON text of a json/jsonb parameter, as PGlite's own serializer makes it. */
function jsonText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
}

/**
 * json, jsonb and bytea parameters in PostgreSQL's binary format (UTF-8 bytes; jsonb: version 1
 * first; bytea: the bytes). PGlite sends a string parameter after measuring its UTF-8 length
 * in a JavaScript loop (twice), and a bytea one as a hex string built byte by byte: the batched
 * writes send megabytes of JSON per batch, and that loop was a tenth of the store's CPU time.
 * A Uint8Array is copied as it is. (Serializer's declared return type is string; PGlite sends
 * any ArrayBuffer view in binary format.)
 */
const BINARY_PARAMS = {
  114: (v: unknown) => Buffer.from(jsonText(v), 'utf8'),
  3802: (v: unknown) => Buffer.concat([JSONB_VERSION, Buffer.from(jsonText(v), 'utf8')]),
  17: (v: unknown) => {
    if (!(v instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
    return v;
  },
} as unknown as Record<number, (v: unknown) => string>;

function pgliteRunner(db: PgliteLike, root: PGlite | null): Sql {
  return {
    async query<T>(text: string, params: unknown[] = []): Promise<T[]> {
      const res = await db.query<T>(text, params, { serializers: BINARY_PARAMS });
      return res.rows;
    },
    async exec(text: string): Promise<void> {
      await db.exec(text);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      if (!root) return fn(this);
      return root.transaction((tx) => fn(pgliteRunner(tx, null)));
    },
    async close(): Promise<void> {
      if (root) await root.close();
    },
  };
}

/** Opens an embedded PGlite database in `dataDir` (`memory://` or undefined: in memory). */
export async function openPglite(dataDir?: string): Promise<Sql> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = dataDir && dataDir !== 'memory://' ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  // A new 16 MB WAL segment is created by writing its last byte instead of 16 MB of zeros
  // (about 5% of the CPU time of saving documents: ingest writes ~12 MB of WAL per MB of text).
  // WAL records are the same; the zeros only reserve disk space ahead on some file systems.
  await db.exec('SET wal_init_zero = off');
  return pgliteRunner(db, db);
}

function clientRunner(client: PoolClient): Sql {
  return {
    async query<T>(text: string, params: unknown[] = []): Promise<T[]> {
      const res = await client.query(text, params);
      return res.rows as T[];
    },
    async exec(text: string): Promise<void> {
      await client.query(text);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      return fn(this); // already inside the outer transaction
    },
    async close(): Promise<void> {},
  };
}

/**
 * Opens a pool on a PostgreSQL server. When `schema` is given every connection uses it as its
 * search_path (the schema must exist; see `createSchema`).
 */
export async function openPg(databaseUrl: string, schema?: string): Promise<Sql> {
  const pg = await import('pg');
  const Pool = pg.default?.Pool ?? (pg as unknown as { Pool: typeof import('pg').Pool }).Pool;
  const pool: Pool = new Pool({
    connectionString: databaseUrl,
    max: 4,
    ...(schema ? { options: `-c search_path=${quoteIdent(schema)}` } : {}),
  });
  // A failing idle client must not crash the process; the next query reports the error.
  pool.on('error', () => {});
  return {
    async query<T>(text: string, params: unknown[] = []): Promise<T[]> {
      const res = await pool.query(text, params);
      return res.rows as T[];
    },
    async exec(text: string): Promise<void> {
      await pool.query(text);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(clientRunner(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async close(): Promise<void> {
      await pool.end();
    },
  };
}

export function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`invalid SQL identifier: ${name}`);
  return `"${name}"`;
}
