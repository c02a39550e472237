/**
 * Event rows as every read query loads them (the Store's src/store/read.ts and the API's
 * queries/events.ts): one query for the events, three for their actors, evidence and sources,
 * and the mapping to listed, API and export rows.
 */
import type { Where } from '../filter.ts';
import type { Sql } from '../sql.ts';
import type { EventRow, ExportActor, ExportEvidence, ExportRow } from '../store.ts';
import type { ApiEventRow } from './types.ts';

/** The columns of an event that every read needs (see `eventColumns`). */
export interface EventBaseDbRow {
  id: number;
  type: string;
  action: string;
  mode: string | null;
  countries: string[];
  organizations: string[];
  location_name: string | null;
  location_country: string | null;
  date: string | null;
  day: string | null;
  contexts: string[];
  confidence: number;
  rules: string[];
  negated: boolean;
  cameo: string | null;
  source_count: number;
}

/** An event as the API reads it (`EVENT_COLUMNS`). */
export interface EventDbRow extends EventBaseDbRow {
  review: 'confirmed' | 'corrected' | 'rejected' | null;
}

/** An event as the Store reads it (`STORE_EVENT_COLUMNS`). */
export interface StoreEventDbRow extends EventBaseDbRow {
  fingerprint: string;
}

/** The select list of `EventBaseDbRow` over `events e`, with `extra` columns. */
function eventColumns(extra: string): string {
  return `e.id, e.type, e.action, e.mode, e.countries, e.organizations, e.location_name,
  e.location_country, e.date, e.day, e.contexts, e.confidence, e.rules, e.negated, e.cameo, ${extra},
  (SELECT count(*)::int FROM event_sources s WHERE s.event_id = e.id) AS source_count`;
}

export const EVENT_COLUMNS = eventColumns('e.review');
export const STORE_EVENT_COLUMNS = eventColumns('e.fingerprint');

export interface Related {
  actors: Map<number, ExportActor[]>;
  evidence: Map<number, Array<ExportEvidence & { document: string }>>;
  sources: Map<number, string[]>;
}

/** Loads actors, evidence (`firstEvidenceOnly`: the first span of each event) and source names. */
export async function loadRelated(sql: Sql, ids: number[], firstEvidenceOnly = false): Promise<Related> {
  const out: Related = { actors: new Map(), evidence: new Map(), sources: new Map() };
  if (!ids.length) return out;
  const push = <T>(m: Map<number, T[]>, k: number, v: T) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  const actors = await sql.query<ExportActor & { event_id: number }>(
    `SELECT event_id, name, kind, country, org, title, side, entity FROM event_actors
     WHERE event_id = ANY($1::int[]) ORDER BY event_id, idx`,
    [ids],
  );
  for (const { event_id, ...a } of actors) push(out.actors, event_id, a);
  // event_sources is keyed by (event_id, document_id): the join adds at most the one added_at
  const evidenceSql = `SELECT v.event_id, v.document_id AS document, d.name AS doc, v.text, v.start_offset AS start, v.end_offset AS "end"
     FROM event_evidence v JOIN documents d ON d.id = v.document_id
     LEFT JOIN event_sources s ON s.event_id = v.event_id AND s.document_id = v.document_id
     WHERE v.event_id = ANY($1::int[])
     ORDER BY v.event_id, s.added_at, v.document_id, v.start_offset, v.end_offset`;
  const evidence = await sql.query<{ event_id: number; document: string; doc: string; text: string; start: number; end: number }>(
    firstEvidenceOnly ? `SELECT DISTINCT ON (event_id) * FROM (${evidenceSql}) x ORDER BY event_id` : evidenceSql,
    [ids],
  );
  for (const { event_id, ...v } of evidence) push(out.evidence, event_id, v);
  const sources = await sql.query<{ event_id: number; name: string }>(
    `SELECT s.event_id, d.name FROM event_sources s JOIN documents d ON d.id = s.document_id
     WHERE s.event_id = ANY($1::int[]) ORDER BY s.event_id, s.added_at, d.name`,
    [ids],
  );
  for (const s of sources) push(out.sources, s.event_id, s.name);
  return out;
}

