/**
 * Store contract suite: the same tests run against PGlite (always) and against a PostgreSQL
 * server when RASID_TEST_DATABASE_URL is set (scripts/ci/start-postgres.sh starts one). Every
 * test gets a fresh schema.
 */
import { after, before, describe, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { testDatabaseUrl } from '../config.ts';
import { createStore, dropSchema, openStore } from './open.ts';
import { migrate } from './migrate.ts';
import { openPglite, type Sql } from './sql.ts';
import type { Store, StoreOptions } from './store.ts';
import { testSimilarity } from './testkit.ts';
import { registerReadTests } from './contract-read.ts';
import { registerWriteTests } from './contract-write.ts';
import { registerBatchTests } from './contract-batch.ts';

export type FreshStore = (options?: Pick<StoreOptions, 'fingerprint' | 'similarity'>) => Promise<{ store: Store; sql: Sql }>;

function pgliteBackend(): { fresh: FreshStore; setup: () => Promise<void>; teardown: () => Promise<void> } {
  let base: Sql | null = null;
  let n = 0;
  return {
    async setup() {
      base = await openPglite();
    },
    async fresh(options = {}) {
      if (!base) throw new Error('pglite backend not set up');
      const schema = `t${++n}`;
      await base.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
      const sql: Sql = { ...base, close: async () => {} };
      await migrate(sql);
      return { store: createStore(sql, { similarity: testSimilarity, ...options }), sql };
    },
    async teardown() {
      await base?.close();
    },
  };
}

function serverBackend(url: string): { fresh: FreshStore; setup: () => Promise<void>; teardown: () => Promise<void> } {
  const prefix = `rasid_test_${process.pid}_${randomBytes(3).toString('hex')}`;
  const open: Array<{ store: Store; schema: string }> = [];
  return {
    async setup() {},
    async fresh(options = {}) {
      const schema = `${prefix}_${open.length + 1}`;
      const store = await openStore({ databaseUrl: url, schema, similarity: testSimilarity, ...options });
      open.push({ store, schema });
      // a second pool on the same schema to inspect tables directly
      const { openPg } = await import('./sql.ts');
      const sql = await openPg(url, schema);
      const close = store.close;
      store.close = async () => {
        await close();
        await sql.close();
      };
      return { store, sql };
    },
    async teardown() {
      for (const { store, schema } of open) {
        await store.close().catch(() => {});
        await dropSchema(url, schema);
      }
    },
  };
}

const backends: Array<[string, ReturnType<typeof pgliteBackend>]> = [['pglite', pgliteBackend()]];
const url = testDatabaseUrl();
if (url) backends.push(['postgresql', serverBackend(url)]);

for (const [name, backend] of backends) {
  describe(`store contract (${name})`, () => {
    before(() => backend.setup());
    after(() => backend.teardown());
    registerWriteTests(backend.fresh);
    registerBatchTests(backend.fresh);
    registerReadTests(backend.fresh);
  });
}

if (!url) {
  test('store contract (postgresql)', (t) => {
    t.skip('RASID_TEST_DATABASE_URL not set (scripts/ci/start-postgres.sh starts a server)');
  });
}
