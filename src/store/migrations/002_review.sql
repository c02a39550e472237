-- Rasid store: accounts, sessions, human review and the audit log.

CREATE TABLE users (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name          text NOT NULL UNIQUE,
  role          text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  -- scrypt$N$r$p$salt$hash (base64), see src/api/auth/password.ts
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  password_at   timestamptz NOT NULL DEFAULT now()
);

-- Login sessions; only the SHA-256 of the session id is stored.
CREATE TABLE sessions (
  id_hash    text PRIMARY KEY,
  user_id    integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- API tokens for scripts (Authorization: Bearer); only the SHA-256 of the token is stored.
CREATE TABLE api_tokens (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id    integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  label      text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used  timestamptz
);

-- Human review state of an event. A reviewed event (review IS NOT NULL) is never deleted by
-- re-ingestion (saveDocument), and re-extracted reports of it join it instead of replacing it.
ALTER TABLE events ADD COLUMN review text CHECK (review IN ('confirmed', 'corrected', 'rejected'));
ALTER TABLE events ADD COLUMN reviewed_by text;
ALTER TABLE events ADD COLUMN reviewed_at timestamptz;
CREATE INDEX events_review_idx ON events (review);

-- Where re-extracted reports go after a human merge or split: a report with this fingerprint
-- (from this document, or from any document when document_id is null) joins event_id.
CREATE TABLE event_routes (
  fingerprint text NOT NULL,
  document_id text NOT NULL DEFAULT '',
  event_id    integer NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  PRIMARY KEY (fingerprint, document_id)
);
CREATE INDEX event_routes_event_idx ON event_routes (event_id);

-- Actors folded into another by a reviewer: new reports naming `merged` name `kept` instead.
CREATE TABLE actor_redirects (
  merged text PRIMARY KEY,
  kept   text NOT NULL
);

ALTER TABLE actors ADD COLUMN reviewed boolean NOT NULL DEFAULT false;

-- Every human change: who, when, what, and the entity before and after (JSON).
CREATE TABLE audit_log (
  id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at        timestamptz NOT NULL DEFAULT now(),
  user_name text NOT NULL,
  action    text NOT NULL,
  entity    text NOT NULL,
  before    jsonb,
  after     jsonb
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, id);
