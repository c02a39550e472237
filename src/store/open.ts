import { createActorStore, getStories } from './actors.ts';
import { defaultFingerprint, defaultSimilarity } from './identity.ts';
import { migrate } from './migrate.ts';
import { getDocument, listDocuments } from './read-docs.ts';
import { exportEvents, getEvent, listEvents, searchStories, stats } from './read.ts';
import { openPg, openPglite, quoteIdent, type Sql } from './sql.ts';
import type { ActorRecord, Store, StoreOptions } from './store.ts';
import { removeDocumentContent, saveDocument, saveDocuments } from './write.ts';
import { listMerges, unmergeById, unmergeReport } from './unmerge.ts';
import { createEventReviewStore } from './review.ts';
import { createActorReviewStore } from './review-actors.ts';
import { createUserStore } from './users.ts';
import { createApiReadStore } from './queries/index.ts';

/**
 * Opens the store: a PostgreSQL server when `databaseUrl` is given, else PGlite in `dataDir`
 * (in memory when `dataDir` is omitted or `memory://`). Applies pending migrations.
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const sql = await openSql(options);
  try {
    await migrate(sql);
  } catch (err) {
    await sql.close().catch(() => {});
    throw err;
  }
  return createStore(sql, options);
}

async function openSql(options: StoreOptions): Promise<Sql> {
  const schema = options.schema;
  if (options.databaseUrl) {
    if (schema) {
      const admin = await openPg(options.databaseUrl);
      try {
        await admin.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      } finally {
        await admin.close();
      }
    }
    return openPg(options.databaseUrl, schema);
  }
  const sql = await openPglite(options.dataDir);
  if (schema) await sql.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}; SET search_path TO ${quoteIdent(schema)}`);
  return sql;
}

/** Drops a schema made by `openStore({ schema })` (tests use a fresh schema per run). */
export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const admin = await openPg(databaseUrl);
  try {
    await admin.exec(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await admin.close();
  }
}

/** Builds the Store over an already migrated database. */
export function createStore(sql: Sql, options: Pick<StoreOptions, 'fingerprint' | 'similarity'> = {}): Store {
  const ctx = {
    sql,
    fingerprint: options.fingerprint ?? defaultFingerprint,
    similarity: options.similarity ?? defaultSimilarity,
  };
  return {
    saveDocument: (doc, sig, runId) => saveDocument(ctx, doc, sig, runId),
    saveDocuments: (items, runId) => saveDocuments(ctx, items, runId),
    async hasDocument(id, rawHash) {
      const rows = await sql.query<{ raw_hash: string }>('SELECT raw_hash FROM documents WHERE id = $1', [id]);
      return rows.length > 0 && (rawHash === undefined || rows[0].raw_hash === rawHash);
    },
    deleteDocument: (id) =>
      sql.transaction(async (tx) => {
        await removeDocumentContent(tx, id);
        const rows = await tx.query('DELETE FROM documents WHERE id = $1 RETURNING id', [id]);
        return rows.length > 0;
      }),
    getDocument: (id) => getDocument(sql, id),
    listDocuments: (page) => listDocuments(sql, page),
    listEvents: (filter, page) => listEvents(sql, filter, page),
    getEvent: (id) => getEvent(sql, id),
    mergeEvents: (kept, merged, reason) => mergeEvents(sql, kept, merged, reason),
    unmergeReport: (eventId, document, note) => sql.transaction((tx) => unmergeReport(tx, eventId, document, note)),
    unmerge: (mergeId, note) => sql.transaction((tx) => unmergeById(tx, mergeId, note)),
    listMerges: (filter) => listMerges(sql, filter),
    exportEvents: (filter) => exportEvents(sql, filter),
    searchStories: (q, limit) => searchStories(sql, q, limit),
    upsertActors: (actors) => upsertActors(sql, actors),
    stats: () => stats(sql),
    async beginRun(inputs) {
      const rows = await sql.query<{ id: number }>('INSERT INTO ingest_runs (inputs) VALUES ($1::jsonb) RETURNING id', [
        JSON.stringify(inputs),
      ]);
      return rows[0].id;
    },
    async finishRun(runId, summary) {
      const rows = await sql.query(
        `UPDATE ingest_runs SET finished_at = now(), counts = $2::jsonb, errors = $3::jsonb WHERE id = $1 RETURNING id`,
        [runId, JSON.stringify(summary.counts ?? {}), JSON.stringify(summary.errors ?? [])],
      );
      if (!rows.length) throw new Error(`store: no ingest run ${runId}`);
    },
    review: { ...createEventReviewStore(sql, mergeEvents), ...createActorReviewStore(sql) },
    users: createUserStore(sql),
    api: createApiReadStore(sql),
    actors: createActorStore(sql),
    getStories: (ids) => getStories(sql, ids),
    close: () => sql.close(),
  };
}

