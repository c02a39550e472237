/**
 * Writes a document's event reports: each report joins the stored event of the same happening
 * (src/nlp/events/identity.ts `compatibility`), or a report of another story of the same
 * document, or becomes a new event. Candidates are looked up in one indexed query (action
 * family + day window + shared party), and everything is written in a fixed, small number of
 * batched statements whatever the number of reports.
 *
 * Order of precedence for a report: a reviewer's route (event_routes, by fingerprint and
 * document), a reviewed event with the same fingerprint, (with a custom fingerprint function:
 * an event with the same fingerprint), else the best compatible event that no "do not merge"
 * note (a human split, see unmerge.ts) keeps apart, else a new event.
 */
import type { Doc, DocEvent } from '../nlp/doc.ts';
import { actionFamily, compatibility, parties, personKey, type EventReport } from '../nlp/events/identity.ts';
import { normalizeArabic } from '../text/normalize.ts';
import type { Sql } from './sql.ts';

const json = (v: unknown) => JSON.stringify(v);

/** Advisory lock taken by every transaction that matches and writes events (one writer at a time). */
export const EVENT_LOCK = 7283002;

export interface StoredActor {
  name: string;
  kind: string;
  country: string | null;
  org: string | null;
  title: string | null;
  side: string;
  entity: string | null;
}

/** What event_sources.reports keeps of each report, so that an event can be rebuilt or split. */
export interface StoredReport {
  event: string;
  action: string;
  mode: string | null;
  actors: StoredActor[];
  countries: string[];
  organizations: string[];
  location: { name: string; country: string | null } | null;
  date: string | null;
  /** Publication day of the reporting document (the date fallback). */
  day: string | null;
  contexts: string[];
  confidence: number;
  rules: string[];
  negated: boolean;
  cameo: string | null;
  fingerprint: string;
  story: number;
}

/** An event as identity sees it: the union of its reports. */
export interface EventAggregate extends Omit<StoredReport, 'story'> {
  family: string;
}

export function toReport(ev: DocEvent, doc: Doc, fingerprint: string): StoredReport {
  return {
    event: ev.event, action: ev.action, mode: ev.mode ?? null,
    actors: ev.actors.map((a) => ({
      name: a.name, kind: a.kind, country: a.country ?? null, org: a.org ?? null, title: a.title ?? null, side: a.side, entity: a.entity ?? null,
    })),
    countries: uniq(ev.countries), organizations: uniq(ev.organizations), location: ev.location ?? null, date: ev.date ?? null,
    day: doc.meta.published?.slice(0, 10) ?? null, contexts: uniq(ev.contexts), confidence: ev.confidence, rules: uniq(ev.rules),
    negated: ev.negated ?? false, cameo: (ev as { cameo?: string }).cameo ?? null, fingerprint, story: ev.story,
  };
}

export function asIdentity(a: Pick<EventAggregate, 'action' | 'negated' | 'countries' | 'organizations' | 'actors' | 'location' | 'date' | 'day'>): EventReport {
  return { action: a.action, negated: a.negated, countries: a.countries, organizations: a.organizations, actors: a.actors, location: a.location, date: a.date, day: a.day };
}

function sameActor(a: StoredActor, b: StoredActor): boolean {
  if (a.kind !== b.kind) return false;
  if (a.entity && b.entity) return a.entity === b.entity;
  return personKey(a.name) === personKey(b.name);
}

/** The event of `reports` in order: the first fixes type, action and fingerprint; parties, actors and contexts are unions. */
export function aggregate(reports: Array<Omit<StoredReport, 'story'>>): EventAggregate {
  const [first, ...rest] = reports;
  let agg: EventAggregate = { ...first, family: actionFamily(first.action), actors: [...first.actors], rules: [...first.rules].sort() };
  for (const r of rest) agg = fold(agg, r, true);
  return agg;
}

/** `agg` with report `r` added; a reviewed event (`content` false) only gains rules and confidence. */
export function fold(agg: EventAggregate, r: Omit<StoredReport, 'story'>, content: boolean): EventAggregate {
  const out: EventAggregate = { ...agg, confidence: Math.max(agg.confidence, r.confidence), rules: uniq([...agg.rules, ...r.rules]).sort() };
  if (!content) return out;
  out.countries = uniq([...agg.countries, ...r.countries]);
  out.organizations = uniq([...agg.organizations, ...r.organizations]);
  out.contexts = uniq([...agg.contexts, ...r.contexts]);
  out.actors = [...agg.actors, ...r.actors.filter((a) => !agg.actors.some((b) => sameActor(a, b)))];
  out.location = agg.location ?? r.location;
  if (!agg.date && r.date) out.date = r.date;
  out.day = out.date ?? agg.day ?? r.day;
  out.mode = agg.mode ?? r.mode;
  out.cameo = agg.cameo ?? r.cameo;
  return out;
}

