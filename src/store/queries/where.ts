/**
 * WHERE clause of the API's event queries: the semantics of the store's `eventWhere` (filter.ts)
 * written so that the indexes of migration 004 drive them (country and dyad as array
 * containment on GIN expression indexes, date bounds as plain range comparisons), plus the API's
 * extra filters (place, minimum confidence, review state).
 */
import { normalizeArabic } from '../../text/normalize.ts';
import { eventsMatchingText, type Where } from '../filter.ts';
import type { EventQuery } from './types.ts';

const ISO3 = /^[A-Z]{3}$/;
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** First value after every date starting with `prefix` (`2025-05` → `2025-06`, `2025-12` → `2026`). */
export function nextPrefix(prefix: string): string {
  const [y, m, d] = prefix.split('-').map(Number);
  if (d !== undefined) {
    const next = new Date(Date.UTC(y, m - 1, d + 1));
    return next.toISOString().slice(0, 10);
  }
  if (m !== undefined) return m >= 12 ? String(y + 1) : `${y}-${String(m + 1).padStart(2, '0')}`;
  return String(y + 1);
}

/**
 * Spellings of a query word that PostgreSQL's Arabic stemmer reduces differently from the word
 * itself: with and without the article, and with the conjunctions و / ف attached (the stemmer
 * strips بال، لل، كال but keeps وال، فال, and strips و from some words but not others).
 */
export function arabicVariants(word: string): string[] {
  if (!/[\u0621-\u064A]/.test(word) || word.length < 2) return [word];
  const bases = new Set([word]);
  if (word.startsWith('ال') && word.length > 3) bases.add(word.slice(2));
  else if (!/^[وف]?ال/.test(word)) bases.add(`ال${word}`);
  const out = new Set<string>();
  for (const b of bases) for (const prefix of ['', 'و', 'ف']) out.add(prefix + b);
  return [...out];
}

/** tsquery of a search: every word (in any of its spellings) must match. */
export function ftsQuery(search: string, p: (v: unknown) => string): string {
  const words = normalizeArabic(search)
    .split(/[\s\p{P}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  if (!words.length) return `plainto_tsquery('arabic', ${p(search)})`;
  const terms = words.map((w) => `(${arabicVariants(w).map((v) => `plainto_tsquery('arabic', ${p(v)})`).join(' || ')})`);
  return `(${terms.join(' && ')})`;
}

export function apiEventWhere(q: EventQuery = {}, firstParam = 1): Where {
  const parts: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length + firstParam - 1}`;
  };
  if (q.country !== undefined) {
    if (!ISO3.test(q.country)) throw new Error(`filter.country: expected ISO 3166-1 alpha-3, got "${q.country}"`);
    parts.push(`(e.countries || e.actor_countries) @> ARRAY[${p(q.country)}]::text[]`);
  }
  if (q.dyad !== undefined) {
    if (q.dyad.length !== 2 || q.dyad.some((x) => !x)) throw new Error('filter.dyad: expected two parties');
    parts.push(`(e.countries || e.organizations) @> ${p([...q.dyad])}::text[]`);
  }
  if (q.type !== undefined) parts.push(`e.type = ${p(q.type)}`);
  if (q.action !== undefined) parts.push(`e.action = ${p(q.action)}`);
  if (q.context !== undefined) parts.push(`e.contexts @> ARRAY[${p(q.context)}]::text[]`);
  if (q.since !== undefined) {
    if (!ISO_DATE.test(q.since)) throw new Error(`filter.since: expected an ISO date (YYYY-MM-DD), got "${q.since}"`);
    parts.push(`e.day >= ${p(q.since)}`);
  }
  if (q.until !== undefined) {
    if (!ISO_DATE.test(q.until)) throw new Error(`filter.until: expected an ISO date (YYYY-MM-DD), got "${q.until}"`);
    // until 2024-05 includes every day of May
    parts.push(`e.day < ${p(nextPrefix(q.until))}`);
  }
  if (q.actor !== undefined && q.actor.trim()) {
    const a = q.actor.trim();
    if (/^[a-z]{2,5}:/.test(a)) parts.push(`e.id IN (SELECT a.event_id FROM event_actors a WHERE a.entity = ${p(a)})`);
    else {
      // every word of the name, as a word prefix, in one actor's name (indexed), then the exact run
      const norm = normalizeArabic(a);
      const words = norm.split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
      const prefix = words.length ? `to_tsvector('simple', a.norm) @@ to_tsquery('simple', ${p(words.map((w) => `${w}:*`).join(' & '))}) AND ` : '';
      parts.push(`e.id IN (SELECT a.event_id FROM event_actors a WHERE ${prefix}strpos(a.norm, ${p(norm)}) > 0)`);
    }
  }
  if (q.search !== undefined && q.search.trim()) {
    parts.push(eventsMatchingText(ftsQuery(q.search, p)));
  }
  if (q.document !== undefined) {
    const d = p(q.document);
    parts.push(`e.id IN (SELECT s.event_id FROM event_sources s JOIN documents d ON d.id = s.document_id
                WHERE d.id = ${d} OR d.name = ${d})`);
  }
  if (q.minSources !== undefined) {
    parts.push(`(SELECT count(*) FROM event_sources s WHERE s.event_id = e.id) >= ${p(q.minSources)}`);
  }
  if (q.negated !== undefined) parts.push(`e.negated = ${p(q.negated)}`);
  if (q.place !== undefined && q.place.trim()) parts.push(`rasid_norm(e.location_name) = ${p(normalizeArabic(q.place.trim()))}`);
  if (q.minConfidence !== undefined) parts.push(`e.confidence >= ${p(q.minConfidence)}`);
  if (q.review !== undefined) {
    if (q.review === 'unreviewed') parts.push('e.review IS NULL');
    else parts.push(`e.review = ${p(q.review)}`);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