async function mergeEvents(sql: Sql, kept: number, merged: number, reason: string): Promise<void> {
  if (kept === merged) throw new Error(`store: cannot merge event ${kept} into itself`);
  await sql.transaction(async (tx) => {
    const found = await tx.query<{ id: number }>('SELECT id FROM events WHERE id = ANY($1::int[]) FOR UPDATE', [[kept, merged]]);
    if (found.length !== 2) throw new Error(`store: mergeEvents: event ${kept} or ${merged} does not exist`);
    await tx.query(
      `INSERT INTO event_sources (event_id, document_id, story_id, story_index, confidence, rules, added_at, reports)
       SELECT $1, document_id, story_id, story_index, confidence, rules, added_at, reports FROM event_sources WHERE event_id = $2
       ON CONFLICT (event_id, document_id) DO UPDATE SET reports = COALESCE(event_sources.reports, '[]'::jsonb) || EXCLUDED.reports`,
      [kept, merged],
    );
    await tx.query(
      `INSERT INTO event_evidence (event_id, document_id, start_offset, end_offset, text, norm)
       SELECT $1, document_id, start_offset, end_offset, text, norm FROM event_evidence WHERE event_id = $2
       ON CONFLICT DO NOTHING`,
      [kept, merged],
    );
    await tx.query(
      `UPDATE events k SET confidence = GREATEST(k.confidence, m.confidence),
         rules = ARRAY(SELECT DISTINCT unnest(k.rules || m.rules) ORDER BY 1)
       FROM events m WHERE k.id = $1 AND m.id = $2`,
      [kept, merged],
    );
    await tx.query('UPDATE merges SET kept = $1 WHERE kept = $2', [kept, merged]);
    await tx.query('DELETE FROM events WHERE id = $1', [merged]);
    await tx.query('INSERT INTO merges (kept, merged, reason) VALUES ($1, $2, $3)', [kept, merged, reason]);
  });
}

async function upsertActors(sql: Sql, actors: ActorRecord[]): Promise<number> {
  if (!actors.length) return 0;
  const rows = actors.map((a) => ({
    id: a.id, name: a.name, kind: a.kind, country: a.country ?? null, aliases: a.aliases ?? [], roles: a.roles ?? [],
    discovered: a.discovered ?? false,
  }));
  const out = await sql.query<{ id: string }>(
    `INSERT INTO actors (id, name, kind, country, aliases, roles, discovered)
     SELECT r.id, r.name, r.kind, r.country, r.aliases, r.roles, r.discovered
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, kind text, country text, aliases jsonb, roles jsonb, discovered boolean)
     WHERE NOT EXISTS (SELECT 1 FROM actor_redirects x WHERE x.merged = r.id)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, country = EXCLUDED.country,
       aliases = EXCLUDED.aliases, roles = EXCLUDED.roles, discovered = EXCLUDED.discovered
       WHERE NOT actors.reviewed
     RETURNING id`,
    [JSON.stringify(rows)],
  );
  return out.length;
}
