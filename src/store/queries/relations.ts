/** Summaries for the dashboard: a country's relations (partners, types, timeline, actors) and dyads. */
import type { Sql } from '../sql.ts';
import { listApiEvents } from './events.ts';
import type { Counts, CountryRelations, DateRange, DyadView } from './types.ts';
import { apiEventWhere } from './where.ts';

const ISO3 = /^[A-Z]{3}$/;

function add(into: Counts, key: string, n: number): void {
  into[key] = (into[key] ?? 0) + n;
}

function timelineOf(rows: Array<{ month: string | null; type: string; n: number }>): Array<{ month: string; byType: Counts }> {
  const months = new Map<string, Counts>();
  for (const r of rows) {
    if (!r.month) continue;
    const m = months.get(r.month) ?? {};
    add(m, r.type, r.n);
    months.set(r.month, m);
  }
  return [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, byType]) => ({ month, byType }));
}

/** Months covered by a date range, as bounds on YYYY-MM (summaries are kept per month). */
export function monthBounds(range: DateRange): { from: string | null; to: string | null } {
  return { from: range.since ? range.since.slice(0, 7) : null, to: range.until ? range.until.slice(0, 7) : null };
}

/** ` AND month ...` bounds of a range over the month rows of country_facts, pushing its parameters. */
function monthCondition(range: DateRange, params: unknown[]): string {
  const { from, to } = monthBounds(range);
  let cond = " AND month NOT LIKE 'Y%'";
  // a year-only bound (2025) covers its months: 2025 <= 2025-03 < 2025-99
  if (from) cond += ` AND month >= $${params.push(from)}`;
  if (to) cond += ` AND month <= $${params.push(to.length === 4 ? `${to}-99` : to)}`;
  if (!from && !to) cond += " AND month <> ''";
  return cond;
}

/**
 * Month ranges of country_facts rows that cover a date range exactly once: the yearly rows
 * ('Y2025') of the years wholly inside it, the month rows of the partial years at its edges, and
 * (no range) the events without a day (month '').
 */
export function coverRanges(range: DateRange): Array<[string, string]> {
  const { from, to } = monthBounds(range);
  const year = (y: number) => String(y).padStart(4, '0');
  const firstYear = !from ? 0 : from.length === 4 || from.endsWith('-01') ? +from.slice(0, 4) : +from.slice(0, 4) + 1;
  const lastYear = !to ? 9999 : to.length === 4 || to.endsWith('-12') ? +to.slice(0, 4) : +to.slice(0, 4) - 1;
  const out: Array<[string, string]> = [];
  if (firstYear <= lastYear) out.push([`Y${year(firstYear)}`, `Y${year(lastYear)}`]);
  const end = to ? (to.length === 4 ? `${to}-99` : to) : null;
  if (from && firstYear > +from.slice(0, 4)) {
    // partial first year: from its start month to its end (or to `to` in the same year)
    const last = end && end.slice(0, 4) === from.slice(0, 4) ? end : `${from.slice(0, 4)}-99`;
    out.push([from, last]);
  }
  if (end && lastYear < +end.slice(0, 4) && !(from && from.slice(0, 4) === end.slice(0, 4) && firstYear > +from.slice(0, 4))) {
    out.push([`${end.slice(0, 4)}-01`, end]);
  }
  if (!from && !to) out.push(['', '']);
  return out;
}

/** country_facts rows of the country in $1, dimensions `dims`, covering `range` once (an index range scan each). */
function coveredFacts(range: DateRange, dims: string[], params: unknown[]): string {
  const c = '$1::text';
  const d = `$${params.push(dims)}::text[]`;
  const parts = coverRanges(range).map(([a, b]) =>
    `SELECT dim, key, key2, n, last_day FROM country_facts WHERE country = ${c} AND dim = ANY(${d})
     AND month BETWEEN $${params.push(a)} AND $${params.push(b)}`);
  return parts.length ? parts.join(' UNION ALL ') : `SELECT dim, key, key2, n, last_day FROM country_facts WHERE false`;
}

/**
 * A country's relations, read from the monthly summaries of migration 006 (refreshed first when
 * events changed). `since`/`until` select whole months; with a range, events without a day are
 * left out.
 */
