-- Rasid store: per-country monthly summaries for the dashboard (GET /api/countries/:iso3/relations),
-- so that a country's relations over a million events are read from a few thousand rows.
--
-- country_facts holds, for each country c (a party of the event or an actor's country) and month
-- (YYYY-MM of events.day; YYYY for a year-only day, '' when unknown; and 'Y2025' rows summing
-- each year), counts by dimension:
--   dim 'type'    key = type, key2 = action
--   dim 'context' key = context
--   dim 'country' key = partner country (another party), key2 = type; last_day = latest day
--   dim 'org'     key = organization party, key2 = type; last_day = latest day
--   dim 'actor'   key = person entity id (event_actors.entity); only the month's 50 most frequent,
--                 so top actors over a range are summed from each month's top 50
-- Writers never touch it: triggers on events and event_actors mark (country, month) buckets in
-- country_facts_dirty, and readers call rasid_refresh_country_facts() first, which recomputes the
-- dirty buckets from the events (one month of one country at a time is small).

CREATE TABLE IF NOT EXISTS country_facts (
  country  text NOT NULL,
  month    text NOT NULL,
  dim      text NOT NULL,
  key      text NOT NULL,
  key2     text NOT NULL DEFAULT '',
  n        integer NOT NULL,
  last_day text,
  PRIMARY KEY (country, dim, month, key, key2)
);

CREATE TABLE IF NOT EXISTS country_facts_dirty (
  country text NOT NULL,
  month   text NOT NULL,
  PRIMARY KEY (country, month)
);

-- month bucket of an event (also indexed, to recompute one month quickly)
CREATE OR REPLACE FUNCTION rasid_month(day text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(substr(day, 1, 7), '')
$$;
CREATE INDEX IF NOT EXISTS events_month_idx ON events (rasid_month(day));

CREATE OR REPLACE FUNCTION rasid_refresh_country_facts() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  ds text[];
  dm text[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM country_facts_dirty) THEN RETURN 0; END IF;
  -- one refresher at a time; the next one finds nothing left to do
  PERFORM pg_advisory_xact_lock(7283006);
  WITH d AS (DELETE FROM country_facts_dirty RETURNING country, month)
  SELECT array_agg(country), array_agg(month) INTO ds, dm FROM d;
  IF ds IS NULL THEN RETURN 0; END IF;
  DELETE FROM country_facts f USING unnest(ds, dm) AS d(country, month) WHERE f.country = d.country AND f.month = d.month;
  INSERT INTO country_facts (country, month, dim, key, key2, n, last_day)
  WITH d AS (SELECT DISTINCT * FROM unnest(ds, dm) AS d(country, month)),
  -- the events of the dirty months, read once (not once per dirty country)
  em AS MATERIALIZED (
    SELECT e.id, e.type, e.action, e.day, e.countries, e.organizations, e.contexts, e.actor_countries, rasid_month(e.day) AS month
    FROM events e WHERE rasid_month(e.day) = ANY(dm)
  ),
  ev AS MATERIALIZED (
    SELECT em.id, em.type, em.action, em.day, em.countries, em.organizations, em.contexts, c.country, em.month
    FROM em
    CROSS JOIN LATERAL (SELECT DISTINCT x AS country FROM unnest(em.countries || em.actor_countries) AS x) c
    WHERE (c.country, em.month) IN (SELECT country, month FROM d)
  )
  SELECT country, month, 'type', type, action, count(*)::int, max(day) FROM ev GROUP BY 1, 2, 4, 5
  UNION ALL
  SELECT country, month, 'context', x, '', count(*)::int, max(day) FROM ev, unnest(ev.contexts) AS x GROUP BY 1, 2, 4
  UNION ALL
  SELECT country, month, 'country', p, type, count(*)::int, max(day)
  FROM ev, LATERAL (SELECT DISTINCT y AS p FROM unnest(ev.countries) AS y) ps WHERE ps.p <> ev.country GROUP BY 1, 2, 4, 5
  UNION ALL
  SELECT country, month, 'org', o, type, count(*)::int, max(day)
  FROM ev, LATERAL (SELECT DISTINCT y AS o FROM unnest(ev.organizations) AS y) os GROUP BY 1, 2, 4, 5
  UNION ALL
  SELECT country, month, 'actor', entity, '', n, last FROM (
    SELECT ev.country, ev.month, a.entity, count(DISTINCT ev.id)::int AS n, max(ev.day) AS last,
           row_number() OVER (PARTITION BY ev.country, ev.month ORDER BY count(DISTINCT ev.id) DESC, a.entity) AS rank
    FROM ev JOIN event_actors a ON a.event_id = ev.id
    WHERE a.entity IS NOT NULL AND a.kind = 'person' GROUP BY 1, 2, 3
  ) top WHERE rank <= 50;
  -- yearly rows (month 'Y2025': the sum of the year's rows) of the years touched, so that long
  -- ranges read a dozen rows per key instead of one per month
  DELETE FROM country_facts f
  USING (SELECT DISTINCT country, substr(month, 1, 4) AS y FROM unnest(ds, dm) AS d(country, month) WHERE month <> '') d
  WHERE f.country = d.country AND f.month = 'Y' || d.y;
  INSERT INTO country_facts (country, month, dim, key, key2, n, last_day)
  SELECT f.country, 'Y' || d.y, f.dim, f.key, f.key2, sum(f.n)::int, max(f.last_day)
  FROM country_facts f
  JOIN (SELECT DISTINCT country, substr(month, 1, 4) AS y FROM unnest(ds, dm) AS d(country, month) WHERE month <> '') d
    ON f.country = d.country AND f.month >= d.y AND f.month < d.y || '-99'
  GROUP BY f.country, d.y, f.dim, f.key, f.key2;
  RETURN array_length(ds, 1);
END
$$;

-- events: mark the buckets of the rows before and after the change
CREATE OR REPLACE FUNCTION rasid_events_facts_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO country_facts_dirty (country, month)
    SELECT DISTINCT c, rasid_month(r.day) FROM new_rows r, unnest(r.countries || r.actor_countries) AS c
    ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO country_facts_dirty (country, month)
    SELECT DISTINCT c, rasid_month(r.day) FROM old_rows r, unnest(r.countries || r.actor_countries) AS c
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS events_facts_ins ON events;
CREATE TRIGGER events_facts_ins AFTER INSERT ON events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rasid_events_facts_dirty();
DROP TRIGGER IF EXISTS events_facts_del ON events;
CREATE TRIGGER events_facts_del AFTER DELETE ON events
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rasid_events_facts_dirty();
DROP TRIGGER IF EXISTS events_facts_upd ON events;
CREATE TRIGGER events_facts_upd AFTER UPDATE ON events
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rasid_events_facts_dirty();

-- event_actors: the actor facts of the events concerned change
CREATE OR REPLACE FUNCTION rasid_event_actors_facts_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO country_facts_dirty (country, month)
    SELECT DISTINCT c, rasid_month(e.day) FROM events e, unnest(e.countries || e.actor_countries) AS c
    WHERE e.id IN (SELECT event_id FROM new_rows)
    ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO country_facts_dirty (country, month)
    SELECT DISTINCT c, rasid_month(e.day) FROM events e, unnest(e.countries || e.actor_countries) AS c
    WHERE e.id IN (SELECT event_id FROM old_rows)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS event_actors_facts_ins ON event_actors;
CREATE TRIGGER event_actors_facts_ins AFTER INSERT ON event_actors
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rasid_event_actors_facts_dirty();
DROP TRIGGER IF EXISTS event_actors_facts_del ON event_actors;
CREATE TRIGGER event_actors_facts_del AFTER DELETE ON event_actors
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rasid_event_actors_facts_dirty();
DROP TRIGGER IF EXISTS event_actors_facts_upd ON event_actors;
CREATE TRIGGER event_actors_facts_upd AFTER UPDATE ON event_actors
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rasid_event_actors_facts_dirty();

-- existing events: everything is dirty; the first reader computes it
INSERT INTO country_facts_dirty (country, month)
SELECT DISTINCT c, rasid_month(e.day) FROM events e, unnest(e.countries || e.actor_countries) AS c
ON CONFLICT DO NOTHING;

-- actor search (GET /api/actors?q=): name, aliases and id folded once, at write time
ALTER TABLE actors ADD COLUMN IF NOT EXISTS search_norm text
  GENERATED ALWAYS AS (rasid_norm(name || ' ' || aliases::text || ' ' || id)) STORED;

-- events by actor name (GET /api/events?actor=NAME): every word of the name as a word prefix
CREATE INDEX IF NOT EXISTS event_actors_norm_words_idx ON event_actors USING gin (to_tsvector('simple', norm));

-- JIT compilation costs hundreds of milliseconds on the API's small indexed queries when the
-- planner's estimates are large (a million events): off for this database, when we may.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN others THEN
  NULL;
END
$$;
