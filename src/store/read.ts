import { normalizeArabic } from '../text/normalize.ts';
import { eventOrder, eventWhere } from './filter.ts';
import type { Sql } from './sql.ts';
import type {
  EventDetail, EventFilter, EventPage, EventRow, ExportActor, ExportEvidence, ExportRow, PageRequest, StoreStats, StoryHit,
} from './store.ts';

interface EventDbRow {
  id: number;
  fingerprint: string;
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

const EVENT_COLUMNS = `e.id, e.fingerprint, e.type, e.action, e.mode, e.countries, e.organizations, e.location_name,
  e.location_country, e.date, e.day, e.contexts, e.confidence, e.rules, e.negated, e.cameo,
  (SELECT count(*)::int FROM event_sources s WHERE s.event_id = e.id) AS source_count`;

interface Related {
  actors: Map<number, ExportActor[]>;
  evidence: Map<number, Array<ExportEvidence & { document: string }>>;
  sources: Map<number, string[]>;
}

/** Loads actors, evidence and source names of a batch of events in three queries. */
async function loadRelated(sql: Sql, ids: number[]): Promise<Related> {
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
  const evidence = await sql.query<{ event_id: number; document: string; doc: string; text: string; start: number; end: number }>(
    `SELECT v.event_id, v.document_id AS document, d.name AS doc, v.text, v.start_offset AS start, v.end_offset AS "end"
     FROM event_evidence v JOIN documents d ON d.id = v.document_id
     WHERE v.event_id = ANY($1::int[])
     ORDER BY v.event_id, (SELECT s.added_at FROM event_sources s WHERE s.event_id = v.event_id AND s.document_id = v.document_id),
              v.document_id, v.start_offset, v.end_offset`,
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

function toEventRow(r: EventDbRow, rel: Related): EventRow {
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

export async function listEvents(sql: Sql, filter: EventFilter = {}, page: PageRequest = {}): Promise<EventPage> {
  const limit = Math.max(0, Math.min(page.limit ?? 50, 1000));
  const offset = Math.max(0, page.offset ?? 0);
  const where = eventWhere(filter);
  const total = (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM events e ${where.sql}`, where.params))[0].n;
  const n = where.params.length;
  const rows = await sql.query<EventDbRow>(
    `SELECT ${EVENT_COLUMNS} FROM events e ${where.sql} ORDER BY ${eventOrder(page.sort)} LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...where.params, limit, offset],
  );
  const rel = await loadRelated(sql, rows.map((r) => r.id));
  return { total, rows: rows.map((r) => toEventRow(r, rel)), limit, offset };
}

export async function getEvent(sql: Sql, id: number): Promise<EventDetail | null> {
  const rows = await sql.query<EventDbRow>(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = $1`, [id]);
  if (!rows.length) return null;
  const r = rows[0];
  const rel = await loadRelated(sql, [id]);
  const sources = await sql.query<{
    document: string; name: string; title: string | null; outlet: string | null; url: string | null;
    published: string | null; story_id: number | null; story_index: number | null; confidence: number; rules: string[];
  }>(
    `SELECT d.id AS document, d.name, d.title, d.outlet, d.url, d.published, s.story_id, s.story_index, s.confidence, s.rules
     FROM event_sources s JOIN documents d ON d.id = s.document_id WHERE s.event_id = $1 ORDER BY s.added_at, d.id`,
    [id],
  );
  const merges = await sql.query<{ kept: number; merged: number | null; document_id: string | null; reason: string; at: Date }>(
    'SELECT kept, merged, document_id, reason, at FROM merges WHERE kept = $1 ORDER BY id',
    [id],
  );
  return {
    ...toEventRow(r, rel),
    rules: r.rules,
    cameo: r.cameo,
    fingerprint: r.fingerprint,
    sourcesDetail: sources.map((s) => ({
      document: s.document, name: s.name, title: s.title, outlet: s.outlet, url: s.url, published: s.published,
      storyId: s.story_id, storyIndex: s.story_index, confidence: Number(s.confidence), rules: s.rules,
    })),
    evidence: rel.evidence.get(id) ?? [],
    merges: merges.map((m) => ({
      kept: m.kept, merged: m.merged, document: m.document_id, reason: m.reason, at: new Date(m.at).toISOString(),
    })),
  };
}

/** Streams events in the scored export format, in id order, loading `batch` events at a time. */
export async function* exportEvents(sql: Sql, filter: EventFilter = {}, batch = 200): AsyncIterable<ExportRow> {
  const where = eventWhere(filter);
  const n = where.params.length;
  const cond = where.sql ? `${where.sql} AND e.id > $${n + 1}` : `WHERE e.id > $${n + 1}`;
  let after = 0;
  for (;;) {
    const rows = await sql.query<EventDbRow>(
      `SELECT ${EVENT_COLUMNS} FROM events e ${cond} ORDER BY e.id LIMIT $${n + 2}`,
      [...where.params, after, batch],
    );
    if (!rows.length) return;
    const rel = await loadRelated(sql, rows.map((r) => r.id));
    for (const r of rows) yield toExportRow(r, rel);
    after = rows[rows.length - 1].id;
    if (rows.length < batch) return;
  }
}

function toExportRow(r: EventDbRow, rel: Related): ExportRow {
  const row: ExportRow = {
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
  };
  if (r.rules.length) row.rules = r.rules;
  if (r.cameo) row.cameo = r.cameo;
  if (r.negated) row.negated = true;
  return row;
}

export async function stats(sql: Sql): Promise<StoreStats> {
  const [c] = await sql.query<Omit<StoreStats, 'byType' | 'byCountry' | 'duplicateStories'> & { story_sources: number }>(
    `SELECT (SELECT count(*)::int FROM documents) AS documents,
            (SELECT count(*)::int FROM stories) AS stories,
            (SELECT count(*)::int FROM story_sources) AS story_sources,
            (SELECT count(*)::int FROM sentences) AS sentences,
            (SELECT count(*)::int FROM mentions) AS mentions,
            (SELECT count(*)::int FROM events) AS events,
            (SELECT count(*)::int FROM event_sources) AS sources`,
  );
  const byType = await sql.query<{ type: string; events: number; sources: number }>(
    `SELECT e.type, count(*)::int AS events, sum((SELECT count(*) FROM event_sources s WHERE s.event_id = e.id))::int AS sources
     FROM events e GROUP BY e.type ORDER BY events DESC, e.type`,
  );
  const byCountry = await sql.query<{ country: string; events: number }>(
    `SELECT c AS country, count(*)::int AS events FROM events e, unnest(e.countries) AS c
     GROUP BY c ORDER BY events DESC, c`,
  );
  const { story_sources, ...counts } = c;
  return { ...counts, duplicateStories: story_sources - counts.stories, byType, byCountry };
}

export async function searchStories(sql: Sql, query: string, limit = 20): Promise<StoryHit[]> {
  if (!query.trim()) return [];
  const rows = await sql.query<{ id: number; headline: string | null; text: string; documents: string[]; rank: number }>(
    `SELECT st.id, st.headline, st.text, ts_rank(st.tsv, q) AS rank,
            ARRAY(SELECT d.name FROM story_sources s JOIN documents d ON d.id = s.document_id
                  WHERE s.story_id = st.id ORDER BY d.name) AS documents
     FROM stories st, plainto_tsquery('arabic', $1) AS q
     WHERE st.tsv @@ q ORDER BY rank DESC, st.id LIMIT $2`,
    [normalizeArabic(query), limit],
  );
  return rows.map((r) => ({ id: r.id, headline: r.headline, snippet: r.text.slice(0, 200), documents: r.documents, rank: Number(r.rank) }));
}
