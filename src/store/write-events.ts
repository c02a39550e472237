/**
 * The SQL of event writing (merge.ts decides; this reads and writes), in as few statements as
 * possible: PGlite and a server both pay a fixed cost per statement that dwarfs the work of a
 * document's rows. One statement reads the candidate events of all the document's reports
 * (action family + day window + a shared party, or a reviewer's route, or the same fingerprint),
 * the "do not merge" notes about the documents and a block of new event ids; one statement writes
 * everything (events, actors, sources, evidence, merge log). Both are PL/pgSQL functions
 * (migration 012), planned once per session.
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
  const windows = dayWindows(reports);
  const [row] = await tx.query<{ candidates: CandidateRow[] | null; blocks: BlockRow[] | null; ids: number[] }>(
    'SELECT candidates, blocks, ids FROM rasid_event_candidates($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
    [families, allParties, anyWithoutParties, uniq(reports.map((r) => r.fingerprint)), uniq(docIds), reports.length,
      windows.ranges.map((w) => w[0]), windows.ranges.map((w) => w[1]), windows.months, windows.undated],
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

/**
 * Writes `w` in one call (rasid_write_events, migration 012: events first, then the rows that
 * name them).
 */
export async function writeEventRows(tx: Sql, w: EventWrites): Promise<void> {
  const rows = [w.insert, w.update, w.actors, w.sources?.map((x, n) => ({ ...x, n })), w.evidence, w.merges];
  if (!rows.some((r) => r?.length)) return;
  await tx.query('SELECT rasid_write_events($1, $2, $3, $4, $5, $6, $7)', [...rows.map((r) => json(r ?? [])), Boolean(w.actorCountriesWritten)]);
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