/** One event the matching works on: a stored candidate, or one created by this document. */
interface Slot {
  id: number | null;
  agg: EventAggregate;
  /** Actors already stored (new ones are appended after them). */
  storedActors: number;
  documents: Set<string>;
  review: string | null;
  routes: Array<{ fingerprint: string; document: string }>;
  /** Stories of this document whose reports are in it (a story's own reports were kept apart by the extractor). */
  stories: Set<number>;
  reports: StoredReport[];
  evidence: Array<{ s: number; e: number }>;
  created: boolean;
  changed: boolean;
}

interface CandidateRow {
  id: number; type: string; action: string; mode: string | null; countries: string[]; organizations: string[];
  location_name: string | null; location_country: string | null; date: string | null; day: string | null; contexts: string[];
  confidence: number; rules: string[]; negated: boolean; cameo: string | null; fingerprint: string; review: string | null;
  actors: StoredActor[]; documents: string[]; routes: Array<{ fingerprint: string; document: string }> | null;
}

export interface WriteEventsOptions {
  /** Identity by fingerprint equality only (a custom fingerprint function was configured). */
  byFingerprint: boolean;
}

interface MergeLog {
  slot: Slot;
  reason: string;
  reasons: string[];
  score: number | null;
}

/** Writes the document's events; returns how many new events were created. */
export async function writeEvents(tx: Sql, doc: Doc, fingerprints: string[], storyIds: number[], opts: WriteEventsOptions): Promise<number> {
  if (!doc.events.length) return 0;
  const reports = doc.events.map((ev, i) => toReport(ev, doc, fingerprints[i]));
  await tx.query('SELECT pg_advisory_xact_lock($1)', [EVENT_LOCK]);
  const pool = (await loadCandidates(tx, doc.id, reports)).map(toSlot);
  const blocked = await blockedDocuments(tx, doc.id);
  const logs: MergeLog[] = [];
  const placed: Slot[] = [];
  for (const r of reports) {
    const choice = choose(r, doc.id, pool, blocked, opts);
    let slot: Slot;
    if (choice) {
      slot = choice.slot;
      slot.agg = fold(slot.agg, r, slot.review === null);
      slot.changed = true;
      if (!slot.documents.has(doc.id) || slot.created) logs.push(choice);
    } else {
      slot = {
        id: null, agg: aggregate([r]), storedActors: 0, documents: new Set(), review: null, routes: [], stories: new Set(),
        reports: [], evidence: [], created: true, changed: true,
      };
      pool.push(slot);
    }
    slot.documents.add(doc.id);
    slot.stories.add(r.story);
    slot.reports.push(r);
    placed.push(slot);
  }
  doc.events.forEach((ev, i) => {
    for (const e of ev.evidence) placed[i].evidence.push({ s: e.start, e: e.end });
  });
  const touched = [...new Set(placed)];
  const created = touched.filter((s) => s.created);
  if (created.length) {
    const ids = await tx.query<{ id: number }>(
      `SELECT nextval(pg_get_serial_sequence('events', 'id'))::int AS id FROM generate_series(1, $1::int)`,
      [created.length],
    );
    created.forEach((s, i) => (s.id = ids[i].id));
    await insertEvents(tx, created);
  }
  const updated = touched.filter((s) => !s.created && s.changed);
  if (updated.length) await updateEvents(tx, updated);
  await insertActors(tx, touched);
  await insertSources(tx, doc, touched, storyIds);
  await insertMerges(tx, doc.id, logs);
  return created.length;
}

