/**
 * The SQL of event writing (merge.ts decides; this reads and writes), in as few statements as
 * possible: PGlite and a server both pay a fixed cost per statement that dwarfs the work of a
 * document's rows. One statement reads the candidate events of all the document's reports
 * (action family + day window + a shared party, or a reviewer's route, or the same fingerprint),
 * the "do not merge" notes about the documents and a block of new event ids; one statement writes
 * everything (data-modifying WITH: events, actors, sources, evidence, merge log).
 */
import { actionFamily, parties } from '../nlp/events/identity.ts';
import type { Sql } from './sql.ts';
import type { StoredActor, StoredReport } from './merge.ts';

const json = (v: unknown) => JSON.stringify(v);

export interface CandidateRow {
  id: number; type: string; action: string; mode: string | null; countries: string[]; organizations: string[];
  location_name: string | null; location_country: string | null; date: string | null; day: string | null; contexts: string[];
  confidence: number; rules: string[]; negated: boolean; cameo: string | null; fingerprint: string; review: string | null;
  actors: StoredActor[]; documents: string[]; routes: Array<{ fingerprint: string; document: string }> | null;
}

export interface BlockRow {
  document_id: string;
  other_documents: string[];
  family: string | null;
}

export interface Candidates {
  candidates: CandidateRow[];
  blocks: BlockRow[];
  /** Fresh event ids, one per report (the unused ones are skipped). */
  ids: number[];
}

export async function loadCandidates(tx: Sql, docIds: string[], reports: StoredReport[]): Promise<Candidates> {
  const families = uniq(reports.map((r) => actionFamily(r.action)));
  const allParties = uniq(reports.flatMap((r) => parties(r)));
  const anyWithoutParties = reports.some((r) => parties(r).length === 0);
  const params: unknown[] = [families, allParties, anyWithoutParties, uniq(reports.map((r) => r.fingerprint)), uniq(docIds), reports.length];
  const windows = dayWindows(reports);
  const conds: string[] = [];
  for (const w of windows.ranges) {
    params.push(w[0], w[1]);
    conds.push(`e.day BETWEEN $${params.length - 1} AND $${params.length}`);
  }
  if (windows.months.length) {
    params.push(windows.months);
    conds.push(`e.day = ANY($${params.length}::text[])`);
  }
  conds.push('e.day IS NULL');
  const partiesOf = '(e.countries || e.organizations)';
  // a report with no day at all: the latest events of its family sharing a party
  const undated = windows.undated
    ? `\n       UNION (SELECT e.id FROM events e WHERE e.family = ANY($1::text[]) AND ${partiesOf} && $2::text[] ORDER BY e.id DESC LIMIT 200)`
    : '';
  const [row] = await tx.query<{ candidates: CandidateRow[] | null; blocks: BlockRow[] | null; ids: number[] }>(
    `WITH routes AS (
       SELECT fingerprint, document_id, event_id FROM event_routes
       WHERE fingerprint = ANY($4::text[]) AND (document_id = ANY($5::text[]) OR document_id = '')),
     cand AS (
       SELECT e.id FROM events e WHERE e.family = ANY($1::text[]) AND (${conds.join(' OR ')})
         AND (${partiesOf} && $2::text[] OR ${partiesOf} = '{}' OR $3::boolean)${undated}
       UNION SELECT id FROM events WHERE fingerprint = ANY($4::text[])
       UNION SELECT event_id FROM routes)
     SELECT
       (SELECT json_agg(c ORDER BY c.id) FROM (
          SELECT e.id, e.type, e.action, e.mode, e.countries, e.organizations, e.location_name, e.location_country, e.date, e.day,
            e.contexts, e.confidence, e.rules, e.negated, e.cameo, e.fingerprint, e.review,
            COALESCE((SELECT json_agg(json_build_object('name', a.name, 'kind', a.kind, 'country', a.country, 'org', a.org,
                        'title', a.title, 'side', a.side, 'entity', a.entity) ORDER BY a.idx) FROM event_actors a WHERE a.event_id = e.id), '[]') AS actors,
            ARRAY(SELECT s.document_id FROM event_sources s WHERE s.event_id = e.id) AS documents,
            (SELECT json_agg(json_build_object('fingerprint', r.fingerprint, 'document', r.document_id)) FROM routes r WHERE r.event_id = e.id) AS routes
          FROM events e WHERE e.id IN (SELECT id FROM cand)) c) AS candidates,
       (SELECT json_agg(json_build_object('document_id', m.document_id, 'other_documents', m.other_documents, 'family', m.family))
          FROM merges m WHERE m.kind = 'do_not_merge' AND (m.document_id = ANY($5::text[]) OR m.other_documents && $5::text[])) AS blocks,
       ARRAY(SELECT nextval(pg_get_serial_sequence('events', 'id'))::int FROM generate_series(1, $6::int)) AS ids`,
    params,
  );
  return { candidates: row.candidates ?? [], blocks: row.blocks ?? [], ids: row.ids };
}

