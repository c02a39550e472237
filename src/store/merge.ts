/**
 * Matching a document's event reports to events: each report joins the stored event of the same happening
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
import { actionFamily, compatibility, personKey, type EventReport } from '../nlp/events/identity.ts';
import { normalizeArabic } from '../text/normalize.ts';
import type { Sql } from './sql.ts';
import type { ExportActor } from './store.ts';
import { loadCandidates, writeEventRows, type BlockRow, type CandidateRow, type EventRecord, type EventWrites } from './write-events.ts';

/** Advisory lock taken by every transaction that matches and writes events (one writer at a time). */
export const EVENT_LOCK = 7283002;

/** An actor of a stored report: the same fields as an exported actor. */
export type StoredActor = ExportActor;

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
}


export interface WriteEventsOptions {
  /** Identity by fingerprint equality only (a custom fingerprint function was configured). */
  byFingerprint: boolean;
}

export interface MergeLog {
  slot: Slot;
  reason: string;
  reasons: string[];
  score: number | null;
}

/**
 * Writes the events of the documents (in order, as if saved one after the other) in two
 * statements whatever their number (candidates, then every write); returns how many new events
 * each document created. The caller holds EVENT_LOCK (taken with the documents' write).
 */
export async function writeEvents(tx: Sql, docs: Doc[], fingerprints: string[][], storyIds: number[][], opts: WriteEventsOptions): Promise<number[]> {
  const reports = docs.map((doc, d) => doc.events.map((ev, i) => toReport(ev, doc, fingerprints[d][i])));
  const all = reports.flat();
  if (!all.length) return docs.map(() => 0);
  const found = await loadCandidates(tx, docs.map((doc) => doc.id), all);
  const pool = found.candidates.map(toSlot);
  const touched = new Set<Slot>();
  const created: Slot[] = [];
  const sources: SourceRow[] = [];
  const evidence: EvidenceRow[] = [];
  const merges: MergeRow[] = [];
  const newEvents = docs.map((doc, d) => {
    if (!reports[d].length) return 0;
    // what a slot holds of the document being matched starts empty for each document
    for (const slot of pool) Object.assign(slot, { stories: new Set(), reports: [], evidence: [], created: false });
    const placed = matchDocument(doc, reports[d], pool, found.blocks, opts, merges);
    doc.events.forEach((ev, i) => {
      const spans = placed[i].evidence;
      for (const e of ev.evidence) if (!spans.some((x) => x.s === e.start && x.e === e.end)) spans.push({ s: e.start, e: e.end });
    });
    const mine = [...new Set(placed)];
    for (const s of mine) {
      if (s.created) s.id = found.ids[created.push(s) - 1];
      touched.add(s);
    }
    for (const s of mine) {
      sources.push(sourceRow(s, doc.id, storyIds[d]));
      for (const e of s.evidence) {
        const text = doc.text.slice(e.s, e.e);
        evidence.push({ event_id: s.id!, document_id: doc.id, s: e.s, e: e.e, text, norm: normalizeArabic(text) });
      }
    }
    return mine.filter((s) => s.created).length;
  });
  const inserted = new Set(created);
  await writeEventRows(tx, {
    insert: created.map(eventRecord),
    update: [...touched].filter((s) => !inserted.has(s)).map(eventRecord),
    actors: [...touched].flatMap(actorRows),
    sources,
    evidence,
    // every slot has its id by now (new ones got theirs after their document was matched)
    merges: merges.map((m) => ({ kept: m.slot.id!, document_id: m.document_id, reason: m.reason, reasons: m.reasons, score: m.score, family: m.family })),
    // the actors are added to touched slots only, each written with all its actors' countries
    actorCountriesWritten: true,
  });
  return newEvents;
}

type SourceRow = NonNullable<EventWrites['sources']>[number];
type EvidenceRow = NonNullable<EventWrites['evidence']>[number];
/** A merge to log: the choice, the reporting document and the event's family. */
type MergeRow = MergeLog & { document_id: string; family: string };

/** Places each report of `doc` in a slot of `pool` (adding the new ones); logs merges into `merges`. */
function matchDocument(doc: Doc, reports: StoredReport[], pool: Slot[], blocks: BlockRow[], opts: WriteEventsOptions, merges: MergeRow[]): Slot[] {
  const blocked = blockedDocuments(doc.id, blocks);
  const placed: Slot[] = [];
  for (const r of reports) {
    const choice = choose(r, doc.id, pool, blocked, opts);
    let slot: Slot;
    if (choice) {
      slot = choice.slot;
      slot.agg = fold(slot.agg, r, slot.review === null);
      if (!slot.documents.has(doc.id) || slot.created) {
        merges.push({ ...choice, document_id: doc.id, family: slot.agg.family });
      }
    } else {
      slot = {
        id: null, agg: aggregate([r]), storedActors: 0, documents: new Set(), review: null, routes: [], stories: new Set(),
        reports: [], evidence: [], created: true,
      };
      pool.push(slot);
    }
    slot.documents.add(doc.id);
    slot.stories.add(r.story);
    slot.reports.push(r);
    placed.push(slot);
  }
  return placed;
}

function sourceRow(s: Slot, document: string, storyIds: number[]): SourceRow {
  const first = s.reports[0];
  return {
    event_id: s.id!, document_id: document, story_id: storyIds[first.story] ?? null, story_index: first.story,
    confidence: Math.max(...s.reports.map((r) => r.confidence)), rules: uniq(s.reports.flatMap((r) => r.rules)).sort(), reports: s.reports,
  };
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
    stories: new Set(), reports: [], evidence: [], created: false,
  };
}

/** Documents this document must not share an event with, by action family (human splits). */
function blockedDocuments(docId: string, notes: BlockRow[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of notes) {
    if (r.document_id !== docId && !r.other_documents.includes(docId)) continue;
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

export function eventRecord(s: { id: number | null; agg: EventAggregate }): EventRecord {
  const a = s.agg;
  return {
    id: s.id!, fingerprint: a.fingerprint, type: a.event, action: a.action, mode: a.mode, countries: a.countries, organizations: a.organizations,
    location_name: a.location?.name ?? null, location_country: a.location?.country ?? null, date: a.date, day: a.date ?? a.day,
    contexts: a.contexts, confidence: a.confidence, rules: a.rules, negated: a.negated, cameo: a.cameo,
    actor_countries: uniq(a.actors.flatMap((x) => (x.country ? [x.country] : []))).sort(),
  };
}

/** Actor rows of `s` beyond the ones already stored. */
export function actorRows(s: { id: number | null; agg: EventAggregate; storedActors: number }) {
  return s.agg.actors.slice(s.storedActors).map((a, k) => ({
    event_id: s.id!, idx: s.storedActors + k, name: a.name, norm: normalizeArabic(a.name), kind: a.kind, country: a.country, org: a.org,
    title: a.title, side: a.side, entity: a.entity,
  }));
}

/** Rewrites the attributes (not type and action) of events from their aggregates. */
export async function updateEvents(tx: Sql, slots: Array<{ id: number | null; agg: EventAggregate }>): Promise<void> {
  await writeEventRows(tx, { update: slots.map(eventRecord) });
}

/** Inserts the actors of `slots` beyond their first `storedActors`, and registers discovered canonical actors. */
export async function insertActors(tx: Sql, slots: Array<{ id: number | null; agg: EventAggregate; storedActors: number }>): Promise<void> {
  await writeEventRows(tx, { actors: slots.flatMap(actorRows) });
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
