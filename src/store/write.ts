import { createHash } from 'node:crypto';
import type { Doc, DocEvent } from '../nlp/doc.ts';
import { normalizeArabic } from '../text/normalize.ts';
import { bytesToMinhash, exportName, minhashToBytes } from './identity.ts';
import type { Sql } from './sql.ts';
import type { DocSignature, FingerprintFn, SaveResult, Similarity } from './store.ts';

export interface WriteContext {
  sql: Sql;
  fingerprint: FingerprintFn;
  similarity: Similarity;
}

const json = (v: unknown) => JSON.stringify(v);

/**
 * Saves `doc` in one transaction (see Store.saveDocument). Anything thrown inside rolls the
 * whole document back.
 */
export async function saveDocument(ctx: WriteContext, doc: Doc, sig: DocSignature, runId?: number): Promise<SaveResult> {
  if (sig.stories.length !== doc.stories.length) {
    throw new Error(`store: document ${doc.id}: ${doc.stories.length} stories but ${sig.stories.length} story signatures`);
  }
  checkSpans(doc);
  // Concurrent writers (several ingest workers on one server) can collide on a story or event
  // that both insert, or deadlock; the transaction is then retried from the start.
  for (let attempt = 1; ; attempt++) {
    try {
      return await saveOnce(ctx, doc, sig, runId);
    } catch (err) {
      if (attempt >= 5 || !RETRYABLE.has((err as { code?: string }).code ?? '')) throw err;
    }
  }
}

/** deadlock_detected, serialization_failure, unique_violation (a concurrent insert won the race). */
const RETRYABLE = new Set(['40P01', '40001', '23505']);

function saveOnce(ctx: WriteContext, doc: Doc, sig: DocSignature, runId?: number): Promise<SaveResult> {
  return ctx.sql.transaction(async (tx) => {
    const existing = await tx.query<{ raw_hash: string }>('SELECT raw_hash FROM documents WHERE id = $1 FOR UPDATE', [doc.id]);
    const empty = { stories: 0, duplicateStories: 0, events: 0, newEvents: 0 };
    if (existing.length && existing[0].raw_hash === sig.rawHash) return { status: 'unchanged', ...empty };
    let status: SaveResult['status'] = 'added';
    if (existing.length) {
      await removeDocumentContent(tx, doc.id);
      status = 'replaced';
    }
    await upsertDocumentRow(tx, doc, sig.rawHash, runId ?? null);
    const { storyIds, duplicates } = await writeStories(ctx, tx, doc, sig);
    await writeSentencesAndMentions(tx, doc);
    const newEvents = await writeEvents(ctx, tx, doc, storyIds);
    return { status, stories: doc.stories.length, duplicateStories: duplicates, events: doc.events.length, newEvents };
  });
}

