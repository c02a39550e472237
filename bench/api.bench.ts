/**
 * API benchmark: p95 latency of the dashboard's requests, through the HTTP server, on the large
 * generated database of scripts/bench/gen-events.ts (schema rasid_bench, 1,000,000 events).
 * Skips (with a message) when that database is absent. Target: p95 ≤ 100 ms each.
 *
 *   export RASID_BENCH_DATABASE_URL="$(scripts/ci/start-postgres.sh)"
 *   npx tsx scripts/bench/gen-events.ts          # once, a few minutes
 *   npm run bench -- api
 */
import { performance } from 'node:perf_hooks';
import { benchDatabaseUrl } from '../src/config.ts';
import { startTestServer } from '../src/api/testkit.ts';
import { openStore } from '../src/store/index.ts';
import { openPg } from '../src/store/sql.ts';

const SCHEMA = process.env.RASID_BENCH_SCHEMA || 'rasid_bench';
const RUNS = 40;
const TARGET_MS = 100;

type Result = { name: string; value: number; unit: string; target?: string; ok?: boolean };

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
}

async function eventCount(url: string): Promise<number> {
  const sql = await openPg(url);
  try {
    const t = await sql.query<{ n: string | null }>(`SELECT to_regclass($1) AS n`, [`${SCHEMA}.events`]);
    if (!t[0].n) return 0;
    const [c] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${SCHEMA}.events`);
    return c.n;
  } finally {
    await sql.close();
  }
}

export async function bench(): Promise<Result[]> {
  const url = benchDatabaseUrl();
  const how = 'generate it with: RASID_BENCH_DATABASE_URL=postgresql://... npx tsx scripts/bench/gen-events.ts';
  if (!url) {
    process.stderr.write(`api.bench: skipped: no RASID_BENCH_DATABASE_URL (or RASID_TEST_DATABASE_URL); ${how}\n`);
    return [];
  }
  const n = await eventCount(url);
  if (n < 1000) {
    process.stderr.write(`api.bench: skipped: no generated database in schema ${SCHEMA}; ${how}\n`);
    return [];
  }
  const store = await openStore({ databaseUrl: url, schema: SCHEMA });
  const srv = await startTestServer({ store });
  const results: Result[] = [];
  try {
    const maxId = n;
    let k = 0;
    const cases: Array<[string, () => string]> = [
      ['overview: relations of LBY', () => '/api/countries/LBY/relations'],
      ['overview: relations of LBY, last year', () => '/api/countries/LBY/relations?since=2025-11-01'],
      ['events: first page', () => '/api/events?limit=50'],
      ['events: first page, country+type+since', () => '/api/events?country=LBY&type=CONSULT&since=2024-01-01&limit=50'],
      ['events: first page, rare country', () => '/api/events?country=KOR&limit=50'],
      ['events: first page, dyad LBY,TUR', () => '/api/events?dyad=LBY,TUR&limit=50'],
      ['events: page 5, country LBY', () => '/api/events?country=LBY&offset=200&limit=50'],
      ['events: first page, actor name', () => `/api/events?actor=${encodeURIComponent(`شخصية ${1000 + (k++ % 50)}`)}&limit=50`],
      ['event detail', () => `/api/events/${1 + ((k++ * 7919) % maxId)}`],
      ['actors: search by name', () => `/api/actors?q=${encodeURIComponent(`شخصية ${100 + (k++ % 50)}`)}&limit=20`],
      ['dyad LBY/TUR', () => '/api/dyads/LBY/TUR'],
      ['dyad LBY/ITA, 2024', () => '/api/dyads/LBY/ITA?since=2024-01-01&until=2024-12-31'],
    ];
    for (const [name, path] of cases) {
      for (let i = 0; i < 3; i++) await srv.get(path()); // warm caches
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const r = await srv.get(path());
        times.push(performance.now() - t0);
        if (r.status !== 200) throw new Error(`api.bench: ${name}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
      }
      const v = p95(times);
      results.push({ name: `${name} (p95, ${n} events)`, value: v, unit: 'ms', target: `≤ ${TARGET_MS} ms`, ok: v <= TARGET_MS });
    }
    // what the first reader (or the ingest worker) pays after new events: one event in the busiest month
    const sql = await openPg(url, SCHEMA);
    try {
      const [{ day }] = await sql.query<{ day: string }>('SELECT max(day) AS day FROM events');
      const t0 = performance.now();
      await sql.query(
        `INSERT INTO events (fingerprint, type, action, countries, day, date, contexts, confidence)
         VALUES ('bench-probe', 'CONSULT', 'meet', ARRAY['LBY','TUR'], $1, $1, ARRAY['diplomatic'], 0.9)`,
        [day],
      );
      await store.api.refreshSummaries();
      const refresh = performance.now() - t0;
      await sql.query(`DELETE FROM events WHERE fingerprint = 'bench-probe'`);
      await store.api.refreshSummaries();
      results.push({ name: `summaries refresh after one new event in ${day.slice(0, 7)} (${n} events)`, value: refresh, unit: 'ms' });
    } finally {
      await sql.close();
    }
  } finally {
    await srv.close();
    await store.close();
  }
  return results;
}
