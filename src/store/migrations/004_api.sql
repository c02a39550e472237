-- Rasid store: what the HTTP API's read queries need to stay fast on large databases.

-- Arabic folding in SQL for searching names (actors): the Arabic part of normalizeArabic
-- (src/text/normalize.ts): alef/hamza forms, ى/ئ → ي, ؤ → و, ة → ه, tashkeel and tatweel removed.
CREATE OR REPLACE FUNCTION rasid_norm(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(translate(regexp_replace(t, '[\u064B-\u065F\u0670\u0640]', '', 'g'), 'أإآٱىئؤة', 'ااااييوه'))
$$;

-- Countries of an event's actors, kept on the event so that "events of country X" (a party or an
-- actor's country) is one indexed array test instead of a join.
ALTER TABLE events ADD COLUMN IF NOT EXISTS actor_countries text[] NOT NULL DEFAULT '{}';

CREATE OR REPLACE FUNCTION rasid_refresh_actor_countries(ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE events e SET actor_countries = x.countries
  FROM (
    SELECT i.id, coalesce((SELECT array_agg(DISTINCT a.country ORDER BY a.country) FROM event_actors a
                           WHERE a.event_id = i.id AND a.country IS NOT NULL), '{}') AS countries
    FROM unnest(ids) AS i(id)
  ) x
  WHERE e.id = x.id AND e.actor_countries IS DISTINCT FROM x.countries
$$;

CREATE OR REPLACE FUNCTION rasid_event_actors_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rasid_refresh_actor_countries(ARRAY(SELECT DISTINCT event_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rasid_refresh_actor_countries(ARRAY(SELECT DISTINCT event_id FROM old_rows));
  ELSE
    PERFORM rasid_refresh_actor_countries(ARRAY(SELECT event_id FROM new_rows UNION SELECT event_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS event_actors_countries_ins ON event_actors;
CREATE TRIGGER event_actors_countries_ins AFTER INSERT ON event_actors
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rasid_event_actors_changed();
DROP TRIGGER IF EXISTS event_actors_countries_del ON event_actors;
CREATE TRIGGER event_actors_countries_del AFTER DELETE ON event_actors
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rasid_event_actors_changed();
DROP TRIGGER IF EXISTS event_actors_countries_upd ON event_actors;
CREATE TRIGGER event_actors_countries_upd AFTER UPDATE ON event_actors
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rasid_event_actors_changed();

SELECT rasid_refresh_actor_countries(ARRAY(SELECT DISTINCT event_id FROM event_actors));

-- country filter: (countries || actor_countries) @> ARRAY[c]; dyad filter: (countries || organizations) @> ARRAY[a, b]
CREATE INDEX IF NOT EXISTS events_country_any_idx ON events USING gin ((countries || actor_countries));
CREATE INDEX IF NOT EXISTS events_parties_idx ON events USING gin ((countries || organizations));
-- sorted pages (newest first is the default) without sorting the whole table
CREATE INDEX IF NOT EXISTS events_day_desc_idx ON events (day DESC NULLS LAST, id DESC);
CREATE INDEX IF NOT EXISTS events_day_asc_idx ON events (day ASC NULLS LAST, id ASC);
CREATE INDEX IF NOT EXISTS events_confidence_idx ON events (confidence, id);
-- actor profiles and top actors
CREATE INDEX IF NOT EXISTS event_actors_entity_idx ON event_actors (entity, event_id);
