/**
 * Test helper: runs a store suite on both backends. On an in-memory PGlite every fresh store gets
 * its own schema; on the PostgreSQL server of `testDatabaseUrl()` (when set) every fresh store gets
 * its own schema, dropped after the suite; without a server that half is reported as skipped.
 */
import { after, before, describe, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { testDatabaseUrl } from '../config.ts';
import { createStore, dropSchema, openStore } from './open.ts';
import { migrate } from './migrate.ts';
import { openPg, openPglite, type Sql } from './sql.ts';
import type { Store } from './store.ts';
import { testSimilarity } from './testkit.ts';

export type Fresh = () => Promise<{ store: Store; sql: Sql }>;

export function onBothBackends(name: string, key: string, register: (fresh: Fresh) => void): void {
  describe(`${name} (pglite)`, () => {
    let base: Sql | null = null;
    let n = 0;
    before(async () => {
      base = await openPglite();
    });
    after(async () => base?.close());
    register(async () => {
      const schema = `${key}${++n}`;
      await base!.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
      const sql: Sql = { ...base!, close: async () => {} };
      await migrate(sql);
      return { store: createStore(sql, { similarity: testSimilarity }), sql };
    });
  });

  const url = testDatabaseUrl();
  if (!url) {
    test(`${name} (postgresql)`, (t) => t.skip('RASID_TEST_DATABASE_URL not set'));
    return;
  }
  describe(`${name} (postgresql)`, () => {
    const prefix = `rasid_${key}_${process.pid}_${randomBytes(3).toString('hex')}`;
    const open: Array<{ store: Store; sql: Sql; schema: string }> = [];
    after(async () => {
      for (const o of open) {
        await o.store.close().catch(() => {});
        await o.sql.close().catch(() => {});
        await dropSchema(url, o.schema);
      }
    });
    register(async () => {
      const schema = `${prefix}_${open.length + 1}`;
      const store = await openStore({ databaseUrl: url, schema, similarity: testSimilarity });
      const sql = await openPg(url, schema);
      open.push({ store, sql, schema });
      return { store, sql };
    });
  });
}