/** Day ranges (±2 days around each report's day), month values, and whether some report has no day. */
function dayWindows(reports: StoredReport[]): { ranges: Array<[string, string]>; months: string[]; undated: boolean } {
  const day = 86_400_000;
  const points: number[] = [];
  const months = new Set<string>();
  let undated = false;
  for (const r of reports) {
    const d = r.date ?? r.day;
    const t = d ? Date.parse(/^\d{4}-\d{2}$/.test(d) ? `${d}-01` : d.slice(0, 10)) : NaN;
    if (!d || Number.isNaN(t)) {
      undated = true;
      continue;
    }
    months.add(d.slice(0, 7));
    if (/^\d{4}-\d{2}$/.test(d)) for (let k = 0; k < 31; k += 4) points.push(t + k * day);
    else points.push(t);
  }
  const ranges: Array<[number, number]> = [];
  for (const p of points.sort((a, b) => a - b)) {
    const last = ranges[ranges.length - 1];
    if (last && p - 2 * day <= last[1]) last[1] = Math.max(last[1], p + 2 * day);
    else ranges.push([p - 2 * day, p + 2 * day]);
  }
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  // '~' sorts after digits and 'T': the upper bound admits date-times of the last day
  return { ranges: ranges.map(([a, b]) => [iso(a), `${iso(b)}~`]), months: [...months], undated };
}

export interface EventRecord {
  id: number; fingerprint: string; type: string; action: string; mode: string | null; countries: string[]; organizations: string[];
  location_name: string | null; location_country: string | null; date: string | null; day: string | null; contexts: string[];
  confidence: number; rules: string[]; negated: boolean; cameo: string | null;
  /**
   * The countries of all the event's actors, sorted (what the event_actors triggers of
   * 004_api.sql compute): written with the event so that those triggers find nothing to update.
   */
  actor_countries: string[];
}

export interface ActorRow {
  event_id: number; idx: number; name: string; norm: string; kind: string; country: string | null; org: string | null;
  title: string | null; side: string; entity: string | null;
}

export interface EventWrites {
  insert?: EventRecord[];
  update?: EventRecord[];
  actors?: ActorRow[];
  /**
   * Sources, evidence and merges name their reporting document. A source's added_at is the
   * transaction's time plus its position in microseconds, so that the sources of a batch keep
   * the order their documents came in (readers order sources by added_at).
   */
  sources?: Array<{ event_id: number; document_id: string; story_id: number | null; story_index: number; confidence: number; rules: string[]; reports: StoredReport[] }>;
  evidence?: Array<{ event_id: number; document_id: string; s: number; e: number; text: string; norm: string }>;
  merges?: Array<{ kept: number; document_id: string; reason: string; reasons: string[]; score: number | null; family: string }>;
  /**
   * Every event that `actors` adds to is in `insert` or `update` with its actor_countries
   * computed from all its actors (stored and added): the event_actors trigger that recomputes
   * them is skipped for this statement (migration 011).
   */
  actorCountriesWritten?: boolean;
}

const EVENT_RECORD = `r(id int, fingerprint text, type text, action text, mode text, countries text[], organizations text[],
  location_name text, location_country text, date text, day text, contexts text[], confidence float8, rules text[], negated boolean,
  cameo text, actor_countries text[])`;