async function loadCandidates(tx: Sql, docId: string, reports: StoredReport[]): Promise<CandidateRow[]> {
  const families = uniq(reports.map((r) => actionFamily(r.action)));
  const allParties = uniq(reports.flatMap((r) => parties(r)));
  const anyWithoutParties = reports.some((r) => parties(r).length === 0);
  const params: unknown[] = [families, allParties, anyWithoutParties, uniq(reports.map((r) => r.fingerprint)), docId];
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
  const undated = windows.undated ? ` OR (e.family = ANY($1::text[]) AND (e.countries || e.organizations) && $2::text[])` : '';
  return tx.query<CandidateRow>(
    `WITH routes AS (
       SELECT fingerprint, document_id, event_id FROM event_routes
       WHERE fingerprint = ANY($4::text[]) AND document_id IN ($5, '')),
     cand AS (
       SELECT e.id FROM events e WHERE e.family = ANY($1::text[]) AND (${conds.join(' OR ')})
         AND ((e.countries || e.organizations) && $2::text[] OR (e.countries || e.organizations) = '{}' OR $3::boolean)${undated}
       UNION SELECT id FROM events WHERE fingerprint = ANY($4::text[])
       UNION SELECT event_id FROM routes)
     SELECT e.id, e.type, e.action, e.mode, e.countries, e.organizations, e.location_name, e.location_country, e.date, e.day,
       e.contexts, e.confidence, e.rules, e.negated, e.cameo, e.fingerprint, e.review,
       COALESCE((SELECT json_agg(json_build_object('name', a.name, 'kind', a.kind, 'country', a.country, 'org', a.org,
                  'title', a.title, 'side', a.side, 'entity', a.entity) ORDER BY a.idx) FROM event_actors a WHERE a.event_id = e.id), '[]') AS actors,
       ARRAY(SELECT s.document_id FROM event_sources s WHERE s.event_id = e.id) AS documents,
       (SELECT json_agg(json_build_object('fingerprint', r.fingerprint, 'document', r.document_id)) FROM routes r WHERE r.event_id = e.id) AS routes
     FROM events e WHERE e.id IN (SELECT id FROM cand) ORDER BY e.id`,
    params,
  );
}

/** Day ranges (±2 days around each report's day), month values, and whether some report has no day. */
function dayWindows(reports: StoredReport[]): { ranges: Array<[string, string]>; months: string[]; undated: boolean } {
  const points: number[] = [];
  const months = new Set<string>();
  let undated = false;
  for (const r of reports) {
    const d = r.date ?? r.day;
    if (!d) {
      undated = true;
      continue;
    }
    if (/^\d{4}-\d{2}$/.test(d)) {
      months.add(d);
      const t = Date.parse(`${d}-01`);
      for (let k = 0; k < 31; k += 4) points.push(t + k * 86_400_000);
      continue;
    }
    const t = Date.parse(d.slice(0, 10));
    if (Number.isNaN(t)) {
      undated = true;
      continue;
    }
    points.push(t);
    months.add(d.slice(0, 7));
  }
  const day = 86_400_000;
  const ranges: Array<[number, number]> = [];
  for (const p of points.sort((a, b) => a - b)) {
    const last = ranges[ranges.length - 1];
    if (last && p - 2 * day <= last[1]) last[1] = Math.max(last[1], p + 2 * day);
    else ranges.push([p - 2 * day, p + 2 * day]);
  }
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  // a bound of '…-31' also admits month-only and date-time days of the last day
  return { ranges: ranges.map(([a, b]) => [iso(a), `${iso(b)}~`]), months: [...months], undated };
}

function toSlot(r: CandidateRow): Slot {
  const agg: EventAggregate = {
    event: r.type, action: r.action, mode: r.mode, actors: r.actors, countries: r.countries, organizations: r.organizations,
    location: r.location_name ? { name: r.location_name, country: r.location_country } : null, date: r.date, day: r.day,
    contexts: r.contexts, confidence: Number(r.confidence), rules: r.rules, negated: r.negated, cameo: r.cameo,
    fingerprint: r.fingerprint, family: actionFamily(r.action),
  };
  return {
    id: r.id, agg, storedActors: r.actors.length, documents: new Set(r.documents), review: r.review ?? null, routes: r.routes ?? [],
    stories: new Set(), reports: [], evidence: [], created: false, changed: false,
  };
}

/** Documents this document must not share an event with, by action family (human splits). */
async function blockedDocuments(tx: Sql, docId: string): Promise<Map<string, Set<string>>> {
  const rows = await tx.query<{ document_id: string; other_documents: string[]; family: string | null }>(
    `SELECT document_id, other_documents, family FROM merges
     WHERE kind = 'do_not_merge' AND (document_id = $1 OR other_documents @> ARRAY[$1]::text[])`,
    [docId],
  );
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const key = r.family ?? '*';
    const set = out.get(key) ?? new Set<string>();
    if (r.document_id === docId) for (const d of r.other_documents) set.add(d);
    else set.add(r.document_id);
    out.set(key, set);
  }
  return out;
}

