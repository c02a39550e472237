/** Actors for the API: search by name or alias (Arabic-normalized), and profiles with their events. */
import { normalizeArabic } from '../../text/normalize.ts';
import type { Sql } from '../sql.ts';
import { listApiEvents } from './events.ts';
import type { ActorFilter, ActorItem, ActorProfile } from './types.ts';

/** An `actors` row with its event count; aliases and roles are JSON as stored (see `aliasNames`). */
export interface ActorDbRow {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  aliases: unknown;
  roles: unknown;
  discovered: boolean;
  events: number;
}

const COLUMNS = `a.id, a.name, a.kind, a.country, a.aliases, a.roles, a.discovered,
  (SELECT count(DISTINCT x.event_id)::int FROM event_actors x WHERE x.entity = a.id) AS events`;

/** Kinds asked for → kinds stored (the registry says state/institution/igo, extraction country/organization). */
export const KIND_GROUPS: Record<string, string[]> = {
  person: ['person'],
  institution: ['institution', 'organization'],
  organization: ['institution', 'igo', 'organization'],
  igo: ['igo'],
  state: ['state', 'country'],
  country: ['state', 'country'],
};

/** Aliases are stored as strings or as objects with a name. */
export function aliasNames(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v
    .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' && 'name' in a ? String((a as { name: unknown }).name) : ''))
    .filter(Boolean);
}

function toItem(r: ActorDbRow): ActorItem {
  return {
    id: r.id, name: r.name, kind: r.kind, country: r.country, aliases: aliasNames(r.aliases),
    discovered: r.discovered, events: r.events,
  };
}

export async function listActors(sql: Sql, filter: ActorFilter = {}, page: { limit?: number; offset?: number } = {}) {
  const limit = Math.max(0, Math.min(page.limit ?? 50, 500));
  const offset = Math.max(0, page.offset ?? 0);
  const parts: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (filter.q?.trim()) {
    const n = p(normalizeArabic(filter.q.trim()).toLowerCase());
    parts.push(`strpos(a.search_norm, ${n}) > 0`);
  }
  if (filter.kind) parts.push(`a.kind = ANY(${p(KIND_GROUPS[filter.kind] ?? [filter.kind])}::text[])`);
  if (filter.country) parts.push(`a.country = ${p(filter.country)}`);
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const [{ n: total }] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM actors a ${where}`, params);
  const k = params.length;
  // exact name matches first, then the most reported actors
  const first = filter.q?.trim() ? `(rasid_norm(a.name) = $1) DESC, ` : '';
  const rows = await sql.query<ActorDbRow>(
    `SELECT * FROM (SELECT ${COLUMNS} FROM actors a ${where}) a ORDER BY ${first}a.events DESC, a.name, a.id LIMIT $${k + 1} OFFSET $${k + 2}`,
    [...params, limit, offset],
  );
  return { total, limit, offset, items: rows.map(toItem) };
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v ? v : null;
}

export async function getActor(sql: Sql, id: string, page: { limit?: number } = {}): Promise<ActorProfile | null> {
  const rows = await sql.query<ActorDbRow>(`SELECT ${COLUMNS} FROM actors a WHERE a.id = $1`, [id]);
  if (!rows.length) return null;
  const r = rows[0];
  const roles = (Array.isArray(r.roles) ? r.roles : []).map((x) => {
    const o = (x ?? {}) as Record<string, unknown>;
    return {
      office: str(o.office) ?? str(o.title), institution: str(o.institution) ?? str(o.org), country: str(o.country),
      from: str(o.from), to: str(o.to),
    };
  });
  const events = await listApiEvents(sql, { actor: id }, { limit: page.limit ?? 50, sort: '-date', countLimit: 0 });
  return { ...toItem(r), roles, eventsList: events.items };
}
