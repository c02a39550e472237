/**
 * Generates a large benchmark database for bench/api.bench.ts: N events (default 1,000,000) with
 * actors, sources, evidence and documents, in schema `rasid_bench` of a PostgreSQL server, by
 * set-based INSERT ... SELECT FROM generate_series (no row-at-a-time round trips).
 *
 *   export RASID_BENCH_DATABASE_URL="$(scripts/ci/start-postgres.sh)"
 *   npx tsx scripts/bench/gen-events.ts [--events 1000000] [--schema rasid_bench]
 *
 * Distribution (deterministic, setseed): Libya is a party of ~60% of the events, the other
 * parties follow a skewed (Zipf-like) distribution over 40 countries, ~10% involve an
 * international organization; types/actions weighted toward CONSULT; days 2015-2026 skewed to
 * recent years; 5,000 person actors, skewed; ~30% of events have two sources.
 */
import { parseArgs } from 'node:util';
import { benchDatabaseUrl } from '../../src/config.ts';
import { dropSchema, openStore } from '../../src/store/index.ts';
import { openPg } from '../../src/store/sql.ts';

const COUNTRIES = ['LBY', 'EGY', 'TUN', 'DZA', 'TUR', 'ITA', 'FRA', 'USA', 'RUS', 'ARE', 'QAT', 'SAU', 'GBR', 'DEU', 'MAR', 'SDN',
  'TCD', 'NER', 'MLT', 'GRC', 'CHN', 'JOR', 'IRQ', 'SYR', 'LBN', 'PSE', 'ESP', 'NLD', 'BEL', 'KWT', 'OMN', 'BHR', 'YEM', 'MRT',
  'MLI', 'ETH', 'NGA', 'ZAF', 'JPN', 'KOR'];
const ORGS = ['UN', 'AU', 'ARAB_LEAGUE', 'EU', 'NATO', 'OIC', 'UNSMIL', 'IOM', 'UNHCR'];
// weights by repetition
const TYPES = [
  ['CONSULT', 'meet'], ['CONSULT', 'meet'], ['CONSULT', 'meet'], ['CONSULT', 'visit'], ['CONSULT', 'visit'], ['CONSULT', 'phone_call'],
  ['CONSULT', 'phone_call'], ['CONSULT', 'host'], ['STATEMENT', 'statement'], ['STATEMENT', 'statement'], ['STATEMENT', 'condemn'],
  ['COOPERATE', 'sign_agreement'], ['COOPERATE', 'sign_agreement'], ['SUPPORT', 'congratulate'], ['SUPPORT', 'congratulate'],
  ['SUPPORT', 'condolence'], ['AID', 'aid'], ['REQUEST', 'invite'], ['REQUEST', 'invite'], ['DEMAND', 'demand'],
];
const CONTEXTS = ['diplomatic', 'economic', 'migration', 'security', 'energy', 'health', 'education', 'elections'];
const PLACES = ['طرابلس', 'بنغازي', 'القاهرة', 'تونس', 'أنقرة', 'روما', 'باريس', 'أبوظبي', 'الدوحة', 'الرياض', 'الجزائر', 'مصراتة', 'سرت', 'جنيف', 'نيويورك'];

