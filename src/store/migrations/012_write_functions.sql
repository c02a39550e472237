-- Rasid store: the batch write's statements as PL/pgSQL functions, whose plans are made once per
-- session (PL/pgSQL caches them) instead of once per batch. Parsing and planning these big
-- statements was about an eighth of the CPU time of saving documents (src/store/write.ts,
-- write-events.ts). Their results are those of the statements they replace.

-- The documents of a batch, their new stories and their story links (write.ts writeDocuments).
-- `lock_key` (not null): takes that transaction lock first (the event lock, src/store/merge.ts
-- EVENT_LOCK, so that the candidate events read next are read under it). A story inserted meanwhile by a concurrent transaction is
-- returned too (ON CONFLICT DO UPDATE), with inserted = false.
CREATE FUNCTION rasid_write_documents(run integer, docs jsonb, new_stories jsonb, links jsonb, raws bytea, lock_key bigint)
RETURNS TABLE (story_id integer, story_hash text, inserted boolean) LANGUAGE plpgsql AS $$
BEGIN
  IF lock_key IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(lock_key);
  END IF;
  RETURN QUERY
  WITH doc AS (
    INSERT INTO documents (id, name, origin, format, encoding, url, title, outlet, published, raw, raw_hash,
                           text, text_hash, furniture, lang, warnings, sentences, mentions, run_id, ingested_at)
    SELECT r.id, r.name, r.origin, r.format, r.encoding, r.url, r.title, r.outlet, r.published,
           CASE WHEN r.raw_len IS NOT NULL THEN substring(raws FROM r.raw_at + 1 FOR r.raw_len) END, r.raw_hash,
           r.text, r.text_hash, r.furniture, r.lang, r.warnings, r.sentences, r.mentions, run, now()
    FROM jsonb_to_recordset(docs) AS r(id text, name text, origin text, format text, encoding text, url text, title text,
         outlet text, published text, raw_at int, raw_len int, raw_hash text, text text, text_hash text, furniture jsonb, lang text,
         warnings jsonb, sentences jsonb, mentions jsonb)
    ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, origin = EXCLUDED.origin, format = EXCLUDED.format,
      encoding = EXCLUDED.encoding, url = EXCLUDED.url, title = EXCLUDED.title, outlet = EXCLUDED.outlet,
      published = EXCLUDED.published, raw = EXCLUDED.raw, raw_hash = EXCLUDED.raw_hash, text = EXCLUDED.text,
      text_hash = EXCLUDED.text_hash, furniture = EXCLUDED.furniture, lang = EXCLUDED.lang,
      warnings = EXCLUDED.warnings, sentences = EXCLUDED.sentences, mentions = EXCLUDED.mentions, run_id = EXCLUDED.run_id,
      ingested_at = now()),
  ins AS (
    INSERT INTO stories AS st (hash, minhash, headline, dateline_place, dateline_date, dateline_agency, text, norm, bands)
    SELECT r.hash, decode(r.minhash, 'hex'), r.headline, r.place, r.date, r.agency, r.text, r.norm, r.bands
    FROM jsonb_to_recordset(new_stories) AS r(n int, hash text, minhash text, headline text, place text, date text, agency text,
         text text, norm text, bands text[])
    ORDER BY r.n
    ON CONFLICT (hash) DO UPDATE SET hash = EXCLUDED.hash
    RETURNING st.id, st.hash, (st.xmax = 0) AS fresh),
  lnk AS (
    INSERT INTO story_sources (document_id, story_index, story_id, start_offset, end_offset, rule, parent)
    SELECT r.doc, r.idx, COALESCE(r.id, (SELECT ins.id FROM ins WHERE ins.hash = r.hash)), r.s, r.e, r.rule, r.parent
    FROM jsonb_to_recordset(links) AS r(doc text, idx int, id int, hash text, s int, e int, rule text, parent int))
  SELECT ins.id, ins.hash, ins.fresh FROM ins;
END
$$;

-- The stored stories the batch's stories may duplicate (write.ts lookupStories): same hash, or a
-- shared LSH band (all their bands, in id order).
CREATE FUNCTION rasid_lookup_stories(hashes text[], keys text[]) RETURNS TABLE (same json, near json) LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY SELECT
    (SELECT json_agg(json_build_object('id', st.id, 'hash', st.hash)) FROM stories st WHERE st.hash = ANY(hashes)),
    (SELECT json_agg(json_build_object('id', st.id, 'minhash', encode(st.minhash, 'hex'), 'bands', st.bands) ORDER BY st.id)
       FROM stories st WHERE st.id IN (SELECT rasid_stories_sharing_band(keys)));
