/**
 * Actor records in the store: listing with event counts, one actor with the events it takes part
 * in, and what src/app/actors.ts needs to keep the `actors` table in step with the registry and
 * with the persons the documents name (resolved mentions, per:disc-... ids included).
 * Also the story datelines that `rasid trace` shows.
 */
import { normalizeArabic } from '../text/normalize.ts';
import { aliasNames, KIND_GROUPS, type ActorDbRow } from './queries/actors.ts';
import type { MentionJson } from './read-docs.ts';
import type { Sql } from './sql.ts';
import type { ActorRecord } from './store.ts';

export interface ActorQuery {
  /** Substring of the name or an alias (compared after Arabic normalization), or an exact id. */
  search?: string;
  /** person, institution, igo, state; `organization` means institution or igo, `country` means state. */
  kind?: string;
  /** ISO 3166-1 alpha-3. */
  country?: string;
  discovered?: boolean;
  limit?: number;
  offset?: number;
}

export interface ActorListing {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  aliases: string[];
  roles: unknown[];
  discovered: boolean;
  /** Events naming the actor (event_actors.entity). */
  events: number;
}

export interface ActorPage {
  total: number;
  rows: ActorListing[];
  limit: number;
  offset: number;
}

export interface ActorEvent {
  id: number;
  event: string;
  action: string;
  date: string | null;
  /** The event date, else the first source's publication date. */
  day: string | null;
  countries: string[];
  organizations: string[];
  /** The actor's side and title in this event. */
  side: string;
  title: string | null;
  /** The other actors of the event. */
  with: Array<{ name: string; entity: string | null; side: string }>;
  sources: string[];
}

export interface ActorDetail extends ActorListing {
  eventsList: ActorEvent[];
}

/** A resolved mention of a document, as src/app/actors.ts needs it. */
export interface ActorMention {
  actor: string;
  type: string;
  /** The mention's words. */
  name: string;
  /** Words of the linked title mention, when any. */
  title: string | null;
  country: string | null;
  org: string | null;
  /** The story's dateline date, else the document's publication day. */
  date: string | null;
}

export interface ActorDocument {
  id: string;
  /** Export name (file base name or JSON Lines id). */
  name: string;
  rawHash: string;
  mentions: ActorMention[];
}

export interface StoryInfo {
  id: number;
  headline: string | null;
  datelinePlace: string | null;
  datelineDate: string | null;
  datelineAgency: string | null;
}

export interface ActorStore {
  list(query?: ActorQuery): Promise<ActorPage>;
  /** The actor with the events it takes part in (newest first, at most `limit`); null when absent. */
  get(id: string, opts?: { limit?: number }): Promise<ActorDetail | null>;
  /** Stored records of these ids (absent ids are left out). */
  records(ids: string[]): Promise<ActorRecord[]>;
  /** Documents (at most `limit`) whose persons were not recorded yet, with their resolved mentions. */
  pendingDocuments(limit?: number): Promise<ActorDocument[]>;
  markDocuments(docs: Array<{ id: string; rawHash: string }>): Promise<void>;
  getState(key: string): Promise<string | null>;
  setState(key: string, value: string): Promise<void>;
}

function toListing(r: ActorDbRow): ActorListing {
  return {
    id: r.id, name: r.name, kind: r.kind, country: r.country, aliases: aliasNames(r.aliases),
    roles: Array.isArray(r.roles) ? r.roles : [], discovered: r.discovered, events: r.events ?? 0,
  };
}

const ACTOR_SELECT = `SELECT a.id, a.name, a.kind, a.country, a.aliases, a.roles, a.discovered, coalesce(c.n, 0)::int AS events
  FROM actors a LEFT JOIN (SELECT entity, count(DISTINCT event_id)::int AS n FROM event_actors
                           WHERE entity IS NOT NULL GROUP BY entity) c ON c.entity = a.id`;

