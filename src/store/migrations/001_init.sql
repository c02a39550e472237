-- Rasid store, initial schema. Offsets are UTF-16 code units into documents.text, end exclusive.
-- Ids are int4 so that both backends (pg, PGlite) return plain numbers.

CREATE TABLE ingest_runs (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  started_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  inputs      jsonb NOT NULL DEFAULT '[]',
  counts      jsonb NOT NULL DEFAULT '{}',
  errors      jsonb NOT NULL DEFAULT '[]'
);

CREATE TABLE documents (
  id          text PRIMARY KEY,
  -- name used in exports: a file's base name, or the id of a JSON Lines article
  name        text NOT NULL,
  origin      text NOT NULL,
  format      text NOT NULL,
  encoding    text NOT NULL,
  url         text,
  title       text,
  outlet      text,
  published   text,
  raw         bytea,
  raw_hash    text NOT NULL,
  text        text NOT NULL,
  text_hash   text NOT NULL,
  furniture   jsonb NOT NULL DEFAULT '[]',
  lang        text,
  warnings    jsonb NOT NULL DEFAULT '[]',
  ingested_at timestamptz NOT NULL DEFAULT now(),
  run_id      integer REFERENCES ingest_runs(id) ON DELETE SET NULL
);
CREATE INDEX documents_name_idx ON documents (name);

-- Canonical stories, stored once however many documents carry them.
CREATE TABLE stories (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  hash             text NOT NULL UNIQUE,
  minhash          bytea NOT NULL,
  headline         text,
  dateline_place   text,
  dateline_date    text,
  dateline_agency  text,
  text             text NOT NULL,
  norm             text NOT NULL,
  tsv              tsvector GENERATED ALWAYS AS (to_tsvector('arabic', norm)) STORED
);
CREATE INDEX stories_tsv_idx ON stories USING gin (tsv);

CREATE TABLE story_sources (
  document_id  text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  story_index  integer NOT NULL,
  story_id     integer NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  start_offset integer NOT NULL CHECK (start_offset >= 0),
  end_offset   integer NOT NULL CHECK (end_offset >= start_offset),
  rule         text,
  parent       integer,
  PRIMARY KEY (document_id, story_index)
);
CREATE INDEX story_sources_story_idx ON story_sources (story_id);

CREATE TABLE story_bands (
  band     text NOT NULL,
  story_id integer NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  PRIMARY KEY (band, story_id)
);
CREATE INDEX story_bands_story_idx ON story_bands (story_id);

CREATE TABLE sentences (
  document_id  text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx          integer NOT NULL,
  story_index  integer NOT NULL,
  start_offset integer NOT NULL CHECK (start_offset >= 0),
  end_offset   integer NOT NULL CHECK (end_offset >= start_offset),
  PRIMARY KEY (document_id, idx)
);

CREATE TABLE mentions (
  document_id  text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx          integer NOT NULL,
  start_offset integer NOT NULL CHECK (start_offset >= 0),
  end_offset   integer NOT NULL CHECK (end_offset >= start_offset),
  type         text NOT NULL,
  norm         text NOT NULL,
  source       text NOT NULL,
  confidence   double precision NOT NULL,
  country      text,
  org          text,
  actor        text,
  title_idx    integer,
  PRIMARY KEY (document_id, idx)
);
CREATE INDEX mentions_actor_idx ON mentions (actor);

CREATE TABLE actors (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  kind       text NOT NULL,
  country    text,
  aliases    jsonb NOT NULL DEFAULT '[]',
  roles      jsonb NOT NULL DEFAULT '[]',
  discovered boolean NOT NULL DEFAULT false
);

CREATE TABLE events (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fingerprint      text NOT NULL UNIQUE,
  type             text NOT NULL,
  action           text NOT NULL,
  mode             text,
  countries        text[] NOT NULL DEFAULT '{}',
  organizations    text[] NOT NULL DEFAULT '{}',
  location_name    text,
  location_country text,
  date             text,
  -- date used for filtering and sorting: the event date, else the first source's publication date
  day              text,
  contexts         text[] NOT NULL DEFAULT '{}',
  confidence       double precision NOT NULL,
  rules            text[] NOT NULL DEFAULT '{}',
  negated          boolean NOT NULL DEFAULT false,
  cameo            text,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_type_idx ON events (type, action);
CREATE INDEX events_day_idx ON events (day);
CREATE INDEX events_countries_idx ON events USING gin (countries);

CREATE TABLE event_actors (
  event_id integer NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  idx      integer NOT NULL,
  name     text NOT NULL,
  norm     text NOT NULL,
  kind     text NOT NULL,
  country  text,
  org      text,
  title    text,
  side     text NOT NULL,
  entity   text,
  PRIMARY KEY (event_id, idx)
);
CREATE INDEX event_actors_country_idx ON event_actors (country);

CREATE TABLE event_sources (
  event_id    integer NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  story_id    integer REFERENCES stories(id) ON DELETE SET NULL,
  story_index integer,
  confidence  double precision NOT NULL,
  rules       text[] NOT NULL DEFAULT '{}',
  added_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, document_id)
);
CREATE INDEX event_sources_document_idx ON event_sources (document_id);

CREATE TABLE event_evidence (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id     integer NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  document_id  text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start_offset integer NOT NULL CHECK (start_offset >= 0),
  end_offset   integer NOT NULL CHECK (end_offset > start_offset),
  text         text NOT NULL,
  norm         text NOT NULL,
  tsv          tsvector GENERATED ALWAYS AS (to_tsvector('arabic', norm)) STORED,
  UNIQUE (event_id, document_id, start_offset, end_offset)
);
CREATE INDEX event_evidence_tsv_idx ON event_evidence USING gin (tsv);
CREATE INDEX event_evidence_document_idx ON event_evidence (document_id);

-- Event merge log: a fingerprint match folds a new report into an existing event (merged is
-- null, document names the report); mergeEvents() folds one stored event into another.
CREATE TABLE merges (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kept        integer NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  merged      integer,
  document_id text,
  reason      text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX merges_kept_idx ON merges (kept);