END
$$;

-- The candidate events of a batch's reports (write-events.ts loadCandidates): of one of the
-- action `families`, with a day in one of the windows [lo[i], hi[i]] or one of `months` or
-- none, sharing a party (or with no parties, or `any_party`); with `undated`, also the latest
-- 200 events of those families sharing a party; and the events of `fingerprints` or routed
-- (event_routes) from them for `doc_ids`. With the "do not merge" notes about `doc_ids` and `n`
-- new event ids.
CREATE FUNCTION rasid_event_candidates(families text[], party_keys text[], any_party boolean, fingerprints text[], doc_ids text[],
  n integer, lo text[], hi text[], months text[], undated boolean)
RETURNS TABLE (candidates json, blocks json, ids integer[]) LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY
  WITH routes AS (
    SELECT r.fingerprint, r.document_id, r.event_id FROM event_routes r
    WHERE r.fingerprint = ANY(fingerprints) AND (r.document_id = ANY(doc_ids) OR r.document_id = '')),
  cand AS (
    SELECT e.id FROM unnest(lo, hi) AS w(lo, hi)
      JOIN events e ON e.family = ANY(families) AND e.day BETWEEN w.lo AND w.hi
    WHERE ((e.countries || e.organizations) && party_keys OR (e.countries || e.organizations) = '{}' OR any_party)
    UNION
    SELECT e.id FROM events e WHERE e.family = ANY(families) AND (e.day = ANY(months) OR e.day IS NULL)
      AND ((e.countries || e.organizations) && party_keys OR (e.countries || e.organizations) = '{}' OR any_party)
    UNION
    (SELECT e.id FROM events e WHERE undated AND e.family = ANY(families) AND (e.countries || e.organizations) && party_keys
     ORDER BY e.id DESC LIMIT 200)
    UNION SELECT e.id FROM events e WHERE e.fingerprint = ANY(fingerprints)
    UNION SELECT routes.event_id FROM routes)
  SELECT
    (SELECT json_agg(c ORDER BY c.id) FROM (
       SELECT e.id, e.type, e.action, e.mode, e.countries, e.organizations, e.location_name, e.location_country, e.date, e.day,
         e.contexts, e.confidence, e.rules, e.negated, e.cameo, e.fingerprint, e.review,
         COALESCE((SELECT json_agg(json_build_object('name', a.name, 'kind', a.kind, 'country', a.country, 'org', a.org,
                     'title', a.title, 'side', a.side, 'entity', a.entity) ORDER BY a.idx) FROM event_actors a WHERE a.event_id = e.id), '[]') AS actors,
         ARRAY(SELECT s.document_id FROM event_sources s WHERE s.event_id = e.id) AS documents,
         (SELECT json_agg(json_build_object('fingerprint', r.fingerprint, 'document', r.document_id)) FROM routes r WHERE r.event_id = e.id) AS routes
       FROM events e WHERE e.id IN (SELECT cand.id FROM cand)) c),
    (SELECT json_agg(json_build_object('document_id', m.document_id, 'other_documents', m.other_documents, 'family', m.family))
       FROM merges m WHERE m.kind = 'do_not_merge' AND (m.document_id = ANY(doc_ids) OR m.other_documents && doc_ids)),
    ARRAY(SELECT nextval(pg_get_serial_sequence('events', 'id'))::int FROM generate_series(1, n));
END
$$;

