-- Rasid store: bookkeeping of the actor records (src/store/actors.ts, src/app/actors.ts).

-- Documents whose resolved persons have been recorded in `actors`, with the raw hash read: a
-- replaced document (new raw hash) is read again.
CREATE TABLE actor_documents (
  document_id text PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  raw_hash    text NOT NULL,
  synced_at   timestamptz NOT NULL DEFAULT now()
);

-- Small key/value state of the actor sync (e.g. the hash of the registry last written).
CREATE TABLE actor_state (
  key   text PRIMARY KEY,
  value text NOT NULL,
  at    timestamptz NOT NULL DEFAULT now()
);