/** Removes a document's links (stories, mentions, event reports) and what is left without a source. */
export async function removeDocumentContent(tx: Sql, docId: string): Promise<void> {
  const stories = await tx.query<{ story_id: number }>('DELETE FROM story_sources WHERE document_id = $1 RETURNING story_id', [docId]);
  const events = await tx.query<{ event_id: number }>('DELETE FROM event_sources WHERE document_id = $1 RETURNING event_id', [docId]);
  await tx.query('DELETE FROM event_evidence WHERE document_id = $1', [docId]);
  await tx.query('DELETE FROM mentions WHERE document_id = $1', [docId]);
  await tx.query('DELETE FROM sentences WHERE document_id = $1', [docId]);
  await tx.query('DELETE FROM merges WHERE document_id = $1', [docId]);
  const storyIds = [...new Set(stories.map((r) => r.story_id))];
  const eventIds = [...new Set(events.map((r) => r.event_id))];
  if (eventIds.length) {
    await tx.query(
      // a reviewed event keeps the human decision even while it has no source (re-ingestion)
      `DELETE FROM events e WHERE e.id = ANY($1::int[]) AND e.review IS NULL
         AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id)`,
      [eventIds],
    );
  }
  if (storyIds.length) {
    await tx.query(
      `DELETE FROM stories st WHERE st.id = ANY($1::int[])
         AND NOT EXISTS (SELECT 1 FROM story_sources s WHERE s.story_id = st.id)`,
      [storyIds],
    );
  }
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

async function upsertDocumentRow(tx: Sql, doc: Doc, rawHash: string, runId: number | null): Promise<void> {
  const m = doc.meta;
  const raw = doc.raw ? Buffer.from(doc.raw.buffer, doc.raw.byteOffset, doc.raw.byteLength) : null;
  await tx.query(
    `INSERT INTO documents (id, name, origin, format, encoding, url, title, outlet, published, raw, raw_hash,
                            text, text_hash, furniture, lang, warnings, run_id, ingested_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14::jsonb,$15,$16::jsonb,$17, now())
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, origin = EXCLUDED.origin, format = EXCLUDED.format,
       encoding = EXCLUDED.encoding, url = EXCLUDED.url, title = EXCLUDED.title, outlet = EXCLUDED.outlet,
       published = EXCLUDED.published, raw = EXCLUDED.raw, raw_hash = EXCLUDED.raw_hash, text = EXCLUDED.text,
       text_hash = EXCLUDED.text_hash, furniture = EXCLUDED.furniture, lang = EXCLUDED.lang,
       warnings = EXCLUDED.warnings, run_id = EXCLUDED.run_id, ingested_at = now()`,
    [
      doc.id, exportName(doc), m.origin, m.format, m.encoding, m.url ?? null, m.title ?? null, m.outlet ?? null,
      m.published ?? null, raw, rawHash, doc.text, sha256(doc.text), json(doc.furniture), m.lang ?? null,
      json(doc.warnings), runId,
    ],
  );
}

async function writeStories(ctx: WriteContext, tx: Sql, doc: Doc, sig: DocSignature): Promise<{ storyIds: number[]; duplicates: number }> {
  const storyIds: number[] = [];
  let duplicates = 0;
  for (let i = 0; i < doc.stories.length; i++) {
    const story = doc.stories[i];
    const s = sig.stories[i];
    let id = await findStory(ctx, tx, s);
    if (id !== null) {
      duplicates++;
    } else {
      const text = doc.text.slice(story.start, story.end);
      const headline = story.headline ? doc.text.slice(story.headline.start, story.headline.end) : null;
      const rows = await tx.query<{ id: number }>(
        `INSERT INTO stories (hash, minhash, headline, dateline_place, dateline_date, dateline_agency, text, norm)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (hash) DO NOTHING RETURNING id`,
        [
          s.hash, Buffer.from(minhashToBytes(s.minhash)), headline, story.dateline?.place ?? null,
          story.dateline?.date ?? null, story.dateline?.agency ?? null, text, normalizeArabic(text),
        ],
      );
      if (!rows.length) {
        // inserted meanwhile by a concurrent transaction that has committed
        id = (await tx.query<{ id: number }>('SELECT id FROM stories WHERE hash = $1', [s.hash]))[0].id;
        duplicates++;
      } else id = rows[0].id;
      if (rows.length && s.bands.length) {
        await tx.query(
          `INSERT INTO story_bands (band, story_id) SELECT DISTINCT b, $2::int FROM unnest($1::text[]) AS b
           ON CONFLICT DO NOTHING`,
          [s.bands, id],
        );
      }
    }
    storyIds.push(id);
    await tx.query(
      `INSERT INTO story_sources (document_id, story_index, story_id, start_offset, end_offset, rule, parent)
       VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [doc.id, story.index ?? i, id, story.start, story.end, story.rule ?? null, story.parent ?? null],
    );
  }
  return { storyIds, duplicates };
}

/** An existing story with the same hash, or one whose LSH bands collide and that is a near duplicate. */
async function findStory(ctx: WriteContext, tx: Sql, s: { hash: string; minhash: Uint32Array; bands: string[] }): Promise<number | null> {
  const same = await tx.query<{ id: number }>('SELECT id FROM stories WHERE hash = $1', [s.hash]);
  if (same.length) return same[0].id;
  if (!s.bands.length) return null;
  const candidates = await tx.query<{ id: number; minhash: Uint8Array }>(
    `SELECT st.id, st.minhash FROM stories st
     WHERE st.id IN (SELECT story_id FROM story_bands WHERE band = ANY($1::text[]))
     ORDER BY st.id`,
    [s.bands],
  );
  if (!candidates.length) return null;
  for (const c of candidates) {
    const other = bytesToMinhash(c.minhash);
    // a signature made with other MinHash parameters cannot be compared
    if (other.length !== s.minhash.length) continue;
    if (ctx.similarity.isNearDuplicate(s.minhash, other)) return c.id;
  }
  return null;
}

async function writeSentencesAndMentions(tx: Sql, doc: Doc): Promise<void> {
  if (doc.sentences.length) {
    await tx.query(
      `INSERT INTO sentences (document_id, idx, story_index, start_offset, end_offset)
       SELECT $1, r.idx, r.story, r.s, r.e FROM jsonb_to_recordset($2::jsonb) AS r(idx int, story int, s int, e int)`,
      [doc.id, json(doc.sentences.map((x, idx) => ({ idx, story: x.story, s: x.start, e: x.end })))],
    );
  }
  if (doc.mentions.length) {
    const rows = doc.mentions.map((x, idx) => ({
      idx, s: x.start, e: x.end, type: x.type, norm: x.norm, source: x.source, confidence: x.confidence,
      country: x.country ?? null, org: x.org ?? null, actor: x.actor ?? null, title: x.title ?? null,
    }));
    await tx.query(
      `INSERT INTO mentions (document_id, idx, start_offset, end_offset, type, norm, source, confidence, country, org, actor, title_idx)
       SELECT $1, r.idx, r.s, r.e, r.type, r.norm, r.source, r.confidence, r.country, r.org, r.actor, r.title
       FROM jsonb_to_recordset($2::jsonb) AS r(idx int, s int, e int, type text, norm text, source text,
            confidence float8, country text, org text, actor text, title int)`,
      [doc.id, json(rows)],
    );
  }
}

/** Writes the document's events; returns how many new event rows were created. */
async function writeEvents(ctx: WriteContext, tx: Sql, doc: Doc, storyIds: number[]): Promise<number> {
  let created = 0;
  const day = doc.meta.published?.slice(0, 10) ?? null;
  for (const ev of doc.events) {
    const fp = ctx.fingerprint(ev, doc);
    const found = await findEvent(tx, fp, doc.id);
    let eventId = found.length ? found[0].id : await insertEvent(tx, ev, fp, day);
    if (eventId !== null && !found.length) {
      created++;
    } else {
      // an existing event (possibly inserted meanwhile by a concurrent transaction that has committed)
      eventId ??= (await findEvent(tx, fp, doc.id))[0].id;
      await tx.query(
        `UPDATE events SET confidence = GREATEST(confidence, $2),
           rules = ARRAY(SELECT DISTINCT unnest(rules || $3::text[]) ORDER BY 1) WHERE id = $1`,
        [eventId, ev.confidence, ev.rules],
      );
      const already = await tx.query('SELECT 1 FROM event_sources WHERE event_id = $1 AND document_id = $2', [eventId, doc.id]);
      if (!already.length) {
        await tx.query(`INSERT INTO merges (kept, merged, document_id, reason) VALUES ($1, NULL, $2, 'fingerprint')`, [eventId, doc.id]);
      }
    }
    await tx.query(
      `INSERT INTO event_sources (event_id, document_id, story_id, story_index, confidence, rules)
       VALUES ($1,$2,$3,$4,$5,$6::text[])
       ON CONFLICT (event_id, document_id) DO UPDATE SET confidence = GREATEST(event_sources.confidence, EXCLUDED.confidence),
         rules = ARRAY(SELECT DISTINCT unnest(event_sources.rules || EXCLUDED.rules) ORDER BY 1)`,
      [eventId, doc.id, storyIds[ev.story] ?? null, ev.story, ev.confidence, uniq(ev.rules)],
    );
    if (ev.evidence.length) {
      const spans = ev.evidence.map((e) => {
        const text = doc.text.slice(e.start, e.end);
        return { s: e.start, e: e.end, text, norm: normalizeArabic(text) };
      });
      await tx.query(
        `INSERT INTO event_evidence (event_id, document_id, start_offset, end_offset, text, norm)
         SELECT $1, $2, r.s, r.e, r.text, r.norm FROM jsonb_to_recordset($3::jsonb) AS r(s int, e int, text text, norm text)
         ON CONFLICT DO NOTHING`,
        [eventId, doc.id, json(spans)],
      );
    }
  }
  return created;
}

/**
 * The event a report with fingerprint `fp` from document `docId` joins: where a reviewer's merge
 * or split routed it (this document first, then any document), else the event with that fingerprint.
 */
function findEvent(tx: Sql, fp: string, docId: string): Promise<Array<{ id: number }>> {
  return tx.query<{ id: number }>(
    `SELECT id FROM (
       SELECT event_id AS id, 0 AS o FROM event_routes WHERE fingerprint = $1 AND document_id = $2
       UNION ALL SELECT event_id, 1 FROM event_routes WHERE fingerprint = $1 AND document_id = ''
       UNION ALL SELECT id, 2 FROM events WHERE fingerprint = $1) r ORDER BY o LIMIT 1`,
    [fp, docId],
  );
}

/** Inserts a new event with its actors; null when a concurrent transaction inserted the same fingerprint. */
async function insertEvent(tx: Sql, ev: DocEvent, fp: string, day: string | null): Promise<number | null> {
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO events (fingerprint, type, action, mode, countries, organizations, location_name, location_country,
                         date, day, contexts, confidence, rules, negated, cameo)
     VALUES ($1,$2,$3,$4,$5::text[],$6::text[],$7,$8,$9,$10,$11::text[],$12,$13::text[],$14,$15)
     ON CONFLICT (fingerprint) DO NOTHING RETURNING id`,
    [
      fp, ev.event, ev.action, ev.mode, uniq(ev.countries), uniq(ev.organizations), ev.location?.name ?? null,
      ev.location?.country ?? null, ev.date, ev.date ?? day, uniq(ev.contexts), ev.confidence, uniq(ev.rules),
      ev.negated ?? false, (ev as { cameo?: string }).cameo ?? null,
    ],
  );
  if (!rows.length) return null;
  const eventId = rows[0].id;
  if (!ev.actors.length) return eventId;
  const actors = ev.actors.map((a, idx) => ({
    idx, name: a.name, norm: normalizeArabic(a.name), kind: a.kind, country: a.country, org: a.org,
    title: a.title, side: a.side, entity: a.entity ?? null,
  }));
  await tx.query(
    `INSERT INTO event_actors (event_id, idx, name, norm, kind, country, org, title, side, entity)
     SELECT $1, r.idx, r.name, r.norm, r.kind, r.country, r.org, r.title, r.side,
            COALESCE((SELECT x.kept FROM actor_redirects x WHERE x.merged = r.entity), r.entity)
     FROM jsonb_to_recordset($2::jsonb) AS r(idx int, name text, norm text, kind text, country text,
          org text, title text, side text, entity text)`,
    [eventId, json(actors)],
  );
  const entities = actors.filter((a) => a.entity);
  if (entities.length) {
    await tx.query(
      `INSERT INTO actors (id, name, kind, country, discovered)
       SELECT DISTINCT ON (r.entity) r.entity, r.name, r.kind, r.country, true
       FROM jsonb_to_recordset($1::jsonb) AS r(entity text, name text, kind text, country text)
       WHERE NOT EXISTS (SELECT 1 FROM actor_redirects x WHERE x.merged = r.entity)
       ORDER BY r.entity
       ON CONFLICT (id) DO NOTHING`,
      [json(entities)],
    );
  }
  return eventId;
}

/** Throws a clear error naming the field when a span does not lie within the document text. */
export function checkSpans(doc: Doc): void {
  const n = doc.text.length;
  const check = (where: string, s: { start: number; end: number }, nonEmpty = false) => {
    const ok = Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= n && (nonEmpty ? s.end > s.start : s.end >= s.start);
    if (!ok) throw new Error(`store: document ${doc.id}: ${where}: span ${s.start}-${s.end} is not within the text (length ${n})`);
  };
  doc.stories.forEach((s, i) => check(`stories[${i}]`, s));
  doc.sentences.forEach((s, i) => check(`sentences[${i}]`, s));
  doc.mentions.forEach((s, i) => check(`mentions[${i}]`, s));
  doc.events.forEach((e, i) => {
    if (doc.stories.length && !doc.stories[e.story]) throw new Error(`store: document ${doc.id}: events[${i}].story: no story ${e.story}`);
    e.evidence.forEach((s, j) => check(`events[${i}].evidence[${j}]`, s, true));
  });
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}