const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]::text[]`;

function eventsSql(from: number, to: number): string {
  const nC = COUNTRIES.length;
  return `
  INSERT INTO events (fingerprint, type, action, mode, countries, organizations, location_name, location_country, date, day,
                      contexts, confidence, rules, negated, cameo, actor_countries)
  SELECT 'bench|' || i, t[1], t[2], NULL, parties, orgs, loc, CASE WHEN loc IS NULL THEN NULL ELSE parties[1] END, d, d,
         ctx, round((0.5 + r4 * 0.5)::numeric, 2)::float8, ARRAY['bench.rule'], r5 < 0.02, NULL, parties
  FROM (
    SELECT i, r4, r5,
      (${arr(TYPES.map((t) => t.join('/')))})[1 + floor(r3 * ${TYPES.length})::int] AS tt,
      ARRAY[c1, CASE WHEN c2 = c1 THEN (${arr(COUNTRIES)})[1 + ((array_position(${arr(COUNTRIES)}, c1)) % ${nC})] ELSE c2 END] AS parties,
      CASE WHEN r6 < 0.1 THEN ARRAY[(${arr(ORGS)})[1 + floor(r7 * ${ORGS.length})::int]] ELSE '{}'::text[] END AS orgs,
      CASE WHEN r8 < 0.7 THEN (${arr(PLACES)})[1 + floor(r8 / 0.7 * ${PLACES.length})::int] END AS loc,
      to_char(date '2015-01-01' + floor(power(r9, 0.6) * 4350)::int, 'YYYY-MM-DD') AS d,
      CASE WHEN r10 < 0.7 THEN ARRAY[(${arr(CONTEXTS)})[1 + floor(r7 * ${CONTEXTS.length})::int]]
           ELSE ARRAY['diplomatic', (${arr(CONTEXTS)})[1 + floor(r10 * ${CONTEXTS.length})::int]] END AS ctx
    FROM (
      SELECT i, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7, random() AS r8, random() AS r9, random() AS r10,
        CASE WHEN random() < 0.6 THEN 'LBY' ELSE (${arr(COUNTRIES)})[1 + floor(power(random(), 2.2) * ${nC})::int] END AS c1,
        (${arr(COUNTRIES)})[1 + floor(power(random(), 1.8) * ${nC})::int] AS c2
      FROM generate_series(${from}, ${to}) AS i
    ) a
  ) b, LATERAL (SELECT string_to_array(b.tt, '/') AS t) tt`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { events: { type: 'string', default: '1000000' }, schema: { type: 'string', default: 'rasid_bench' } } });
  const url = benchDatabaseUrl();
  if (!url) {
    console.error('gen-events: set RASID_BENCH_DATABASE_URL (or RASID_TEST_DATABASE_URL); scripts/ci/start-postgres.sh starts a server');
    process.exitCode = 2;
    return;
  }
  const n = Number(values.events);
  const schema = values.schema!;
  const docs = Math.max(10, Math.round(n / 4));
  const t0 = performance.now();
  const log = (msg: string) => console.error(`gen-events: ${((performance.now() - t0) / 1000).toFixed(1)} s: ${msg}`);
  await dropSchema(url, schema);
  const store = await openStore({ databaseUrl: url, schema });
  await store.close();
  log(`schema ${schema} migrated`);
  const sql = await openPg(url, schema);
  try {
    await sql.exec(`SELECT setseed(0.42)`);
    await sql.transaction(async (tx) => {
      await tx.exec(`SELECT setseed(0.42)`);
      // bulk load: no triggers or foreign-key checks (actor_countries is set directly), secondary
      // indexes dropped and built once at the end (much faster than maintaining them row by row)
      await tx.exec(`SET LOCAL session_replication_role = replica; SET LOCAL maintenance_work_mem = '256MB'; SET LOCAL synchronous_commit = off`);
      const indexes = await tx.query<{ name: string; def: string }>(
        `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
         WHERE i.schemaname = current_schema() AND i.tablename IN ('events', 'event_actors', 'event_sources', 'event_evidence', 'documents')
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = current_schema()::regnamespace)`,
      );
      for (const i of indexes) await tx.exec(`DROP INDEX ${i.name}`);
      await tx.exec(`INSERT INTO documents (id, name, origin, format, encoding, title, outlet, published, raw_hash, text, text_hash)
        SELECT 'bench-' || j, 'bench-' || j || '.txt', '/bench/' || j || '.txt', 'txt', 'utf-8', 'خبر رقم ' || j,
               (ARRAY['وكالة الأنباء','صحيفة الوسط','بوابة الوسط','قناة ليبيا'])[1 + j % 4],
               to_char(date '2015-01-01' + (j * 4350 / ${docs}), 'YYYY-MM-DD'), md5('r' || j),
               'التقى وزير الخارجية في ' || (${arr(PLACES)})[1 + j % ${PLACES.length}] || ' نظيره وبحث الجانبان التعاون الثنائي في مجالات الاقتصاد والطاقة والهجرة ' || j,
               md5('t' || j)
        FROM generate_series(1, ${docs}) AS j`);
      log(`${docs} documents`);
      const step = 250_000;
      for (let from = 1; from <= n; from += step) {
        await tx.exec(eventsSql(from, Math.min(n, from + step - 1)));
        log(`${Math.min(n, from + step - 1)} events`);
      }
      await tx.exec(`INSERT INTO actors (id, name, kind, country, aliases, roles, discovered)
        SELECT 'per:bench-' || k, 'شخصية ' || k || ' ' || (ARRAY['الليبي','المصري','التونسي','التركي','الإيطالي'])[1 + k % 5], 'person',
               (${arr(COUNTRIES)})[1 + k % ${COUNTRIES.length}], jsonb_build_array('الشخصية ' || k), '[]'::jsonb, k > 4000
        FROM generate_series(1, 5000) AS k`);
      await tx.exec(`INSERT INTO event_actors (event_id, idx, name, norm, kind, country, org, title, side, entity)
        SELECT e.id, x.idx, 'شخصية ' || x.a, 'شخصيه ' || x.a, 'person', e.countries[x.idx + 1], NULL, 'وزير الخارجية',
               CASE x.idx WHEN 0 THEN 'actor' ELSE 'recipient' END, 'per:bench-' || x.a
        FROM events e, LATERAL (SELECT k AS idx, 1 + floor(power((hashint4(e.id * 2 + k)::float8 + 2147483648) / 4294967296, 3) * 5000)::int AS a
                                FROM generate_series(0, 1) AS k) x`);
      log('event actors');
      await tx.exec(`INSERT INTO event_sources (event_id, document_id, story_id, story_index, confidence, rules)
        SELECT e.id, 'bench-' || (1 + (e.id::bigint * 7919) % ${docs}), NULL, 0, e.confidence, ARRAY['bench.rule'] FROM events e`);
      await tx.exec(`INSERT INTO event_sources (event_id, document_id, story_id, story_index, confidence, rules)
        SELECT e.id, 'bench-' || (1 + (e.id::bigint * 104729 + 17) % ${docs}), NULL, 0, e.confidence, ARRAY['bench.rule'] FROM events e
        WHERE e.id % 10 < 3 ON CONFLICT DO NOTHING`);
      log('event sources');
      await tx.exec(`INSERT INTO event_evidence (event_id, document_id, start_offset, end_offset, text, norm)
        SELECT s.event_id, s.document_id, 0, 20, 'التقى وزير الخارجية', 'التقى وزير الخارجيه' FROM event_sources s`);
      log('event evidence');
      for (const i of indexes) await tx.exec(i.def);
      log(`${indexes.length} indexes rebuilt`);
      // triggers were off: mark every country-month summary as stale, then compute them
      await tx.exec(`INSERT INTO country_facts_dirty (country, month)
        SELECT DISTINCT c, rasid_month(e.day) FROM events e, unnest(e.countries || e.actor_countries) AS c ON CONFLICT DO NOTHING`);
      await tx.exec('SELECT rasid_refresh_country_facts()');
      log('country summaries computed');
    });
    for (const t of ['documents', 'events', 'event_actors', 'event_sources', 'event_evidence', 'actors']) await sql.exec(`VACUUM ANALYZE ${t}`);
    log('vacuum analyze done');
    const [c] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    log(`done: ${c.n} events in schema ${schema}`);
  } finally {
    await sql.close();
  }
}

await main();
