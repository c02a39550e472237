import { normalizeArabic } from '../text/normalize.ts';
import type { EventFilter, EventSort } from './store.ts';

/** A WHERE clause over `events e` with its parameters, numbered from $1. */
export interface Where {
  sql: string;
  params: unknown[];
}

/**
 * Events whose evidence or story text matches `tsquery` (SQL). The vectors are the expressions
 * of the GIN indexes of 007_write_speed.sql, so that the indexes serve the search; IN (... UNION
 * ...) lets both indexes drive it instead of a per-event subplan.
 */
export function eventsMatchingText(tsquery: string): string {
  return `e.id IN (SELECT v.event_id FROM event_evidence v WHERE to_tsvector('arabic', v.norm) @@ ${tsquery}
      UNION SELECT s.event_id FROM stories st JOIN event_sources s ON s.story_id = st.id WHERE to_tsvector('arabic', st.norm) @@ ${tsquery})`;
}

const ISO3 = /^[A-Z]{3}$/;
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Builds the WHERE clause of an event filter; throws on malformed values, naming the field. */
export function eventWhere(filter: EventFilter = {}): Where {
  const parts: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (filter.country !== undefined) {
    if (!ISO3.test(filter.country)) throw new Error(`filter.country: expected ISO 3166-1 alpha-3, got "${filter.country}"`);
    const c = p(filter.country);
    parts.push(`(${c} = ANY(e.countries) OR EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND a.country = ${c}))`);
  }
  if (filter.dyad !== undefined) {
    if (filter.dyad.length !== 2 || filter.dyad.some((x) => !x)) throw new Error('filter.dyad: expected two parties');
    for (const party of filter.dyad) {
      const x = p(party);
      parts.push(`(${x} = ANY(e.countries) OR ${x} = ANY(e.organizations))`);
    }
  }
  if (filter.type !== undefined) parts.push(`e.type = ${p(filter.type)}`);
  if (filter.action !== undefined) parts.push(`e.action = ${p(filter.action)}`);
  if (filter.context !== undefined) parts.push(`${p(filter.context)} = ANY(e.contexts)`);
  for (const [key, op] of [['since', '>='], ['until', '<=']] as const) {
    const v = filter[key];
    if (v === undefined) continue;
    if (!ISO_DATE.test(v)) throw new Error(`filter.${key}: expected an ISO date (YYYY-MM-DD), got "${v}"`);
    // until 2024-05 includes every day of May: compare on the prefix of the same length
    if (op === '<=') parts.push(`substr(e.day, 1, ${v.length}) <= ${p(v)}`);
    else parts.push(`e.day >= ${p(v)}`);
  }
  if (filter.actor !== undefined && filter.actor.trim()) {
    const n = p(normalizeArabic(filter.actor.trim()));
    parts.push(`EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND strpos(a.norm, ${n}) > 0)`);
  }
  if (filter.search !== undefined && filter.search.trim()) {
    parts.push(eventsMatchingText(`plainto_tsquery('arabic', ${p(normalizeArabic(filter.search))})`));
  }
  if (filter.document !== undefined) {
    const d = p(filter.document);
    parts.push(`e.id IN (SELECT s.event_id FROM event_sources s JOIN documents d ON d.id = s.document_id
                WHERE d.id = ${d} OR d.name = ${d})`);
  }
  if (filter.minSources !== undefined) {
    parts.push(`(SELECT count(*) FROM event_sources s WHERE s.event_id = e.id) >= ${p(filter.minSources)}`);
  }
  if (filter.negated !== undefined) parts.push(`e.negated = ${p(filter.negated)}`);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const SORTS: Record<EventSort, string> = {
  date: 'e.day ASC NULLS LAST, e.id ASC',
  '-date': 'e.day DESC NULLS LAST, e.id DESC',
  sources: 'source_count ASC, e.id ASC',
  '-sources': 'source_count DESC, e.id DESC',
  confidence: 'e.confidence ASC, e.id ASC',
  '-confidence': 'e.confidence DESC, e.id DESC',
  id: 'e.id ASC',
  '-id': 'e.id DESC',
};

export function eventOrder(sort: EventSort = '-date'): string {
  const o = SORTS[sort];
  if (!o) throw new Error(`page.sort: unknown sort "${sort}" (one of ${Object.keys(SORTS).join(', ')})`);
  return o;
}
