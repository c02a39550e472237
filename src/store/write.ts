import { createHash } from 'node:crypto';
import type { Doc } from '../nlp/doc.ts';
import { normalizeArabic } from '../text/normalize.ts';
import { bytesToMinhash, defaultFingerprint, exportName, minhashToBytes } from './identity.ts';
import { writeEvents } from './merge.ts';
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
    const fingerprints = doc.events.map((ev) => ctx.fingerprint(ev, doc));
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

interface StoryPlan {
  id: number | null;
  /** Index of an earlier story of this document that this one duplicates. */
  sameAs: number | null;
  duplicate: boolean;
}

/**
 * Links the document's stories: each is an already stored story (same hash, or an LSH band hit
 * that is a near duplicate), an earlier story of this document, or a new story. Two lookups, one
 * insert of the new stories, one of their bands and one of the links, whatever the story count.
 */
async function writeStories(ctx: WriteContext, tx: Sql, doc: Doc, sig: DocSignature): Promise<{ storyIds: number[]; duplicates: number }> {
  const n = doc.stories.length;
  if (!n) return { storyIds: [], duplicates: 0 };
  const hashes = sig.stories.map((s) => s.hash);
  const bands = [...new Set(sig.stories.flatMap((s) => s.bands))];
  const found = await tx.query<{ id: number; hash: string; minhash: Uint8Array | null; bands: string[] | null }>(
    `SELECT st.id, st.hash, NULL::bytea AS minhash, NULL::text[] AS bands FROM stories st WHERE st.hash = ANY($1::text[])
     UNION ALL
     SELECT st.id, st.hash, st.minhash, ARRAY(SELECT b.band FROM story_bands b WHERE b.story_id = st.id AND b.band = ANY($2::text[]))
     FROM stories st WHERE st.id IN (SELECT story_id FROM story_bands WHERE band = ANY($2::text[]))
     ORDER BY 1`,
    [hashes, bands],
  );
  const byHash = new Map<string, number>();
  const near: Array<{ id: number; minhash: Uint32Array; bands: Set<string> }> = [];
  for (const r of found) {
    if (r.minhash === null) byHash.set(r.hash, r.id);
    else near.push({ id: r.id, minhash: bytesToMinhash(r.minhash), bands: new Set(r.bands ?? []) });
  }
  const plans: StoryPlan[] = [];
  for (let i = 0; i < n; i++) {
    const s = sig.stories[i];
    const stored = byHash.get(s.hash) ?? nearStored(ctx, s, near);
    if (stored !== null) {
      plans.push({ id: stored, sameAs: null, duplicate: true });
      continue;
    }
    // an earlier new story of this document (same hash, or near duplicate with a shared band)
    const j = plans.findIndex((p, k) => p.id === null && p.sameAs === null && (sig.stories[k].hash === s.hash ||
      (sig.stories[k].bands.some((b) => s.bands.includes(b)) && sig.stories[k].minhash.length === s.minhash.length &&
        ctx.similarity.isNearDuplicate(s.minhash, sig.stories[k].minhash))));
    plans.push(j >= 0 ? { id: null, sameAs: j, duplicate: true } : { id: null, sameAs: null, duplicate: false });
  }
  const fresh = plans.map((p, i) => (p.id === null && p.sameAs === null ? i : -1)).filter((i) => i >= 0);
  if (fresh.length) {
    const rows = fresh.map((i) => {
      const story = doc.stories[i];
      const text = doc.text.slice(story.start, story.end);
      return {
        hash: sig.stories[i].hash, minhash: Buffer.from(minhashToBytes(sig.stories[i].minhash)).toString('hex'),
        headline: story.headline ? doc.text.slice(story.headline.start, story.headline.end) : null,
        place: story.dateline?.place ?? null, date: story.dateline?.date ?? null, agency: story.dateline?.agency ?? null,
        text, norm: normalizeArabic(text),
      };
    });
    const inserted = await tx.query<{ id: number; hash: string }>(
      `INSERT INTO stories (hash, minhash, headline, dateline_place, dateline_date, dateline_agency, text, norm)
       SELECT r.hash, decode(r.minhash, 'hex'), r.headline, r.place, r.date, r.agency, r.text, r.norm
       FROM jsonb_to_recordset($1::jsonb) AS r(hash text, minhash text, headline text, place text, date text, agency text, text text, norm text)
       ON CONFLICT (hash) DO NOTHING RETURNING id, hash`,
      [json(rows)],
    );
    const ids = new Map(inserted.map((r) => [r.hash, r.id]));
    const missing = fresh.filter((i) => !ids.has(sig.stories[i].hash)).map((i) => sig.stories[i].hash);
    if (missing.length) {
      // inserted meanwhile by a concurrent transaction that has committed
      const rows2 = await tx.query<{ id: number; hash: string }>('SELECT id, hash FROM stories WHERE hash = ANY($1::text[])', [missing]);
      for (const r of rows2) ids.set(r.hash, r.id);
    }
    const bandRows: Array<{ band: string; id: number }> = [];
    for (const i of fresh) {
      const id = ids.get(sig.stories[i].hash);
      if (id === undefined) throw new Error(`store: document ${doc.id}: story ${i} could not be stored`);
      const isNew = inserted.some((r) => r.id === id);
      plans[i] = { id, sameAs: null, duplicate: !isNew };
      if (isNew) for (const band of new Set(sig.stories[i].bands)) bandRows.push({ band, id });
    }
    if (bandRows.length) {
      await tx.query(
        `INSERT INTO story_bands (band, story_id) SELECT r.band, r.id FROM jsonb_to_recordset($1::jsonb) AS r(band text, id int)
         ON CONFLICT DO NOTHING`,
        [json(bandRows)],
      );
    }
  }
  const storyIds = plans.map((p) => (p.sameAs !== null ? plans[p.sameAs].id : p.id) as number);
  await tx.query(
    `INSERT INTO story_sources (document_id, story_index, story_id, start_offset, end_offset, rule, parent)
     SELECT $1, r.idx, r.id, r.s, r.e, r.rule, r.parent FROM jsonb_to_recordset($2::jsonb) AS r(idx int, id int, s int, e int, rule text, parent int)`,
    [doc.id, json(doc.stories.map((story, i) => ({ idx: story.index ?? i, id: storyIds[i], s: story.start, e: story.end, rule: story.rule ?? null, parent: story.parent ?? null })))],
  );
  return { storyIds, duplicates: plans.filter((p) => p.duplicate).length };
}

/** The first stored story (in id order) whose bands collide with `s` and that is a near duplicate. */
function nearStored(ctx: WriteContext, s: { minhash: Uint32Array; bands: string[] }, near: Array<{ id: number; minhash: Uint32Array; bands: Set<string> }>): number | null {
  for (const c of near) {
    // a signature made with other MinHash parameters cannot be compared
    if (c.minhash.length !== s.minhash.length || !s.bands.some((b) => c.bands.has(b))) continue;
    if (ctx.similarity.isNearDuplicate(s.minhash, c.minhash)) return c.id;
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