function isBlocked(slot: Slot, blocked: Map<string, Set<string>>): boolean {
  for (const key of [slot.agg.family, '*']) {
    const set = blocked.get(key);
    if (set && [...slot.documents].some((d) => set.has(d))) return true;
  }
  return false;
}

function choose(r: StoredReport, docId: string, pool: Slot[], blocked: Map<string, Set<string>>, opts: WriteEventsOptions): MergeLog | null {
  const routed =
    pool.find((s) => s.routes.some((x) => x.fingerprint === r.fingerprint && x.document === docId)) ??
    pool.find((s) => s.routes.some((x) => x.fingerprint === r.fingerprint && x.document === ''));
  if (routed) return { slot: routed, reason: 'route', reasons: ['routed by a reviewer'], score: null };
  const reviewed = pool.find((s) => s.review !== null && s.agg.fingerprint === r.fingerprint);
  if (reviewed) return { slot: reviewed, reason: 'fingerprint', reasons: ['same fingerprint as a reviewed event'], score: null };
  if (opts.byFingerprint) {
    const same = pool.find((s) => s.agg.fingerprint === r.fingerprint && !isBlocked(s, blocked));
    return same ? { slot: same, reason: 'fingerprint', reasons: ['same fingerprint'], score: null } : null;
  }
  const family = actionFamily(r.action);
  let best: MergeLog | null = null;
  for (const slot of pool) {
    if (slot.agg.family !== family || slot.stories.has(r.story) || isBlocked(slot, blocked)) continue;
    const c = compatibility(asIdentity(r), asIdentity(slot.agg));
    if (!c.same) continue;
    if (!best || c.score > (best.score ?? 0)) {
      const reasons = slot.created ? [`same document, stories ${[...slot.stories].join(',')} and ${r.story}`, ...c.reasons] : c.reasons;
      best = { slot, reason: slot.agg.fingerprint === r.fingerprint ? 'fingerprint' : 'compatible', reasons, score: c.score };
    }
  }
  return best;
}

function eventRecord(s: { id: number | null; agg: EventAggregate }) {
  const a = s.agg;
  return {
    id: s.id, fingerprint: a.fingerprint, type: a.event, action: a.action, mode: a.mode, countries: a.countries, organizations: a.organizations,
    location_name: a.location?.name ?? null, location_country: a.location?.country ?? null, date: a.date, day: a.date ?? a.day,
    contexts: a.contexts, confidence: a.confidence, rules: a.rules, negated: a.negated, cameo: a.cameo,
  };
}

const EVENT_RECORD = `r(id int, fingerprint text, type text, action text, mode text, countries text[], organizations text[],
  location_name text, location_country text, date text, day text, contexts text[], confidence float8, rules text[], negated boolean,
  cameo text)`;

export async function insertEvents(tx: Sql, slots: Array<{ id: number | null; agg: EventAggregate }>): Promise<void> {
  await tx.query(
    `INSERT INTO events (id, fingerprint, type, action, mode, countries, organizations, location_name, location_country, date, day,
                         contexts, confidence, rules, negated, cameo)
     OVERRIDING SYSTEM VALUE
     SELECT r.id, r.fingerprint, r.type, r.action, r.mode, r.countries, r.organizations, r.location_name, r.location_country, r.date,
            r.day, r.contexts, r.confidence, r.rules, r.negated, r.cameo
     FROM jsonb_to_recordset($1::jsonb) AS ${EVENT_RECORD}`,
    [json(slots.map(eventRecord))],
  );
}

export async function updateEvents(tx: Sql, slots: Array<{ id: number | null; agg: EventAggregate }>): Promise<void> {
  await tx.query(
    `UPDATE events e SET countries = r.countries, organizations = r.organizations, location_name = r.location_name,
       location_country = r.location_country, date = r.date, day = r.day, contexts = r.contexts, confidence = r.confidence,
       rules = r.rules, mode = r.mode, cameo = r.cameo
     FROM jsonb_to_recordset($1::jsonb) AS ${EVENT_RECORD} WHERE e.id = r.id`,
    [json(slots.map(eventRecord))],
  );
}

