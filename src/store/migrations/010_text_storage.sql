-- Rasid store: long texts are stored out of line without compression (STORAGE EXTERNAL): a
-- document's text and raw bytes, a story's text and normalized text. pglz compression of these
-- four copies of the text was about 8% of the CPU time of saving a document, for a fifth of the
-- disk (measured on 1 MB of news text: 9.6 MB of tables and indexes compressed, 12.0 MB not).
-- Rows written before keep their compressed values; reads are the same.
ALTER TABLE documents ALTER COLUMN text SET STORAGE EXTERNAL;
ALTER TABLE documents ALTER COLUMN raw SET STORAGE EXTERNAL;
ALTER TABLE stories ALTER COLUMN text SET STORAGE EXTERNAL;
ALTER TABLE stories ALTER COLUMN norm SET STORAGE EXTERNAL;