/** One page of events matching `where`, in `order`, with their related rows. */
export async function selectEventPage<R extends EventBaseDbRow>(
  sql: Sql, columns: string, where: Where, order: string, limit: number, offset: number, firstEvidenceOnly = false,
): Promise<{ rows: R[]; rel: Related }> {
  const n = where.params.length;
  const rows = await sql.query<R>(
    `SELECT ${columns} FROM events e ${where.sql} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...where.params, limit, offset],
  );
  return { rows, rel: await loadRelated(sql, rows.map((r) => r.id), firstEvidenceOnly) };
}

/** Streams the events matching `where` in id order, loading `batch` events at a time, as `toRow` maps them. */
export async function* streamEvents<R extends EventBaseDbRow, T>(
  sql: Sql, columns: string, where: Where, batch: number, toRow: (r: R, rel: Related) => T,
): AsyncGenerator<T> {
  const n = where.params.length;
  const cond = where.sql ? `${where.sql} AND e.id > $${n + 1}` : `WHERE e.id > $${n + 1}`;
  let after = 0;
  for (;;) {
    const rows = await sql.query<R>(
      `SELECT ${columns} FROM events e ${cond} ORDER BY e.id LIMIT $${n + 2}`,
      [...where.params, after, batch],
    );
    if (!rows.length) return;
    const rel = await loadRelated(sql, rows.map((r) => r.id));
    for (const r of rows) yield toRow(r, rel);
    after = rows[rows.length - 1].id;
    if (rows.length < batch) return;
  }
}

/** An event as listed for presentation (the Store's `EventRow`). */
export function toEventRow(r: EventBaseDbRow, rel: Related): EventRow {
  const evidence = rel.evidence.get(r.id) ?? [];
  return {
    id: r.id,
    event: r.type,
    action: r.action,
    mode: r.mode,
    date: r.date,
    day: r.day,
    countries: r.countries,
    organizations: r.organizations,
    location: r.location_name ? { name: r.location_name, country: r.location_country } : null,
    contexts: r.contexts,
    confidence: Number(r.confidence),
    negated: r.negated,
    actors: rel.actors.get(r.id) ?? [],
    sourceCount: r.source_count,
    sources: [...new Set(rel.sources.get(r.id) ?? [])],
    snippet: evidence[0]?.text ?? null,
  };
}

export function toApiRow(r: EventDbRow, rel: Related): ApiEventRow {
  return { ...toEventRow(r, rel), review: r.review ?? null };
}

/** The scored export format (src/store/read.ts `exportEvents`), `extra` fields before the optional ones. */
export function toScoredRow<X extends object>(r: EventBaseDbRow, rel: Related, extra: X): ExportRow & X {
  const row: ExportRow & X = {
    id: String(r.id),
    event: r.type,
    action: r.action,
    mode: r.mode,
    actors: rel.actors.get(r.id) ?? [],
    countries: r.countries,
    organizations: r.organizations,
    location: r.location_name ? { name: r.location_name, country: r.location_country } : null,
    date: r.date,
    contexts: r.contexts,
    evidence: (rel.evidence.get(r.id) ?? []).map(({ doc, text, start, end }) => ({ doc, text, start, end })),
    sources: [...new Set(rel.sources.get(r.id) ?? [])],
    confidence: Number(r.confidence),
    ...extra,
  };
  if (r.rules.length) row.rules = r.rules;
  if (r.cameo) row.cameo = r.cameo;
  if (r.negated) row.negated = true;
  return row;
}

/** The scored export format plus day and review state (the API's exports). */
export function toExportRow(r: EventDbRow, rel: Related): ExportRow & { day: string | null; review: string | null } {
  return toScoredRow(r, rel, { day: r.day, review: r.review ?? null });
}
