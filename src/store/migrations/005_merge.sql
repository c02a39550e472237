-- Event identity by compatibility (src/nlp/events/identity.ts) instead of fingerprint equality.

-- Candidate lookup: action family + day window + a shared party.
-- Generated, so that every writer (ingest, review, API) keeps it right. The family list is
-- CONSULT_FAMILY of src/nlp/events/identity.ts (a store test checks that they agree).
ALTER TABLE events ADD COLUMN family text NOT NULL GENERATED ALWAYS AS (
  CASE WHEN action IN ('meet', 'negotiate', 'visit', 'phone_call', 'attend', 'host') THEN 'consult' ELSE action END) STORED;
CREATE INDEX events_family_day_idx ON events (family, day);
-- parties = countries || organizations (004_api.sql makes the same index)
CREATE INDEX IF NOT EXISTS events_parties_idx ON events USING gin ((countries || organizations));

-- A fingerprint no longer identifies an event (a split report may keep the fingerprint of the
-- event it left); it stays as the machine identity of the first report.
ALTER TABLE events DROP CONSTRAINT events_fingerprint_key;
CREATE INDEX events_fingerprint_idx ON events (fingerprint);

-- Each document's own reports of the event (JSON array), to rebuild or split the event.
ALTER TABLE event_sources ADD COLUMN reports jsonb;

-- Merge log: kind 'merge' (a report joined an event, with the compatibility reasons and score),
-- 'split' (a merge undone: kept = the event left, merged = the new event), 'do_not_merge' (the
-- note a split leaves: document_id is kept apart from other_documents for action family `family`;
-- kept is null so that the note outlives the events and survives re-ingestion).
ALTER TABLE merges ALTER COLUMN kept DROP NOT NULL;
ALTER TABLE merges ADD COLUMN kind text NOT NULL DEFAULT 'merge' CHECK (kind IN ('merge', 'split', 'do_not_merge'));
ALTER TABLE merges ADD COLUMN reasons text[] NOT NULL DEFAULT '{}';
ALTER TABLE merges ADD COLUMN score double precision;
ALTER TABLE merges ADD COLUMN family text;
ALTER TABLE merges ADD COLUMN other_documents text[] NOT NULL DEFAULT '{}';
ALTER TABLE merges ADD COLUMN undone_at timestamptz;
CREATE INDEX merges_document_idx ON merges (document_id);
CREATE INDEX merges_other_documents_idx ON merges USING gin (other_documents);
