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

/**
 * A country's relations, read from the monthly summaries of migration 006 (refreshed first when
 * events changed). `since`/`until` select whole months; with a range, events without a day are
 * left out.
 */
export async function countryRelations(sql: Sql, country: string, range: DateRange = {}): Promise<CountryRelations> {
  if (!ISO3.test(country)) throw new Error(`country: expected ISO 3166-1 alpha-3, got "${country}"`);
  await sql.query('SELECT rasid_refresh_country_facts()');
  const { from, to } = monthBounds(range);
  const params: unknown[] = [country];
  let cond = '';
  // a year-only bound (2025) covers its months: 2025 <= 2025-03 < 2025-99
  if (from) cond += ` AND month >= $${params.push(from)}`;
  if (to) cond += ` AND month <= $${params.push(to.length === 4 ? `${to}-99` : to)}`;
  const rows = await sql.query<{ dim: string; month: string; key: string; key2: string; n: number; last: string | null }>(
    `SELECT dim, month, key, key2, sum(n)::int AS n, max(last_day) AS last FROM country_facts
     WHERE country = $1 AND dim <> 'actor'${cond} GROUP BY dim, month, key, key2`,
    params,
  );
  const out: CountryRelations = {
    country, events: 0, partners: [], byType: {}, byAction: {}, byContext: {}, timeline: [], topActors: [],
  };
  const partners = new Map<string, CountryRelations['partners'][number]>();
  const months: Array<{ month: string | null; type: string; n: number }> = [];
  for (const r of rows) {
    if (r.dim === 'type') {
      out.events += r.n;
      add(out.byType, r.key, r.n);
      add(out.byAction, r.key2, r.n);
      if (r.month.length === 7) months.push({ month: r.month, type: r.key, n: r.n });
    } else if (r.dim === 'context') add(out.byContext, r.key, r.n);
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
  out.timeline = timelineOf(months);
  out.topActors = await sql.query<{ id: string; name: string; events: number }>(
    `SELECT t.key AS id, coalesce(ac.name, (SELECT x.name FROM event_actors x WHERE x.entity = t.key LIMIT 1), t.key) AS name,
            t.n AS events
     FROM (SELECT key, sum(n)::int AS n FROM country_facts WHERE country = $1 AND dim = 'actor'${cond}
           GROUP BY key ORDER BY n DESC, key LIMIT 10) t
     LEFT JOIN actors ac ON ac.id = t.key ORDER BY t.n DESC, t.key`,
    params,
  );
  return out;
}

export async function dyadView(
  sql: Sql, a: string, b: string, range: DateRange = {}, page: { limit?: number; offset?: number } = {},
): Promise<DyadView> {
  const q = { dyad: [a, b] as [string, string], since: range.since, until: range.until };
  const w = apiEventWhere(q);
  const rows = await sql.query<{ month: string | null; type: string; n: number }>(
    `SELECT substr(e.day, 1, 7) AS month, e.type, count(*)::int AS n FROM events e ${w.sql} GROUP BY 1, 2`,
    w.params,
  );
  const byType: Counts = {};
  let total = 0;
  for (const r of rows) {
    add(byType, r.type, r.n);
    total += r.n;
  }
  const events = await listApiEvents(sql, q, { limit: page.limit ?? 50, offset: page.offset ?? 0, sort: '-date', countLimit: 0 });
  return { a, b, total, byType, events: events.items, timeline: timelineOf(rows) };
}