export async function countryRelations(sql: Sql, country: string, range: DateRange = {}): Promise<CountryRelations> {
  if (!ISO3.test(country)) throw new Error(`country: expected ISO 3166-1 alpha-3, got "${country}"`);
  await sql.query('SELECT rasid_refresh_country_facts()');
  const params: unknown[] = [country];
  const covered = coveredFacts(range, ['type', 'context', 'country', 'org'], params);
  const months = monthCondition(range, params);
  // totals per key over the range, and the type timeline per month
  const rows = await sql.query<{ dim: string; month: string; key: string; key2: string; n: number; last: string | null }>(
    `SELECT dim, '' AS month, key, key2, sum(n)::int AS n, max(last_day) AS last FROM (${covered}) f GROUP BY dim, key, key2
     UNION ALL
     SELECT 'timeline', month, key, '', sum(n)::int, NULL FROM country_facts
     WHERE country = $1 AND dim = 'type' AND length(month) = 7${months} GROUP BY month, key`,
    params,
  );
  const out: CountryRelations = {
    country, events: 0, partners: [], byType: {}, byAction: {}, byContext: {}, timeline: [], topActors: [],
  };
  const partners = new Map<string, CountryRelations['partners'][number]>();
  const timeline: Array<{ month: string | null; type: string; n: number }> = [];
  for (const r of rows) {
    if (r.dim === 'type') {
      out.events += r.n;
      add(out.byType, r.key, r.n);
      add(out.byAction, r.key2, r.n);
    } else if (r.dim === 'timeline') timeline.push({ month: r.month, type: r.key, n: r.n });
    else if (r.dim === 'context') add(out.byContext, r.key, r.n);
    else if (r.dim === 'country' || r.dim === 'org') {
      const kind = r.dim === 'country' ? 'country' : 'organization';
      const key = `${kind}:${r.key}`;
      const p = partners.get(key) ?? { party: r.key, kind, events: 0, byType: {}, lastDate: null };
      p.events += r.n;
      add(p.byType, r.key2, r.n);
      if (r.last && (!p.lastDate || r.last > p.lastDate)) p.lastDate = r.last;
      partners.set(key, p);
    }
  }
  out.partners = [...partners.values()].sort((a, b) => b.events - a.events || a.party.localeCompare(b.party));
  out.timeline = timelineOf(timeline);
  const actorParams: unknown[] = [country];
  const actorFacts = coveredFacts(range, ['actor'], actorParams);
  out.topActors = await sql.query<{ id: string; name: string; events: number }>(
    `SELECT t.key AS id, coalesce(ac.name, (SELECT x.name FROM event_actors x WHERE x.entity = t.key LIMIT 1), t.key) AS name,
            t.n AS events
     FROM (SELECT key, sum(n)::int AS n FROM (${actorFacts}) f GROUP BY key ORDER BY n DESC, key LIMIT 10) t
     LEFT JOIN actors ac ON ac.id = t.key ORDER BY t.n DESC, t.key`,
    actorParams,
  );
  return out;
}

/**
 * Events between two parties (newest first) with their monthly timeline. The counts come from
 * the monthly summaries of `a` when `a` is a country (whole months, like relations), else from
 * the events.
 */
export async function dyadView(
  sql: Sql, a: string, b: string, range: DateRange = {}, page: { limit?: number; offset?: number } = {},
): Promise<DyadView> {
  const q = { dyad: [a, b] as [string, string], since: range.since, until: range.until };
  let rows: Array<{ month: string | null; type: string; n: number }>;
  if (ISO3.test(a)) {
    await sql.query('SELECT rasid_refresh_country_facts()');
    const params: unknown[] = [a, b, ISO3.test(b) ? 'country' : 'org'];
    const months = monthCondition(range, params);
    rows = await sql.query(
      `SELECT month, key2 AS type, sum(n)::int AS n FROM country_facts WHERE country = $1 AND key = $2 AND dim = $3${months}
       GROUP BY month, key2`,
      params,
    );
    if (!range.since && !range.until) {
      const undated = await sql.query<{ type: string; n: number }>(
        `SELECT key2 AS type, n FROM country_facts WHERE country = $1 AND key = $2 AND dim = $3 AND month = ''`,
        [a, b, params[2]],
      );
      rows.push(...undated.map((u) => ({ month: null, type: u.type, n: u.n })));
    }
  } else {
    const w = apiEventWhere(q);
    rows = await sql.query(
      `SELECT rasid_month(e.day) AS month, e.type, count(*)::int AS n FROM events e ${w.sql} GROUP BY 1, 2`,
      w.params,
    );
  }
  const byType: Counts = {};
  let total = 0;
  for (const r of rows) {
    add(byType, r.type, r.n);
    total += r.n;
  }
  const events = await listApiEvents(sql, q, { limit: page.limit ?? 50, offset: page.offset ?? 0, sort: '-date', countLimit: 0 });
  return { a, b, total, byType, events: events.items, timeline: timelineOf(rows.filter((r) => r.month && r.month.length === 7)) };
}