/** Inserts the actors of `slots` beyond their first `storedActors`, and registers discovered canonical actors. */
export async function insertActors(tx: Sql, slots: Array<{ id: number | null; agg: EventAggregate; storedActors: number }>): Promise<void> {
  const rows = slots.flatMap((s) =>
    s.agg.actors.slice(s.storedActors).map((a, k) => ({
      event_id: s.id, idx: s.storedActors + k, name: a.name, norm: normalizeArabic(a.name), kind: a.kind, country: a.country, org: a.org,
      title: a.title, side: a.side, entity: a.entity,
    })),
  );
  if (!rows.length) return;
  await tx.query(
    `INSERT INTO event_actors (event_id, idx, name, norm, kind, country, org, title, side, entity)
     SELECT r.event_id, r.idx, r.name, r.norm, r.kind, r.country, r.org, r.title, r.side,
            COALESCE((SELECT x.kept FROM actor_redirects x WHERE x.merged = r.entity), r.entity)
     FROM jsonb_to_recordset($1::jsonb) AS r(event_id int, idx int, name text, norm text, kind text, country text,
          org text, title text, side text, entity text)`,
    [json(rows)],
  );
  const entities = rows.filter((a) => a.entity);
  if (entities.length) {
    await tx.query(
      `INSERT INTO actors (id, name, kind, country, discovered)
       SELECT DISTINCT ON (r.entity) r.entity, r.name, r.kind, r.country, true
       FROM jsonb_to_recordset($1::jsonb) AS r(entity text, name text, kind text, country text)
       WHERE NOT EXISTS (SELECT 1 FROM actor_redirects x WHERE x.merged = r.entity)
       ORDER BY r.entity
       ON CONFLICT (id) DO NOTHING`,
      [json(entities)],
    );
  }
}

async function insertSources(tx: Sql, doc: Doc, slots: Slot[], storyIds: number[]): Promise<void> {
  const sources = slots.map((s) => {
    const first = s.reports[0];
    return {
      event_id: s.id, story_id: storyIds[first.story] ?? null, story_index: first.story,
      confidence: Math.max(...s.reports.map((r) => r.confidence)), rules: uniq(s.reports.flatMap((r) => r.rules)).sort(),
      reports: s.reports,
    };
  });
  await tx.query(
    `INSERT INTO event_sources (event_id, document_id, story_id, story_index, confidence, rules, reports)
     SELECT r.event_id, $1, r.story_id, r.story_index, r.confidence, r.rules, r.reports
     FROM jsonb_to_recordset($2::jsonb) AS r(event_id int, story_id int, story_index int, confidence float8, rules text[], reports jsonb)
     ON CONFLICT (event_id, document_id) DO UPDATE SET confidence = GREATEST(event_sources.confidence, EXCLUDED.confidence),
       rules = ARRAY(SELECT DISTINCT unnest(event_sources.rules || EXCLUDED.rules) ORDER BY 1),
       reports = COALESCE(event_sources.reports, '[]'::jsonb) || EXCLUDED.reports`,
    [doc.id, json(sources)],
  );
  const evidence = slots.flatMap((s) =>
    s.evidence.map((e) => {
      const text = doc.text.slice(e.s, e.e);
      return { event_id: s.id, s: e.s, e: e.e, text, norm: normalizeArabic(text) };
    }),
  );
  if (evidence.length) {
    await tx.query(
      `INSERT INTO event_evidence (event_id, document_id, start_offset, end_offset, text, norm)
       SELECT r.event_id, $1, r.s, r.e, r.text, r.norm FROM jsonb_to_recordset($2::jsonb) AS r(event_id int, s int, e int, text text, norm text)
       ON CONFLICT DO NOTHING`,
      [doc.id, json(evidence)],
    );
  }
}

async function insertMerges(tx: Sql, docId: string, logs: MergeLog[]): Promise<void> {
  if (!logs.length) return;
  await tx.query(
    `INSERT INTO merges (kept, merged, document_id, reason, kind, reasons, score, family)
     SELECT r.kept, NULL, $1, r.reason, 'merge', r.reasons, r.score, r.family
     FROM jsonb_to_recordset($2::jsonb) AS r(kept int, reason text, reasons text[], score float8, family text)`,
    [docId, json(logs.map((l) => ({ kept: l.slot.id, reason: l.reason, reasons: l.reasons, score: l.score, family: l.slot.agg.family })))],
  );
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
