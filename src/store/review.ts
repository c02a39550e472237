/**
 * Human review of events: confirm, reject, correct, merge, split; and the audit log.
 *
 * Decisions are applied to the event rows themselves (so every read, filter and export sees
 * them) and protected from re-extraction:
 * - a reviewed event (`events.review` set) is never deleted by saveDocument, and a re-extracted
 *   report with the same fingerprint joins it (the machine fingerprint is kept as identity and
 *   saveDocument only adds sources, evidence, rules and confidence to an existing event);
 * - after a merge or split, `event_routes` sends re-extracted reports (by fingerprint, and by
 *   document for a split) to the event the reviewer chose.
 * Every change writes an audit entry (who, when, entity, before, after) in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { actionNames, cameoFor, isValidContext, isValidEvent, isValidMode } from '../ontology/index.ts';
import { normalizeArabic } from '../text/normalize.ts';
import type { Sql } from './sql.ts';
import type { EventRow } from './store.ts';
import { aggregate, EVENT_LOCK, insertActors, updateEvents, type StoredReport } from './merge.ts';
import { unmergeReport } from './unmerge.ts';

export type ReviewState = 'confirmed' | 'corrected' | 'rejected';

/** Why a review request cannot be done: maps to 404 / 400 / 409. `field` names the bad input. */
export class ReviewError extends Error {
  constructor(
    readonly code: 'not_found' | 'bad_request' | 'conflict',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface CorrectedActor {
  name: string;
  kind: 'person' | 'organization' | 'country';
  country?: string | null;
  org?: string | null;
  title?: string | null;
  side: 'actor' | 'recipient' | 'participant';
  entity?: string | null;
}

/** A reviewer's correction: only the fields given change. */
export interface EventCorrection {
  event?: string;
  action?: string;
  mode?: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null: unknown. */
  date?: string | null;
  location?: { name: string; country: string | null } | null;
  actors?: CorrectedActor[];
  countries?: string[];
  organizations?: string[];
  contexts?: string[];
}

/** The reviewable state of an event, as written to the audit log. */
export interface EventSnapshot
  extends Pick<EventRow, 'id' | 'event' | 'action' | 'mode' | 'date' | 'day' | 'countries' | 'organizations' | 'location' | 'contexts'> {
  actors: Array<Omit<CorrectedActor, 'entity'> & { entity: string | null }>;
  sources: string[];
  review: ReviewState | null;
  reviewedBy: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  user: string;
  action: string;
  /** `event:12`, `actor:per:x`, `user:name`. */
  entity: string;
  before: unknown;
  after: unknown;
}

export interface EventReviewStore {
  /** Confirms or rejects an event; returns its state after. */
  decide(id: number, decision: 'confirm' | 'reject', user: string): Promise<EventSnapshot>;
  correct(id: number, patch: EventCorrection, user: string): Promise<EventSnapshot>;
  /** Folds event `other` into `id` (sources, evidence); re-extracted reports of `other` join `id`. */
  merge(id: number, other: number, user: string): Promise<EventSnapshot>;
  /** Moves the reports of the given documents (id or export name) to a new event; returns both. */
  split(id: number, documents: string[], user: string): Promise<{ kept: EventSnapshot; created: EventSnapshot }>;
  /** Audit entries of an entity (`event:12`), or all, newest first. */
  audit(entity?: string, page?: { limit?: number; offset?: number }): Promise<AuditEntry[]>;
}

const ISO3 = /^[A-Z]{3}$/;
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export async function writeAudit(tx: Sql, user: string, action: string, entity: string, before: unknown, after: unknown): Promise<void> {
  await tx.query('INSERT INTO audit_log (user_name, action, entity, before, after) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)', [
    user, action, entity, before === null ? null : JSON.stringify(before), after === null ? null : JSON.stringify(after),
  ]);
}

export async function listAudit(sql: Sql, entity?: string, page: { limit?: number; offset?: number } = {}): Promise<AuditEntry[]> {
  const limit = Math.max(0, Math.min(page.limit ?? 200, 1000));
  const rows = await sql.query<{ id: number; at: Date | string; user_name: string; action: string; entity: string; before: unknown; after: unknown }>(
    `SELECT id, at, user_name, action, entity, before, after FROM audit_log
     WHERE $1::text IS NULL OR entity = $1 ORDER BY id DESC LIMIT $2 OFFSET $3`,
    [entity ?? null, limit, Math.max(0, page.offset ?? 0)],
  );
  return rows.map((r) => ({
    id: r.id, at: new Date(r.at).toISOString(), user: r.user_name, action: r.action, entity: r.entity, before: r.before, after: r.after,
  }));
}

/** Locks the event row and reads its reviewable state; null when there is no such event. */
export async function eventSnapshot(tx: Sql, id: number): Promise<EventSnapshot | null> {
  const rows = await tx.query<{
    id: number; type: string; action: string; mode: string | null; date: string | null; day: string | null;
    countries: string[]; organizations: string[]; location_name: string | null; location_country: string | null;
    contexts: string[]; review: ReviewState | null; reviewed_by: string | null;
  }>(
    `SELECT id, type, action, mode, date, day, countries, organizations, location_name, location_country, contexts,
            review, reviewed_by FROM events WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!rows.length) return null;
  const r = rows[0];
  const actors = await tx.query<EventSnapshot['actors'][number]>(
    'SELECT name, kind, country, org, title, side, entity FROM event_actors WHERE event_id = $1 ORDER BY idx',
    [id],
  );
  const sources = await tx.query<{ name: string }>(
    `SELECT d.name FROM event_sources s JOIN documents d ON d.id = s.document_id WHERE s.event_id = $1 ORDER BY s.added_at, d.name`,
    [id],
  );
  return {
    id: r.id, event: r.type, action: r.action, mode: r.mode, date: r.date, day: r.day, countries: r.countries,
    organizations: r.organizations, location: r.location_name ? { name: r.location_name, country: r.location_country } : null,
    contexts: r.contexts, actors, sources: sources.map((s) => s.name), review: r.review, reviewedBy: r.reviewed_by,
  };
}

async function mustSnapshot(tx: Sql, id: number): Promise<EventSnapshot> {
  const s = await eventSnapshot(tx, id);
  if (!s) throw new ReviewError('not_found', `no event ${id}`);
  return s;
}

async function setReview(tx: Sql, id: number, state: ReviewState, user: string): Promise<void> {
  await tx.query('UPDATE events SET review = $2, reviewed_by = $3, reviewed_at = now() WHERE id = $1', [id, state, user]);
}

/** Checks a correction against the ontology and formats; throws a ReviewError naming the field. */
export function checkCorrection(patch: EventCorrection, current: Pick<EventSnapshot, 'event' | 'mode'>): void {
  const bad = (field: string, message: string) => new ReviewError('bad_request', `${field}: ${message}`, field);
  if (patch.event !== undefined && !isValidEvent(patch.event)) throw bad('event', `unknown event type "${patch.event}"`);
  if (patch.action !== undefined && !actionNames().includes(patch.action)) throw bad('action', `unknown action "${patch.action}"`);
  const type = patch.event ?? current.event;
  const mode = patch.mode !== undefined ? patch.mode : current.mode;
  if ((patch.mode !== undefined || patch.event !== undefined) && !isValidMode(type, mode)) {
    throw bad('mode', `mode "${mode}" is not a mode of ${type}`);
  }
  if (patch.date !== undefined && patch.date !== null && !DATE.test(patch.date)) throw bad('date', `expected YYYY-MM-DD, got "${patch.date}"`);
  patch.countries?.forEach((c, i) => {
    if (!ISO3.test(c)) throw bad(`countries.${i}`, `expected ISO 3166-1 alpha-3, got "${c}"`);
  });
  patch.contexts?.forEach((c, i) => {
    if (!isValidContext(c)) throw bad(`contexts.${i}`, `unknown context "${c}"`);
  });
  if (patch.location && patch.location.country !== null && !ISO3.test(patch.location.country)) {
    throw bad('location.country', `expected ISO 3166-1 alpha-3, got "${patch.location.country}"`);
  }
  if (patch.location && !patch.location.name.trim()) throw bad('location.name', 'empty');
  patch.actors?.forEach((a, i) => {
    if (!a.name.trim()) throw bad(`actors.${i}.name`, 'empty');
    if (a.country && !ISO3.test(a.country)) throw bad(`actors.${i}.country`, `expected ISO 3166-1 alpha-3, got "${a.country}"`);
  });
}

async function correct(tx: Sql, id: number, patch: EventCorrection, user: string): Promise<EventSnapshot> {
  const before = await mustSnapshot(tx, id);
  checkCorrection(patch, before);
  const next = {
    event: patch.event ?? before.event,
    action: patch.action ?? before.action,
    mode: patch.mode !== undefined ? patch.mode : before.mode,
    date: patch.date !== undefined ? patch.date : before.date,
    countries: patch.countries ? [...new Set(patch.countries)] : before.countries,
    organizations: patch.organizations ? [...new Set(patch.organizations)] : before.organizations,
    location: patch.location !== undefined ? patch.location : before.location,
    contexts: patch.contexts ? [...new Set(patch.contexts)] : before.contexts,
  };
  await tx.query(
    `UPDATE events SET type = $2, action = $3, mode = $4, date = $5,
       day = COALESCE($5, (SELECT min(substr(d.published, 1, 10)) FROM event_sources s JOIN documents d ON d.id = s.document_id
                           WHERE s.event_id = $1), CASE WHEN date IS NULL THEN day END),
       countries = $6::text[], organizations = $7::text[], location_name = $8, location_country = $9,
       contexts = $10::text[], cameo = $11 WHERE id = $1`,
    [
      id, next.event, next.action, next.mode, next.date, next.countries, next.organizations, next.location?.name ?? null,
      next.location?.country ?? null, next.contexts, cameoFor(next.event, next.action, next.mode),
    ],
  );
  if (patch.actors) {
    await tx.query('DELETE FROM event_actors WHERE event_id = $1', [id]);
    const rows = patch.actors.map((a, idx) => ({
      idx, name: a.name, norm: normalizeArabic(a.name), kind: a.kind, country: a.country ?? null, org: a.org ?? null,
      title: a.title ?? null, side: a.side, entity: a.entity ?? null,
    }));
    if (rows.length) {
      await tx.query(
        `INSERT INTO event_actors (event_id, idx, name, norm, kind, country, org, title, side, entity)
         SELECT $1, r.idx, r.name, r.norm, r.kind, r.country, r.org, r.title, r.side, r.entity
         FROM jsonb_to_recordset($2::jsonb) AS r(idx int, name text, norm text, kind text, country text,
              org text, title text, side text, entity text)`,
        [id, JSON.stringify(rows)],
      );
    }
  }
  await setReview(tx, id, 'corrected', user);
  const after = await mustSnapshot(tx, id);
  await writeAudit(tx, user, 'event.correct', `event:${id}`, before, after);
  return after;
}

/** Routes every fingerprint that reached `from` (its own and routed ones) to `to`, for any document. */
async function reroute(tx: Sql, from: number, to: number): Promise<void> {
  await tx.query(
    `INSERT INTO event_routes (fingerprint, document_id, event_id) SELECT fingerprint, '', $2 FROM events WHERE id = $1
     ON CONFLICT (fingerprint, document_id) DO UPDATE SET event_id = EXCLUDED.event_id`,
    [from, to],
  );
  await tx.query('UPDATE event_routes SET event_id = $2 WHERE event_id = $1', [from, to]);
}

/** Folds one stored event into another inside the caller's transaction (open.ts `mergeEvents`). */
export type MergeEventRows = (tx: Sql, kept: number, merged: number, reason: string) => Promise<void>;

async function merge(tx: Sql, mergeEventRows: MergeEventRows, id: number, other: number, user: string): Promise<EventSnapshot> {
  if (id === other) throw new ReviewError('bad_request', 'cannot merge an event into itself', 'other');
  // lock in id order so that two opposite merges cannot deadlock
  const [a, b] = id < other ? [id, other] : [other, id];
  const snaps = new Map<number, EventSnapshot>();
  snaps.set(a, await mustSnapshot(tx, a));
  snaps.set(b, await mustSnapshot(tx, b));
  const before = snaps.get(id)!;
  const merged = snaps.get(other)!;
  await reroute(tx, other, id);
  await mergeEventRows(tx, id, other, `review:${user}`);
  await setReview(tx, id, before.review === 'rejected' ? 'rejected' : 'corrected', user);
  const after = await mustSnapshot(tx, id);
  await writeAudit(tx, user, 'event.merge', `event:${id}`, { ...before, merging: merged }, after);
  await writeAudit(tx, user, 'event.merged', `event:${other}`, merged, { mergedInto: id });
  return after;
}

/** The new event of a split, as a copy of event `id` (kept when the event was corrected by hand, or has no stored reports). */
async function copySplit(tx: Sql, id: number, ids: string[]): Promise<number> {
  const created = (
    await tx.query<{ id: number }>(
      `INSERT INTO events (fingerprint, type, action, mode, countries, organizations, location_name, location_country,
                           date, day, contexts, confidence, rules, negated, cameo)
       SELECT $2, type, action, mode, countries, organizations, location_name, location_country, date, day, contexts,
              COALESCE((SELECT max(s.confidence) FROM event_sources s WHERE s.event_id = $1 AND s.document_id = ANY($3::text[])), confidence),
              rules, negated, cameo
       FROM events WHERE id = $1 RETURNING id`,
      [id, `split:${randomUUID()}`, ids],
    )
  )[0].id;
  await tx.query(
    `INSERT INTO event_actors (event_id, idx, name, norm, kind, country, org, title, side, entity)
     SELECT $2, idx, name, norm, kind, country, org, title, side, entity FROM event_actors WHERE event_id = $1`,
    [id, created],
  );
  await tx.query('UPDATE event_sources SET event_id = $2 WHERE event_id = $1 AND document_id = ANY($3::text[])', [id, created, ids]);
  await tx.query('UPDATE event_evidence SET event_id = $2 WHERE event_id = $1 AND document_id = ANY($3::text[])', [id, created, ids]);
  await tx.query('UPDATE merges SET kept = $2 WHERE kept = $1 AND document_id = ANY($3::text[])', [id, created, ids]);
  await tx.query(
    `UPDATE events e SET confidence = COALESCE((SELECT max(s.confidence) FROM event_sources s WHERE s.event_id = e.id), e.confidence)
     WHERE e.id = $1`,
    [id],
  );
  return created;
}

/**
 * The new event of a split, rebuilt from the moved documents' own reports (unmerge.ts: the event
 * left behind is rebuilt from its other reports, and "do not merge" notes keep them apart).
 */
async function unmergeSplit(tx: Sql, mergeEventRows: MergeEventRows, id: number, ids: string[], user: string): Promise<number> {
  const note = `split by ${user}`;
  const created = (await unmergeReport(tx, id, ids[0], note)).split;
  for (const doc of ids.slice(1)) {
    await mergeEventRows(tx, created, (await unmergeReport(tx, id, doc, note)).split, `review:${user}`);
  }
  if (ids.length > 1) {
    const rows = await tx.query<{ reports: StoredReport[] | null }>(
      'SELECT reports FROM event_sources WHERE event_id = $1 ORDER BY added_at, document_id',
      [created],
    );
    const agg = aggregate(rows.flatMap((r) => r.reports ?? []));
    await updateEvents(tx, [{ id: created, agg }]);
    await tx.query('UPDATE events SET action = $2, type = $3 WHERE id = $1', [created, agg.action, agg.event]);
    await tx.query('DELETE FROM event_actors WHERE event_id = $1', [created]);
    await insertActors(tx, [{ id: created, agg, storedActors: 0 }]);
  }
  return created;
}

async function split(tx: Sql, mergeEventRows: MergeEventRows, id: number, documents: string[], user: string): Promise<{ kept: EventSnapshot; created: EventSnapshot }> {
  if (!documents.length) throw new ReviewError('bad_request', 'sources: name at least one document', 'sources');
  const before = await mustSnapshot(tx, id);
  const docs = await tx.query<{ document_id: string; name: string; reports: StoredReport[] | null }>(
    `SELECT s.document_id, d.name, s.reports FROM event_sources s JOIN documents d ON d.id = s.document_id WHERE s.event_id = $1`,
    [id],
  );
  const moving = docs.filter((d) => documents.includes(d.document_id) || documents.includes(d.name));
  const missing = documents.filter((x) => !moving.some((d) => d.document_id === x || d.name === x));
  if (missing.length) throw new ReviewError('bad_request', `sources: not a source of event ${id}: ${missing.join(', ')}`, 'sources');
  if (moving.length === docs.length) throw new ReviewError('bad_request', 'sources: at least one source must stay with the event', 'sources');
  const ids = moving.map((d) => d.document_id);
  // every fingerprint that reached this event, and those of the moved reports
  const fingerprints = [
    ...new Set([
      ...(await tx.query<{ f: string }>('SELECT fingerprint AS f FROM events WHERE id = $1 UNION SELECT fingerprint FROM event_routes WHERE event_id = $1', [id])).map((r) => r.f),
      ...moving.flatMap((d) => (d.reports ?? []).map((r) => r.fingerprint)),
    ]),
  ];
  const withReports = before.review !== 'corrected' && docs.every((d) => d.reports?.length);
  const created = withReports ? await unmergeSplit(tx, mergeEventRows, id, ids, user) : await copySplit(tx, id, ids);
  // re-extracted reports of the moved documents go to the new event, whatever fingerprint they carry
  await tx.query(
    `INSERT INTO event_routes (fingerprint, document_id, event_id) SELECT f, d, $1 FROM unnest($2::text[]) AS f, unnest($3::text[]) AS d
     ON CONFLICT (fingerprint, document_id) DO UPDATE SET event_id = EXCLUDED.event_id`,
    [created, fingerprints, ids],
  );
  const state = before.review === 'rejected' ? 'rejected' : 'corrected';
  await setReview(tx, id, state, user);
  await setReview(tx, created, state, user);
  const kept = await mustSnapshot(tx, id);
  const made = await mustSnapshot(tx, created);
  await writeAudit(tx, user, 'event.split', `event:${id}`, before, { ...kept, splitInto: created });
  await writeAudit(tx, user, 'event.split_from', `event:${created}`, null, { ...made, splitFrom: id });
  return { kept, created: made };
}

export function createEventReviewStore(sql: Sql, mergeEventRows: MergeEventRows): EventReviewStore {
  // one writer of events at a time, as ingestion does (merge.ts EVENT_LOCK)
  const locked = <T>(fn: (tx: Sql) => Promise<T>) =>
    sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [EVENT_LOCK]);
      return fn(tx);
    });
  return {
    decide: (id, decision, user) =>
      locked(async (tx) => {
        const before = await mustSnapshot(tx, id);
        await setReview(tx, id, decision === 'confirm' ? 'confirmed' : 'rejected', user);
        const after = await mustSnapshot(tx, id);
        await writeAudit(tx, user, `event.${decision}`, `event:${id}`, before, after);
        return after;
      }),
    correct: (id, patch, user) => locked((tx) => correct(tx, id, patch, user)),
    merge: (id, other, user) => locked((tx) => merge(tx, mergeEventRows, id, other, user)),
    split: (id, documents, user) => locked((tx) => split(tx, mergeEventRows, id, documents, user)),
    audit: (entity, page) => listAudit(sql, entity, page),
  };
}
