-- Rasid store: the event_actors insert trigger of 004_api.sql (events.actor_countries from the actors'
-- countries) is skipped for a statement whose writer wrote actor_countries itself with every
-- actor of the events (write-events.ts writeEventRows, `actorCountriesWritten`): the writer says
-- so with the transaction-local setting rasid.actor_countries_written = 'on', which the trigger
-- consumes (resets) so that it counts for that one statement only. Recomputing values the writer
-- had just written was 2-4% of the CPU time of saving a document (38 of 1,600 ms per MB of
-- the copies corpus, measured with EXPLAIN ANALYZE).
CREATE FUNCTION rasid_event_actors_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('rasid.actor_countries_written', true) = 'on' THEN
    PERFORM set_config('rasid.actor_countries_written', '', true);
  ELSE
    PERFORM rasid_refresh_actor_countries(ARRAY(SELECT DISTINCT event_id FROM new_rows));
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER event_actors_countries_ins ON event_actors;
CREATE TRIGGER event_actors_countries_ins AFTER INSERT ON event_actors
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rasid_event_actors_inserted();