/** Writes `w` in one statement (foreign keys are checked at its end, so events and their rows go together). */
export async function writeEventRows(tx: Sql, w: EventWrites): Promise<void> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const ctes: string[] = [];
  if (w.insert?.length) {
    ctes.push(`ev_ins AS (
      INSERT INTO events (id, fingerprint, type, action, mode, countries, organizations, location_name, location_country, date, day,
                          contexts, confidence, rules, negated, cameo, actor_countries)
      OVERRIDING SYSTEM VALUE
      SELECT r.id, r.fingerprint, r.type, r.action, r.mode, r.countries, r.organizations, r.location_name, r.location_country, r.date,
             r.day, r.contexts, r.confidence, r.rules, r.negated, r.cameo, r.actor_countries
      FROM jsonb_to_recordset(${p(json(w.insert))}::jsonb) AS ${EVENT_RECORD})`);
  }
  if (w.update?.length) {
    ctes.push(`ev_upd AS (
      UPDATE events e SET countries = r.countries, organizations = r.organizations, location_name = r.location_name,
        location_country = r.location_country, date = r.date, day = r.day, contexts = r.contexts, confidence = r.confidence,
        rules = r.rules, mode = r.mode, cameo = r.cameo, actor_countries = r.actor_countries
      FROM jsonb_to_recordset(${p(json(w.update))}::jsonb) AS ${EVENT_RECORD} WHERE e.id = r.id)`);
  }
  if (w.actors?.length) {
    const rows = p(json(w.actors));
    ctes.push(`act_ins AS (
      INSERT INTO event_actors (event_id, idx, name, norm, kind, country, org, title, side, entity)
      SELECT r.event_id, r.idx, r.name, r.norm, r.kind, r.country, r.org, r.title, r.side,
             COALESCE((SELECT x.kept FROM actor_redirects x WHERE x.merged = r.entity), r.entity)
      FROM jsonb_to_recordset(${rows}::jsonb) AS r(event_id int, idx int, name text, norm text, kind text, country text,
           org text, title text, side text, entity text))`);
    if (w.actors.some((a) => a.entity)) {
      ctes.push(`actor_reg AS (
        INSERT INTO actors (id, name, kind, country, discovered)
        SELECT DISTINCT ON (r.entity) r.entity, r.name, r.kind, r.country, true
        FROM jsonb_to_recordset(${rows}::jsonb) AS r(entity text, name text, kind text, country text)
        WHERE r.entity IS NOT NULL AND NOT EXISTS (SELECT 1 FROM actor_redirects x WHERE x.merged = r.entity)
        ORDER BY r.entity
        ON CONFLICT (id) DO NOTHING)`);
    }
  }
  if (w.sources?.length) {
    ctes.push(`src_ins AS (
      INSERT INTO event_sources (event_id, document_id, story_id, story_index, confidence, rules, reports, added_at)
      SELECT r.event_id, r.document_id, r.story_id, r.story_index, r.confidence, r.rules, r.reports, now() + r.n * interval '1 microsecond'
      FROM jsonb_to_recordset(${p(json(w.sources.map((x, n) => ({ ...x, n }))))}::jsonb) AS r(n int, event_id int, document_id text, story_id int, story_index int, confidence float8, rules text[], reports jsonb)
      ON CONFLICT (event_id, document_id) DO UPDATE SET confidence = GREATEST(event_sources.confidence, EXCLUDED.confidence),
        rules = ARRAY(SELECT DISTINCT unnest(event_sources.rules || EXCLUDED.rules) ORDER BY 1),
        reports = COALESCE(event_sources.reports, '[]'::jsonb) || EXCLUDED.reports)`);
  }
  if (w.evidence?.length) {
    ctes.push(`evd_ins AS (
      INSERT INTO event_evidence (event_id, document_id, start_offset, end_offset, text, norm)
      SELECT r.event_id, r.document_id, r.s, r.e, r.text, r.norm
      FROM jsonb_to_recordset(${p(json(w.evidence))}::jsonb) AS r(event_id int, document_id text, s int, e int, text text, norm text)
      ON CONFLICT DO NOTHING)`);
  }
  if (w.merges?.length) {
    ctes.push(`mrg_ins AS (
      INSERT INTO merges (kept, merged, document_id, reason, kind, reasons, score, family)
      SELECT r.kept, NULL, r.document_id, r.reason, 'merge', r.reasons, r.score, r.family
      FROM jsonb_to_recordset(${p(json(w.merges))}::jsonb) AS r(kept int, document_id text, reason text, reasons text[], score float8, family text))`);
  }
  if (!ctes.length) return;
  // statement triggers fire after the main SELECT: the setting is on when the actors' trigger reads it
  const main = w.actorCountriesWritten && w.actors?.length ? `SELECT set_config('rasid.actor_countries_written', 'on', true)` : 'SELECT 1';
  await tx.query(`WITH ${ctes.join(',\n')} ${main}`, params);
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
