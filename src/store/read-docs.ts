import type { Sql } from './sql.ts';
import type { DocumentPage, DocumentRow, StoredDocument } from './store.ts';

/** A `documents` row: the columns DocumentRow names alike, the rest in the database's names. */
interface DocDbRow
  extends Pick<DocumentRow, 'id' | 'name' | 'origin' | 'format' | 'encoding' | 'url' | 'title' | 'outlet' | 'published' | 'lang'> {
  raw_hash: string;
  ingested_at: Date;
  run_id: number | null;
  stories: number;
  events: number;
}

/** A sentence as documents.sentences keeps it (migration 008). */
export interface SentenceJson {
  story: number;
  start: number;
  end: number;
}

/** A mention as documents.mentions keeps it (migration 008): absent values are left out; `title` is the index of the title mention. */
export interface MentionJson {
  start: number; end: number; type: string; norm: string; source: string; confidence: number;
  country?: string; org?: string; actor?: string; title?: number;
}

const DOC_COLUMNS = `d.id, d.name, d.origin, d.format, d.encoding, d.url, d.title, d.outlet, d.published, d.lang, d.raw_hash,
  d.ingested_at, d.run_id,
  (SELECT count(*)::int FROM story_sources s WHERE s.document_id = d.id) AS stories,
  (SELECT count(*)::int FROM event_sources s WHERE s.document_id = d.id) AS events`;

function toRow(r: DocDbRow): DocumentRow {
  return {
    id: r.id, name: r.name, origin: r.origin, format: r.format, encoding: r.encoding, url: r.url, title: r.title,
    outlet: r.outlet, published: r.published, lang: r.lang, rawHash: r.raw_hash,
    ingestedAt: new Date(r.ingested_at).toISOString(), runId: r.run_id, storyCount: r.stories, eventCount: r.events,
  };
}

/** Documents, newest publication first (then id), with their story and event-report counts. */
export async function listDocuments(sql: Sql, page: { limit?: number; offset?: number } = {}): Promise<DocumentPage> {
  const limit = Math.max(0, Math.min(page.limit ?? 50, 1000));
  const offset = Math.max(0, page.offset ?? 0);
  const total = (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM documents'))[0].n;
  const rows = await sql.query<DocDbRow>(
    `SELECT ${DOC_COLUMNS} FROM documents d ORDER BY d.published DESC NULLS LAST, d.id LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  return { total, rows: rows.map(toRow), limit, offset };
}

/** One document with its text and every stored span (for highlighting evidence in the source). */
export async function getDocument(sql: Sql, id: string): Promise<StoredDocument | null> {
  const rows = await sql.query<DocDbRow & { text: string; furniture: StoredDocument['furniture']; warnings: string[]; sentences: SentenceJson[]; mentions: MentionJson[] }>(
    `SELECT ${DOC_COLUMNS}, d.text, d.furniture, d.warnings, d.sentences, d.mentions FROM documents d WHERE d.id = $1 OR d.name = $1
     ORDER BY (d.id = $1) DESC LIMIT 1`,
    [id],
  );
  if (!rows.length) return null;
  const r = rows[0];
  const docId = r.id;
  const stories = await sql.query<{ index: number; story_id: number; start: number; end: number; headline: string | null; shared: number }>(
    `SELECT s.story_index AS index, s.story_id, s.start_offset AS start, s.end_offset AS "end", st.headline,
            (SELECT count(*)::int FROM story_sources o WHERE o.story_id = s.story_id AND o.document_id <> s.document_id) AS shared
     FROM story_sources s JOIN stories st ON st.id = s.story_id WHERE s.document_id = $1 ORDER BY s.story_index`,
    [docId],
  );
  const evidence = await sql.query<{ event_id: number; event: string; action: string; start: number; end: number }>(
    `SELECT v.event_id, e.type AS event, e.action, v.start_offset AS start, v.end_offset AS "end"
     FROM event_evidence v JOIN events e ON e.id = v.event_id WHERE v.document_id = $1 ORDER BY v.start_offset, v.event_id`,
    [docId],
  );
  const events = new Map<number, StoredDocument['events'][number]>();
  for (const v of evidence) {
    const e = events.get(v.event_id) ?? { id: v.event_id, event: v.event, action: v.action, evidence: [] };
    e.evidence.push({ start: v.start, end: v.end });
    events.set(v.event_id, e);
  }
  return {
    ...toRow(r),
    text: r.text,
    furniture: r.furniture,
    warnings: r.warnings,
    stories: stories.map((s) => ({
      index: s.index, storyId: s.story_id, start: s.start, end: s.end, headline: s.headline, otherSources: s.shared,
    })),
    sentences: r.sentences.map((x) => ({ story: x.story, start: x.start, end: x.end })),
    mentions: r.mentions.map((m) => ({
      start: m.start, end: m.end, type: m.type, norm: m.norm, source: m.source, confidence: Number(m.confidence),
      country: m.country ?? null, org: m.org ?? null, actor: m.actor ?? null,
    })),
    events: [...events.values()],
  };
}
