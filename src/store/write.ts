import { createHash } from 'node:crypto';
import type { Doc } from '../nlp/doc.ts';
import { normalizeArabic } from '../text/normalize.ts';
import { bytesToMinhash, defaultFingerprint, exportName, minhashToBytes } from './identity.ts';
import { EVENT_LOCK, writeEvents } from './merge.ts';
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

/**
 * One document in five statements whatever its size: the stored version (an unchanged document
 * stops there), the stored stories it may duplicate, the document with its stories, sentences and
 * mentions, the candidate events, the events. A changed document first has its old content removed.
 */
function saveOnce(ctx: WriteContext, doc: Doc, sig: DocSignature, runId?: number): Promise<SaveResult> {
  const fingerprints = doc.events.map((ev) => ctx.fingerprint(ev, doc));
  return ctx.sql.transaction(async (tx) => {
    const stored = await storedHash(tx, doc.id);
    const empty = { stories: 0, duplicateStories: 0, events: 0, newEvents: 0 };
    if (stored === sig.rawHash) return { status: 'unchanged', ...empty };
    let status: SaveResult['status'] = 'added';
    if (stored !== null) {
      await removeDocumentContent(tx, doc.id);
      status = 'replaced';
    }
    const found = await lookupStories(tx, sig);
    const plans = planStories(ctx, sig, found);
    const { storyIds, duplicates } = await writeDocument(tx, doc, sig, plans, runId ?? null);
    const newEvents = await writeEvents(tx, doc, fingerprints, storyIds, { byFingerprint: ctx.fingerprint !== defaultFingerprint });
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
  // a human split's "do not merge" note outlives the document's reports (re-ingestion keeps it)
  await tx.query(`DELETE FROM merges WHERE document_id = $1 AND kind <> 'do_not_merge'`, [docId]);
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

interface Lookup {
  /** Stored stories with one of the document's story hashes. */
  same: Map<string, number>;
  /** Stored stories sharing an LSH band with one of the document's stories, in id order. */
  near: Array<{ id: number; minhash: Uint32Array; bands: Set<string> }>;
}

/** The stored version's raw hash (row locked), null when the document is new. */
async function storedHash(tx: Sql, docId: string): Promise<string | null> {
  const rows = await tx.query<{ raw_hash: string }>('SELECT raw_hash FROM documents WHERE id = $1 FOR UPDATE', [docId]);
  return rows.length ? rows[0].raw_hash : null;
}

/** The stored stories the document's stories may duplicate: same hash, or a shared LSH band. */
async function lookupStories(tx: Sql, sig: DocSignature): Promise<Lookup> {
  const hashes = sig.stories.map((s) => s.hash);
  const bands = [...new Set(sig.stories.flatMap((s) => s.bands))];
  if (!hashes.length) return { same: new Map(), near: [] };
  const [row] = await tx.query<{
    same: Array<{ id: number; hash: string }> | null;
    near: Array<{ id: number; minhash: string; bands: string[] }> | null;
  }>(
    `SELECT
       (SELECT json_agg(json_build_object('id', st.id, 'hash', st.hash)) FROM stories st WHERE st.hash = ANY($1::text[])) AS same,
       (SELECT json_agg(json_build_object('id', st.id, 'minhash', encode(st.minhash, 'hex'),
                 'bands', ARRAY(SELECT b.band FROM story_bands b WHERE b.story_id = st.id AND b.band = ANY($2::text[]))) ORDER BY st.id)
          FROM stories st WHERE st.id IN (SELECT story_id FROM story_bands WHERE band = ANY($2::text[]))) AS near`,
    [hashes, bands],
  );
  return {
    same: new Map((row.same ?? []).map((r) => [r.hash, r.id])),
    near: (row.near ?? []).map((r) => ({ id: r.id, minhash: bytesToMinhash(Buffer.from(r.minhash, 'hex')), bands: new Set(r.bands) })),
  };
}

interface StoryPlan {
  /** A stored story. */
  id: number | null;
  /** Index of an earlier story of this document that this one duplicates. */
  sameAs: number | null;
}

/**
 * Each story is an already stored story (same hash, or an LSH band hit that is a near
 * duplicate), an earlier story of this document, or a new story (id and sameAs null).
 */
function planStories(ctx: WriteContext, sig: DocSignature, found: Lookup): StoryPlan[] {
  const plans: StoryPlan[] = [];
  for (let i = 0; i < sig.stories.length; i++) {
    const s = sig.stories[i];
    const stored = found.same.get(s.hash) ?? nearStored(ctx, s, found.near);
    if (stored !== null) {
      plans.push({ id: stored, sameAs: null });
      continue;
    }
    const j = plans.findIndex((p, k) => p.id === null && p.sameAs === null && (sig.stories[k].hash === s.hash ||
      (sig.stories[k].bands.some((b) => s.bands.includes(b)) && sig.stories[k].minhash.length === s.minhash.length &&
        ctx.similarity.isNearDuplicate(s.minhash, sig.stories[k].minhash))));
    plans.push({ id: null, sameAs: j >= 0 ? j : null });
  }
  return plans;
}

/** The first stored story (in id order) whose bands collide with `s` and that is a near duplicate. */
function nearStored(ctx: WriteContext, s: { minhash: Uint32Array; bands: string[] }, near: Lookup['near']): number | null {
  for (const c of near) {
    // a signature made with other MinHash parameters cannot be compared
    if (c.minhash.length !== s.minhash.length || !s.bands.some((b) => c.bands.has(b))) continue;
    if (ctx.similarity.isNearDuplicate(s.minhash, c.minhash)) return c.id;
  }
  return null;
}

/**
 * Writes the document row, its new stories (with their LSH bands), its story links, sentences
 * and mentions in one statement; takes EVENT_LOCK when the document has events, so that the
 * candidate events read next are read under it. A story inserted meanwhile by a concurrent
 * transaction is linked (ON CONFLICT DO UPDATE returns its id; xmax tells it was not inserted).
 */
async function writeDocument(tx: Sql, doc: Doc, sig: DocSignature, plans: StoryPlan[], runId: number | null): Promise<{ storyIds: number[]; duplicates: number }> {
  const m = doc.meta;
  const raw = doc.raw ? Buffer.from(doc.raw.buffer, doc.raw.byteOffset, doc.raw.byteLength) : null;
  const fresh = plans.map((p, i) => (p.id === null && p.sameAs === null ? i : -1)).filter((i) => i >= 0);
  const stories = fresh.map((i) => {
    const story = doc.stories[i];
    const text = doc.text.slice(story.start, story.end);
    return {
      hash: sig.stories[i].hash, minhash: Buffer.from(minhashToBytes(sig.stories[i].minhash)).toString('hex'),
      headline: story.headline ? doc.text.slice(story.headline.start, story.headline.end) : null,
      place: story.dateline?.place ?? null, date: story.dateline?.date ?? null, agency: story.dateline?.agency ?? null,
      text, norm: normalizeArabic(text),
    };
  });
  const bands = fresh.flatMap((i) => [...new Set(sig.stories[i].bands)].map((band) => ({ band, hash: sig.stories[i].hash })));
  const hashOf = (i: number): string => (plans[i].sameAs !== null ? hashOf(plans[i].sameAs!) : sig.stories[i].hash);
  const links = doc.stories.map((story, i) => ({
    idx: story.index ?? i, id: plans[i].id, hash: plans[i].id === null ? hashOf(i) : null, s: story.start, e: story.end,
    rule: story.rule ?? null, parent: story.parent ?? null,
  }));
  const sentences = doc.sentences.map((x, idx) => ({ idx, story: x.story, s: x.start, e: x.end }));
  const mentions = doc.mentions.map((x, idx) => ({
    idx, s: x.start, e: x.end, type: x.type, norm: x.norm, source: x.source, confidence: x.confidence,
    country: x.country ?? null, org: x.org ?? null, actor: x.actor ?? null, title: x.title ?? null,
  }));
  const lock = doc.events.length ? ` UNION ALL SELECT NULL, NULL, NULL FROM (SELECT pg_advisory_xact_lock(${EVENT_LOCK})) AS l` : '';
  const inserted = await tx.query<{ id: number | null; hash: string | null; inserted: boolean | null }>(
    `WITH doc AS (
       INSERT INTO documents (id, name, origin, format, encoding, url, title, outlet, published, raw, raw_hash,
                              text, text_hash, furniture, lang, warnings, run_id, ingested_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14::jsonb,$15,$16::jsonb,$17, now())
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, origin = EXCLUDED.origin, format = EXCLUDED.format,
         encoding = EXCLUDED.encoding, url = EXCLUDED.url, title = EXCLUDED.title, outlet = EXCLUDED.outlet,
         published = EXCLUDED.published, raw = EXCLUDED.raw, raw_hash = EXCLUDED.raw_hash, text = EXCLUDED.text,
         text_hash = EXCLUDED.text_hash, furniture = EXCLUDED.furniture, lang = EXCLUDED.lang,
         warnings = EXCLUDED.warnings, run_id = EXCLUDED.run_id, ingested_at = now()),
     ins AS (
       INSERT INTO stories (hash, minhash, headline, dateline_place, dateline_date, dateline_agency, text, norm)
       SELECT r.hash, decode(r.minhash, 'hex'), r.headline, r.place, r.date, r.agency, r.text, r.norm
       FROM jsonb_to_recordset($18::jsonb) AS r(hash text, minhash text, headline text, place text, date text, agency text, text text, norm text)
       ON CONFLICT (hash) DO UPDATE SET hash = EXCLUDED.hash
       RETURNING id, hash, (xmax = 0) AS inserted),
     bands AS (
       INSERT INTO story_bands (band, story_id)
       SELECT b.band, ins.id FROM jsonb_to_recordset($19::jsonb) AS b(band text, hash text) JOIN ins ON ins.hash = b.hash AND ins.inserted
       ON CONFLICT DO NOTHING),
     links AS (
       INSERT INTO story_sources (document_id, story_index, story_id, start_offset, end_offset, rule, parent)
       SELECT $1, r.idx, COALESCE(r.id, (SELECT ins.id FROM ins WHERE ins.hash = r.hash)), r.s, r.e, r.rule, r.parent
       FROM jsonb_to_recordset($20::jsonb) AS r(idx int, id int, hash text, s int, e int, rule text, parent int)),
     sen AS (
       INSERT INTO sentences (document_id, idx, story_index, start_offset, end_offset)
       SELECT $1, r.idx, r.story, r.s, r.e FROM jsonb_to_recordset($21::jsonb) AS r(idx int, story int, s int, e int)),
     men AS (
       INSERT INTO mentions (document_id, idx, start_offset, end_offset, type, norm, source, confidence, country, org, actor, title_idx)
       SELECT $1, r.idx, r.s, r.e, r.type, r.norm, r.source, r.confidence, r.country, r.org, r.actor, r.title
       FROM jsonb_to_recordset($22::jsonb) AS r(idx int, s int, e int, type text, norm text, source text,
            confidence float8, country text, org text, actor text, title int))
     SELECT id, hash, inserted FROM ins${lock}`,
    [
      doc.id, exportName(doc), m.origin, m.format, m.encoding, m.url ?? null, m.title ?? null, m.outlet ?? null,
      m.published ?? null, raw, sig.rawHash, doc.text, sha256(doc.text), json(doc.furniture), m.lang ?? null,
      json(doc.warnings), runId, json(stories), json(bands), json(links), json(sentences), json(mentions),
    ],
  );
  const byHash = new Map<string, { id: number; inserted: boolean }>();
  for (const r of inserted) if (r.hash !== null) byHash.set(r.hash, { id: r.id!, inserted: Boolean(r.inserted) });
  let duplicates = 0;
  const storyIds = plans.map((p, i) => {
    if (p.id !== null || p.sameAs !== null) {
      duplicates++;
      return p.id ?? byHash.get(hashOf(i))!.id;
    }
    const got = byHash.get(sig.stories[i].hash);
    if (!got) throw new Error(`store: document ${doc.id}: story ${i} was not stored`);
    if (!got.inserted) duplicates++; // stored meanwhile by a concurrent transaction
    return got.id;
  });
  return { storyIds, duplicates };
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

