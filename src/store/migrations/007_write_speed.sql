-- Rasid store: cheaper writes, and `mediate` in the consult family.

-- Actor facts: the events concerned are found through their primary key. The statement of
-- 006_api_facts.sql (e.id IN (SELECT event_id FROM new_rows)) was planned as a scan of every
-- event, once per event_actors insert: ingest slowed down as the database grew.
CREATE OR REPLACE FUNCTION rasid_event_actors_facts_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT DISTINCT event_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT DISTINCT event_id FROM old_rows);
  ELSE
    ids := ARRAY(SELECT event_id FROM new_rows UNION SELECT event_id FROM old_rows);
  END IF;
  INSERT INTO country_facts_dirty (country, month)
  SELECT DISTINCT c, rasid_month(e.day) FROM events e, unnest(e.countries || e.actor_countries) AS c
  WHERE e.id = ANY(ids)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

-- Actors' countries on the event (004_api.sql): the events concerned through their primary key;
-- the join on unnest(ids) of 004 was planned as a hash join over every event.
CREATE OR REPLACE FUNCTION rasid_refresh_actor_countries(ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE events e SET actor_countries = x.countries
  FROM events e2
  CROSS JOIN LATERAL (
    SELECT coalesce(array_agg(DISTINCT a.country ORDER BY a.country), '{}') AS countries
    FROM event_actors a WHERE a.event_id = e2.id AND a.country IS NOT NULL
  ) x
  WHERE e2.id = ANY(ids) AND e.id = e2.id AND e2.actor_countries IS DISTINCT FROM x.countries
$$;

-- Mediation is consulting (CAMEO 045 is under 04 CONSULT): reports of a mediation and of the
-- meeting it took place in may be one event. The list is CONSULT_FAMILY of
-- src/nlp/events/identity.ts (a store test checks that they agree).
DROP INDEX IF EXISTS events_family_day_idx;
ALTER TABLE events DROP COLUMN family;
ALTER TABLE events ADD COLUMN family text NOT NULL GENERATED ALWAYS AS (
  CASE WHEN action IN ('meet', 'negotiate', 'visit', 'phone_call', 'attend', 'host', 'mediate') THEN 'consult' ELSE action END) STORED;
CREATE INDEX events_family_day_idx ON events (family, day);

-- Full-text search over stories and evidence through expression indexes instead of stored
-- tsvector columns: a row's vector is computed once (for the index), not also stored beside it,
-- which made writing a story or an evidence span about twice as slow. Queries match
-- to_tsvector('arabic', norm) (src/store/filter.ts, read.ts, queries/where.ts).
DROP INDEX IF EXISTS stories_tsv_idx;
ALTER TABLE stories DROP COLUMN IF EXISTS tsv;
CREATE INDEX stories_fts_idx ON stories USING gin (to_tsvector('arabic', norm));
DROP INDEX IF EXISTS event_evidence_tsv_idx;
ALTER TABLE event_evidence DROP COLUMN IF EXISTS tsv;
CREATE INDEX event_evidence_fts_idx ON event_evidence USING gin (to_tsvector('arabic', norm));
