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

export async function countryRelations(sql: Sql, country: string, range: DateRange = {}): Promise<CountryRelations> {
  if (!ISO3.test(country)) throw new Error(`country: expected ISO 3166-1 alpha-3, got "${country}"`);
  const w = apiEventWhere({ country, since: range.since, until: range.until });
  const base = `SELECT e.id, e.type, e.action, e.day, e.countries, e.organizations, e.contexts FROM events e ${w.sql}`;
  // one pass over the country's events, grouped several ways
  const rows = await sql.query<{ g: string; k1: string | null; k2: string | null; n: number; last: string | null }>(
    `WITH ev AS MATERIALIZED (${base})
     SELECT 'type' AS g, type AS k1, action AS k2, count(*)::int AS n, NULL AS last FROM ev GROUP BY type, action
     UNION ALL
     SELECT 'month', substr(day, 1, 7), type, count(*)::int, NULL FROM ev WHERE length(day) >= 7 GROUP BY substr(day, 1, 7), type
     UNION ALL
     SELECT 'context', c, NULL, count(*)::int, NULL FROM ev, unnest(ev.contexts) AS c GROUP BY c
     UNION ALL
     SELECT 'country', p, type, count(*)::int, max(day) FROM ev, unnest(ev.countries) AS p WHERE p <> $1 GROUP BY p, type
     UNION ALL
     SELECT 'org', p, type, count(*)::int, max(day) FROM ev, unnest(ev.organizations) AS p GROUP BY p, type`,
    w.params,
  );
  const out: CountryRelations = {
    country, events: 0, partners: [], byType: {}, byAction: {}, byContext: {}, timeline: [], topActors: [],
  };
  const partners = new Map<string, CountryRelations['partners'][number]>();
  const months: Array<{ month: string | null; type: string; n: number }> = [];
  for (const r of rows) {
    if (r.g === 'type') {
      out.events += r.n;
      add(out.byType, r.k1!, r.n);
      add(out.byAction, r.k2!, r.n);
    } else if (r.g === 'month') months.push({ month: r.k1, type: r.k2!, n: r.n });
    else if (r.g === 'context') add(out.byContext, r.k1!, r.n);
    else {
      const kind = r.g === 'country' ? 'country' : 'organization';
      const key = `${kind}:${r.k1}`;
      const p = partners.get(key) ?? { party: r.k1!, kind, events: 0, byType: {}, lastDate: null };
      p.events += r.n;
      add(p.byType, r.k2!, r.n);
      if (r.last && (!p.lastDate || r.last > p.lastDate)) p.lastDate = r.last;
      partners.set(key, p);
    }
  }
  out.partners = [...partners.values()].sort((a, b) => b.events - a.events || a.party.localeCompare(b.party));
  out.timeline = timelineOf(months);
  const actors = await sql.query<{ id: string; name: string; events: number }>(
    `SELECT t.entity AS id, coalesce(ac.name, t.name) AS name, t.n AS events FROM (
       SELECT a.entity, min(a.name) AS name, count(DISTINCT a.event_id)::int AS n
       FROM event_actors a JOIN events e ON e.id = a.event_id
       ${w.sql ? `${w.sql} AND` : 'WHERE'} a.entity IS NOT NULL AND a.kind = 'person'
       GROUP BY a.entity ORDER BY n DESC, a.entity LIMIT 10) t
     LEFT JOIN actors ac ON ac.id = t.entity ORDER BY t.n DESC, t.entity`,
    w.params,
  );
  out.topActors = actors;
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