-- Event rows (write-events.ts writeEventRows), each argument a JSON array (empty: nothing to do):
-- new events, updated events, actors (discovered canonical actors registered), sources,
-- evidence spans, merge log rows. `countries_written`: the writer wrote every touched event's
-- actor_countries, so the actors' insert trigger skips recomputing them (011).
CREATE FUNCTION rasid_write_events(ev_new jsonb, ev_upd jsonb, actor_rows jsonb, source_rows jsonb, evidence_rows jsonb,
  merge_rows jsonb, countries_written boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF jsonb_array_length(ev_new) > 0 THEN
    INSERT INTO events (id, fingerprint, type, action, mode, countries, organizations, location_name, location_country, date, day,
                        contexts, confidence, rules, negated, cameo, actor_countries)
    OVERRIDING SYSTEM VALUE
    SELECT r.id, r.fingerprint, r.type, r.action, r.mode, r.countries, r.organizations, r.location_name, r.location_country, r.date,
           r.day, r.contexts, r.confidence, r.rules, r.negated, r.cameo, r.actor_countries
    FROM jsonb_to_recordset(ev_new) AS r(id int, fingerprint text, type text, action text, mode text, countries text[],
         organizations text[], location_name text, location_country text, date text, day text, contexts text[], confidence float8,
         rules text[], negated boolean, cameo text, actor_countries text[]);
  END IF;
  IF jsonb_array_length(ev_upd) > 0 THEN
    UPDATE events e SET countries = r.countries, organizations = r.organizations, location_name = r.location_name,
      location_country = r.location_country, date = r.date, day = r.day, contexts = r.contexts, confidence = r.confidence,
      rules = r.rules, mode = r.mode, cameo = r.cameo, actor_countries = r.actor_countries
    FROM jsonb_to_recordset(ev_upd) AS r(id int, mode text, countries text[], organizations text[], location_name text,
         location_country text, date text, day text, contexts text[], confidence float8, rules text[], cameo text,
         actor_countries text[])
    WHERE e.id = r.id;
  END IF;
  IF jsonb_array_length(actor_rows) > 0 THEN
    INSERT INTO actors (id, name, kind, country, discovered)
    SELECT DISTINCT ON (r.entity) r.entity, r.name, r.kind, r.country, true
    FROM jsonb_to_recordset(actor_rows) AS r(entity text, name text, kind text, country text)
    WHERE r.entity IS NOT NULL AND NOT EXISTS (SELECT 1 FROM actor_redirects x WHERE x.merged = r.entity)
    ORDER BY r.entity
    ON CONFLICT (id) DO NOTHING;
    IF countries_written THEN
      PERFORM set_config('rasid.actor_countries_written', 'on', true);
    END IF;
    INSERT INTO event_actors (event_id, idx, name, norm, kind, country, org, title, side, entity)
    SELECT r.event_id, r.idx, r.name, r.norm, r.kind, r.country, r.org, r.title, r.side,
           COALESCE((SELECT x.kept FROM actor_redirects x WHERE x.merged = r.entity), r.entity)
    FROM jsonb_to_recordset(actor_rows) AS r(event_id int, idx int, name text, norm text, kind text, country text,
         org text, title text, side text, entity text);
  END IF;
  IF jsonb_array_length(source_rows) > 0 THEN
    INSERT INTO event_sources AS s (event_id, document_id, story_id, story_index, confidence, rules, reports, added_at)
    SELECT r.event_id, r.document_id, r.story_id, r.story_index, r.confidence, r.rules, r.reports, now() + r.n * interval '1 microsecond'
    FROM jsonb_to_recordset(source_rows) AS r(n int, event_id int, document_id text, story_id int, story_index int, confidence float8,
         rules text[], reports jsonb)
    ON CONFLICT (event_id, document_id) DO UPDATE SET confidence = GREATEST(s.confidence, EXCLUDED.confidence),
      rules = ARRAY(SELECT DISTINCT unnest(s.rules || EXCLUDED.rules) ORDER BY 1),
      reports = COALESCE(s.reports, '[]'::jsonb) || EXCLUDED.reports;
  END IF;
  IF jsonb_array_length(evidence_rows) > 0 THEN
    INSERT INTO event_evidence (event_id, document_id, start_offset, end_offset, text, norm)
    SELECT r.event_id, r.document_id, r.s, r.e, r.text, r.norm
    FROM jsonb_to_recordset(evidence_rows) AS r(event_id int, document_id text, s int, e int, text text, norm text)
    ON CONFLICT DO NOTHING;
  END IF;
  IF jsonb_array_length(merge_rows) > 0 THEN
    INSERT INTO merges (kept, merged, document_id, reason, kind, reasons, score, family)
    SELECT r.kept, NULL, r.document_id, r.reason, 'merge', r.reasons, r.score, r.family
    FROM jsonb_to_recordset(merge_rows) AS r(kept int, document_id text, reason text, reasons text[], score float8, family text);
  END IF;
END
$$;