export async function listActorRows(sql: Sql, q: ActorQuery = {}): Promise<ActorPage> {
  const limit = Math.max(0, Math.min(q.limit ?? 50, 10000));
  const offset = Math.max(0, q.offset ?? 0);
  const parts: string[] = [];
  const params: unknown[] = [];
  if (q.kind !== undefined) {
    const kinds = KIND_GROUPS[q.kind];
    if (!kinds) throw new Error(`actors: kind must be one of ${Object.keys(KIND_GROUPS).join(', ')}, not "${q.kind}"`);
    params.push(kinds);
    parts.push(`a.kind = ANY($${params.length}::text[])`);
  }
  if (q.country !== undefined) {
    if (!/^[A-Z]{3}$/.test(q.country)) throw new Error(`actors: country must be an ISO 3166-1 alpha-3 code, not "${q.country}"`);
    params.push(q.country);
    parts.push(`a.country = $${params.length}`);
  }
  if (q.discovered !== undefined) {
    params.push(q.discovered);
    parts.push(`a.discovered = $${params.length}`);
  }
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const rows = (await sql.query<ActorDbRow>(`${ACTOR_SELECT} ${where} ORDER BY events DESC, a.name, a.id`, params)).map(toListing);
  // names are matched after Arabic normalization, which SQL does not do: filter here
  const needle = q.search?.trim() ? normalizeArabic(q.search.trim()).toLowerCase() : '';
  const hits = needle
    ? rows.filter((r) => r.id.toLowerCase() === needle || [r.name, ...r.aliases].some((n) => normalizeArabic(n).toLowerCase().includes(needle)))
    : rows;
  if (needle) {
    // exact name or alias first
    const exact = (r: ActorListing) => [r.name, ...r.aliases].some((n) => normalizeArabic(n).toLowerCase() === needle) || r.id.toLowerCase() === needle;
    hits.sort((a, b) => Number(exact(b)) - Number(exact(a)));
  }
  return { total: hits.length, rows: hits.slice(offset, offset + limit), limit, offset };
}

export async function getActorDetail(sql: Sql, id: string, opts: { limit?: number } = {}): Promise<ActorDetail | null> {
  const rows = await sql.query<ActorDbRow>(`${ACTOR_SELECT} WHERE a.id = $1`, [id]);
  if (!rows.length) return null;
  const limit = Math.max(1, Math.min(opts.limit ?? 100, 10000));
  const events = await sql.query<{
    id: number; type: string; action: string; date: string | null; day: string | null; countries: string[]; organizations: string[];
    side: string; title: string | null; others: Array<{ name: string; entity: string | null; side: string }> | null; sources: string[];
  }>(
    `SELECT e.id, e.type, e.action, e.date, e.day, e.countries, e.organizations, x.side, x.title,
            (SELECT jsonb_agg(jsonb_build_object('name', o.name, 'entity', o.entity, 'side', o.side) ORDER BY o.idx)
               FROM event_actors o WHERE o.event_id = e.id AND o.entity IS DISTINCT FROM $1) AS others,
            ARRAY(SELECT d.name FROM event_sources s JOIN documents d ON d.id = s.document_id
                  WHERE s.event_id = e.id ORDER BY s.added_at, d.name) AS sources
     FROM events e
     JOIN LATERAL (SELECT a.side, a.title FROM event_actors a WHERE a.event_id = e.id AND a.entity = $1 ORDER BY a.idx LIMIT 1) x ON true
     ORDER BY e.day DESC NULLS LAST, e.id DESC LIMIT $2`,
    [id, limit],
  );
  return {
    ...toListing(rows[0]),
    eventsList: events.map((e) => ({
      id: e.id, event: e.type, action: e.action, date: e.date, day: e.day, countries: e.countries, organizations: e.organizations,
      side: e.side, title: e.title, with: e.others ?? [], sources: [...new Set(e.sources)],
    })),
  };
}

async function actorRecords(sql: Sql, ids: string[]): Promise<ActorRecord[]> {
  if (!ids.length) return [];
  const rows = await sql.query<ActorDbRow>(
    'SELECT id, name, kind, country, aliases, roles, discovered, 0 AS events FROM actors WHERE id = ANY($1::text[]) ORDER BY id',
    [ids],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, country: r.country, aliases: aliasNames(r.aliases), roles: Array.isArray(r.roles) ? r.roles : [], discovered: r.discovered }));
}

