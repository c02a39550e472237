import { normalizeArabic } from '../text/normalize.ts';
import { eventOrder, eventWhere } from './filter.ts';
import {
  loadRelated, selectEventPage, STORE_EVENT_COLUMNS, streamEvents, toEventRow, toScoredRow, type StoreEventDbRow,
} from './queries/rows.ts';
import type { Sql } from './sql.ts';
import type { EventDetail, EventFilter, EventPage, ExportRow, PageRequest, StoreStats, StoryHit } from './store.ts';

export async function listEvents(sql: Sql, filter: EventFilter = {}, page: PageRequest = {}): Promise<EventPage> {
  const limit = Math.max(0, Math.min(page.limit ?? 50, 1000));
  const offset = Math.max(0, page.offset ?? 0);
  const where = eventWhere(filter);
  const total = (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM events e ${where.sql}`, where.params))[0].n;
  const { rows, rel } = await selectEventPage<StoreEventDbRow>(sql, STORE_EVENT_COLUMNS, where, eventOrder(page.sort), limit, offset);
  return { total, rows: rows.map((r) => toEventRow(r, rel)), limit, offset };
}

export async function getEvent(sql: Sql, id: number): Promise<EventDetail | null> {
  const rows = await sql.query<StoreEventDbRow>(`SELECT ${STORE_EVENT_COLUMNS} FROM events e WHERE e.id = $1`, [id]);
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
  yield* streamEvents<StoreEventDbRow, ExportRow>(sql, STORE_EVENT_COLUMNS, eventWhere(filter), batch, (r, rel) => toScoredRow(r, rel, {}));
}

export async function stats(sql: Sql): Promise<StoreStats> {
  const [c] = await sql.query<Omit<StoreStats, 'byType' | 'byCountry' | 'duplicateStories'> & { story_sources: number }>(
    `SELECT (SELECT count(*)::int FROM documents) AS documents,
            (SELECT count(*)::int FROM stories) AS stories,
            (SELECT count(*)::int FROM story_sources) AS story_sources,
            (SELECT coalesce(sum(sentence_count), 0)::int FROM documents) AS sentences,
            (SELECT coalesce(sum(mention_count), 0)::int FROM documents) AS mentions,
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
    `SELECT st.id, st.headline, st.text, ts_rank(to_tsvector('arabic', st.norm), q) AS rank,
            ARRAY(SELECT d.name FROM story_sources s JOIN documents d ON d.id = s.document_id
                  WHERE s.story_id = st.id ORDER BY d.name) AS documents
     FROM stories st, plainto_tsquery('arabic', $1) AS q
     WHERE to_tsvector('arabic', st.norm) @@ q ORDER BY rank DESC, st.id LIMIT $2`,
    [normalizeArabic(query), limit],
  );
  return rows.map((r) => ({ id: r.id, headline: r.headline, snippet: r.text.slice(0, 200), documents: r.documents, rank: Number(r.rank) }));
}
