-- Rasid store: a document's sentences and mentions are kept on its row (JSON arrays, in document
-- order) instead of one row each. They are only ever read per document (getDocument, the actor
-- sync), and a row each (with its primary key, index and foreign key check) was a fifth of the
-- cost of saving a document.
--   sentences: [{"story", "start", "end"}]
--   mentions:  [{"start", "end", "type", "norm", "source", "confidence", "country", "org", "actor",
--               "title"}], keys with no value left out; "title" is the index in the array of the
--               person's title mention.
-- The counts are columns so that totals (stats) need not read the arrays; the mentions' actors
-- are indexed for a reviewer's merge of two actors (review-actors.ts), which renames them.
ALTER TABLE documents ADD COLUMN sentences jsonb NOT NULL DEFAULT '[]';
ALTER TABLE documents ADD COLUMN mentions jsonb NOT NULL DEFAULT '[]';
ALTER TABLE documents ADD COLUMN sentence_count integer NOT NULL GENERATED ALWAYS AS (jsonb_array_length(sentences)) STORED;
ALTER TABLE documents ADD COLUMN mention_count integer NOT NULL GENERATED ALWAYS AS (jsonb_array_length(mentions)) STORED;

UPDATE documents d SET sentences = x.a
FROM (SELECT document_id, jsonb_agg(jsonb_build_object('story', story_index, 'start', start_offset, 'end', end_offset) ORDER BY idx) AS a
      FROM sentences GROUP BY document_id) x
WHERE x.document_id = d.id;

UPDATE documents d SET mentions = x.a
FROM (SELECT document_id, jsonb_agg(jsonb_strip_nulls(jsonb_build_object('start', start_offset, 'end', end_offset, 'type', type,
        'norm', norm, 'source', source, 'confidence', confidence, 'country', country, 'org', org, 'actor', actor, 'title', title_idx))
        ORDER BY idx) AS a
      FROM mentions GROUP BY document_id) x
WHERE x.document_id = d.id;

CREATE INDEX documents_mention_actors_idx ON documents USING gin (jsonb_path_query_array(mentions, '$[*].actor'));

DROP TABLE sentences;
DROP TABLE mentions;