async function pendingDocuments(sql: Sql, limit = 200): Promise<ActorDocument[]> {
  const docs = await sql.query<{ id: string; name: string; raw_hash: string; published: string | null; text: string; mentions: MentionJson[] }>(
    `SELECT d.id, d.name, d.raw_hash, d.published, d.text, d.mentions FROM documents d
     WHERE NOT EXISTS (SELECT 1 FROM actor_documents a WHERE a.document_id = d.id AND a.raw_hash = d.raw_hash)
     ORDER BY d.id LIMIT $1`,
    [limit],
  );
  if (!docs.length) return [];
  const stories = await sql.query<{ document_id: string; s: number; e: number; dateline: string | null }>(
    `SELECT ss.document_id, ss.start_offset AS s, ss.end_offset AS e, st.dateline_date AS dateline
     FROM story_sources ss JOIN stories st ON st.id = ss.story_id
     WHERE ss.document_id = ANY($1::text[]) ORDER BY ss.document_id, ss.start_offset DESC`,
    [docs.map((d) => d.id)],
  );
  return docs.map((d) => {
    const own = stories.filter((st) => st.document_id === d.id);
    const mentions: ActorMention[] = [];
    for (const m of d.mentions) {
      if (m.actor == null) continue;
      const title = m.title != null ? d.mentions[m.title] : undefined;
      // the story that holds the mention (the one starting last, when stories nest)
      const story = own.find((st) => m.start >= st.s && m.start < st.e);
      mentions.push({
        actor: m.actor, type: m.type, name: d.text.slice(m.start, m.end), title: title ? d.text.slice(title.start, title.end) : null,
        country: m.country ?? null, org: m.org ?? null, date: story?.dateline ?? d.published?.slice(0, 10) ?? null,
      });
    }
    return { id: d.id, name: d.name, rawHash: d.raw_hash, mentions };
  });
}

export async function getStories(sql: Sql, ids: number[]): Promise<StoryInfo[]> {
  if (!ids.length) return [];
  const rows = await sql.query<{ id: number; headline: string | null; dateline_place: string | null; dateline_date: string | null; dateline_agency: string | null }>(
    'SELECT id, headline, dateline_place, dateline_date, dateline_agency FROM stories WHERE id = ANY($1::int[]) ORDER BY id',
    [ids],
  );
  return rows.map((r) => ({ id: r.id, headline: r.headline, datelinePlace: r.dateline_place, datelineDate: r.dateline_date, datelineAgency: r.dateline_agency }));
}

export function createActorStore(sql: Sql): ActorStore {
  return {
    list: (q) => listActorRows(sql, q),
    get: (id, opts) => getActorDetail(sql, id, opts),
    records: (ids) => actorRecords(sql, ids),
    pendingDocuments: (limit) => pendingDocuments(sql, limit),
    async markDocuments(docs) {
      if (!docs.length) return;
      await sql.query(
        `INSERT INTO actor_documents (document_id, raw_hash)
         SELECT r.id, r.raw_hash FROM jsonb_to_recordset($1::jsonb) AS r(id text, raw_hash text)
         WHERE EXISTS (SELECT 1 FROM documents d WHERE d.id = r.id)
         ON CONFLICT (document_id) DO UPDATE SET raw_hash = EXCLUDED.raw_hash, synced_at = now()`,
        [JSON.stringify(docs.map((d) => ({ id: d.id, raw_hash: d.rawHash })))],
      );
    },
    async getState(key) {
      const rows = await sql.query<{ value: string }>('SELECT value FROM actor_state WHERE key = $1', [key]);
      return rows[0]?.value ?? null;
    },
    async setState(key, value) {
      await sql.query(
        'INSERT INTO actor_state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, at = now()',
        [key, value],
      );
    },
  };
}
