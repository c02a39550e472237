import { readdir, readFile } from 'node:fs/promises';
import type { Sql } from './sql.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

/** Reads `NNN_name.sql` files from src/store/migrations, in version order. */
export async function loadMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const out: Migration[] = [];
  for (const file of files) {
    const m = /^(\d+)_([\w-]+)\.sql$/.exec(file);
    if (!m) throw new Error(`migration file name must be NNN_name.sql: ${file}`);
    const version = Number(m[1]);
    if (out.some((x) => x.version === version)) throw new Error(`duplicate migration version ${version}: ${file}`);
    out.push({ version, name: m[2], sql: await readFile(new URL(file, dir), 'utf8') });
  }
  return out;
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction,
 * in version order. Running it again applies nothing. Returns the versions applied.
 */
export async function migrate(sql: Sql, migrations?: Migration[]): Promise<number[]> {
  const list = migrations ?? (await loadMigrations());
  await sql.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const done = new Set(
    (await sql.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
  );
  const applied: number[] = [];
  for (const m of list) {
    if (done.has(m.version)) continue;
    await sql.transaction(async (tx) => {
      // another process may be applying it: wait for it, then look again
      await tx.query('SELECT pg_advisory_xact_lock(7283001)');
      const again = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (again.length) return;
      try {
        await tx.exec(m.sql);
      } catch (err) {
        throw new Error(`migration ${m.version}_${m.name} failed: ${(err as Error).message}`);
      }
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    });
  }
  return applied;
}
