/** Event rows of the API: one query for the events, three for their actors, evidence and sources. */
import type { Sql } from '../sql.ts';
import type { ExportActor, ExportEvidence, ExportRow } from '../store.ts';
import type { ApiEventRow } from './types.ts';

export interface EventDbRow {
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
  review: 'confirmed' | 'corrected' | 'rejected' | null;
  source_count: number;
}

export const EVENT_COLUMNS = `e.id, e.type, e.action, e.mode, e.countries, e.organizations, e.location_name,
  e.location_country, e.date, e.day, e.contexts, e.confidence, e.rules, e.negated, e.cameo, e.review,
  (SELECT count(*)::int FROM event_sources s WHERE s.event_id = e.id) AS source_count`;

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

export function toApiRow(r: EventDbRow, rel: Related): ApiEventRow {
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
    review: r.review ?? null,
  };
}

/** The scored export format (src/store/read.ts `exportEvents`), plus day and review state. */
export function toExportRow(r: EventDbRow, rel: Related): ExportRow & { day: string | null; review: string | null } {
  const row: ExportRow & { day: string | null; review: string | null } = {
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
    day: r.day,
    review: r.review ?? null,
  };
  if (r.rules.length) row.rules = r.rules;
  if (r.cameo) row.cameo = r.cameo;
  if (r.negated) row.negated = true;
  return row;
}
