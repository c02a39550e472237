-- Rasid store: a story's LSH band keys (src/ingest/dedup.ts) kept on its row, in an array with a
-- GIN index, instead of one story_bands row each (42 per story, each with a primary key entry,
-- a story index entry and a foreign key check: a fifth of the cost of saving a document). The
-- index is built without a pending list (fastupdate off): the batch lookup (write.ts
-- lookupStories) would otherwise scan the whole list every time.
ALTER TABLE stories ADD COLUMN bands text[] NOT NULL DEFAULT '{}';
UPDATE stories st SET bands = b.bands
FROM (SELECT story_id, array_agg(band ORDER BY band) AS bands FROM story_bands GROUP BY story_id) b
WHERE b.story_id = st.id;
CREATE INDEX stories_bands_idx ON stories USING gin (bands) WITH (fastupdate = off);
DROP TABLE story_bands;

-- The stories sharing a band with `keys` (the batch's band keys, about 1,400 for 32 documents),
-- always through the index: the planner prefers a sequential scan of a small table, and there
-- `bands && keys` compares every band of every story with every key.
CREATE FUNCTION rasid_stories_sharing_band(keys text[]) RETURNS SETOF integer LANGUAGE sql STABLE
  SET enable_seqscan = off
AS $$ SELECT id FROM stories WHERE bands && keys $$;
