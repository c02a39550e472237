-- Rasid store: a story's LSH bands (src/ingest/dedup.ts) as an array on the story, under a GIN
-- index, instead of a row per band: 42 rows (each with its foreign-key check) for every new
-- story made band rows the largest part of writing a document.
ALTER TABLE stories ADD COLUMN bands text[] NOT NULL DEFAULT '{}';
UPDATE stories st SET bands = ARRAY(SELECT b.band FROM story_bands b WHERE b.story_id = st.id ORDER BY b.band);
CREATE INDEX stories_bands_idx ON stories USING gin (bands);
DROP TABLE story_bands;
