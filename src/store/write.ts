import { createHash } from 'node:crypto';
import type { Doc } from '../nlp/doc.ts';
import { normalizeArabic } from '../text/normalize.ts';
import { bytesToMinhash, defaultFingerprint, exportName, minhashToBytes } from './identity.ts';
import { EVENT_LOCK, writeEvents } from './merge.ts';
import type { MentionJson, SentenceJson } from './read-docs.ts';
import type { Sql } from './sql.ts';
import type { DocSignature, FingerprintFn, SaveResult, Similarity } from './store.ts';

export interface WriteContext {
  sql: Sql;
  fingerprint: FingerprintFn;
  similarity: Similarity;
}

const json = (v: unknown) => JSON.stringify(v);

export interface SaveItem {
  doc: Doc;
  sig: DocSignature;
}

/**
 * Saves `doc` in one transaction (see Store.saveDocument). Anything thrown inside rolls the
 * whole document back.
 */
export async function saveDocument(ctx: WriteContext, doc: Doc, sig: DocSignature, runId?: number): Promise<SaveResult> {
  return (await saveDocuments(ctx, [{ doc, sig }], runId))[0];
}

/**
 * Saves documents in one transaction, with the same result as saving them one after the other
 * (see Store.saveDocuments): unchanged documents are skipped, a changed one has its old content
 * removed first, and the others are written together, a fixed number of statements for the
 * whole batch. Anything thrown rolls the whole batch back.
 */
export async function saveDocuments(ctx: WriteContext, items: SaveItem[], runId?: number): Promise<SaveResult[]> {
  for (const { doc, sig } of items) {
    if (sig.stories.length !== doc.stories.length) {
      throw new Error(`store: document ${doc.id}: ${doc.stories.length} stories but ${sig.stories.length} story signatures`);
    }
    checkSpans(doc);
  }
  if (!items.length) return [];
  // Concurrent writers (several ingest workers on one server) can collide on a story or event
  // that both insert, or deadlock; the transaction is then retried from the start.
  for (let attempt = 1; ; attempt++) {
    try {
      return await saveOnce(ctx, items, runId);
    } catch (err) {
      if (attempt >= 5 || !RETRYABLE.has((err as { code?: string }).code ?? '')) throw err;
    }
  }
}

/** deadlock_detected, serialization_failure, unique_violation (a concurrent insert won the race). */
const RETRYABLE = new Set(['40P01', '40001', '23505']);

const EMPTY = { stories: 0, duplicateStories: 0, events: 0, newEvents: 0 };

/**
 * The batch in order: documents are grouped until one is a new version of a stored (or earlier
 * in the batch) document, whose old content is removed before it is written, as a sequence of
 * single saves would do.
 */
function saveOnce(ctx: WriteContext, items: SaveItem[], runId?: number): Promise<SaveResult[]> {
  const fingerprints = items.map(({ doc }) => doc.events.map((ev) => ctx.fingerprint(ev, doc)));
  return ctx.sql.transaction(async (tx) => {
    const known = await storedHashes(tx, items.map((x) => x.doc.id));
    const results: SaveResult[] = new Array(items.length);
    let group: number[] = [];
    const flush = async () => {
      if (!group.length) return;
      const written = await writeGroup(ctx, tx, group.map((i) => items[i]), group.map((i) => fingerprints[i]), runId ?? null);
      group.forEach((i, k) => (results[i] = { ...written[k], status: results[i]?.status ?? 'added' }));
      group = [];
    };
    for (let i = 0; i < items.length; i++) {
      const { doc, sig } = items[i];
      const stored = known.get(doc.id);
      if (stored === sig.rawHash) {
        results[i] = { status: 'unchanged', ...EMPTY };
        continue;
      }
      if (stored !== undefined) {
        await flush();
        await removeDocumentContent(tx, doc.id);
        results[i] = { status: 'replaced', ...EMPTY };
      }
      known.set(doc.id, sig.rawHash);
      group.push(i);
    }
    await flush();
    return results;
  });
}

/** Stories, links, sentences, mentions and events of documents that are new (or whose old content was removed). */
async function writeGroup(ctx: WriteContext, tx: Sql, items: SaveItem[], fingerprints: string[][], runId: number | null): Promise<Array<Omit<SaveResult, 'status'>>> {
  const found = await lookupStories(tx, items.map((x) => x.sig));
  const plans = planStories(ctx, items.map((x) => x.sig), found);
  const { storyIds, duplicates } = await writeDocuments(tx, items, plans, runId);
  const newEvents = await writeEvents(tx, items.map((x) => x.doc), fingerprints, storyIds, { byFingerprint: ctx.fingerprint !== defaultFingerprint });
  return items.map(({ doc }, k) => ({ stories: doc.stories.length, duplicateStories: duplicates[k], events: doc.events.length, newEvents: newEvents[k] }));
}

/**
 * Removes a document's links (stories, event reports) and what is left without a source (its
 * sentences and mentions are on its row: the next version's write replaces them).
 */
export async function removeDocumentContent(tx: Sql, docId: string): Promise<void> {
  const stories = await tx.query<{ story_id: number }>('DELETE FROM story_sources WHERE document_id = $1 RETURNING story_id', [docId]);
  const events = await tx.query<{ event_id: number }>('DELETE FROM event_sources WHERE document_id = $1 RETURNING event_id', [docId]);
  await tx.query('DELETE FROM event_evidence WHERE document_id = $1', [docId]);
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
  /** Stored stories sharing an LSH band with one of the document's stories, in id order, with all their bands. */
  near: Array<{ id: number; minhash: Uint32Array; bands: Set<string> }>;
}

/** The stored versions' raw hashes (rows locked) of the documents that are stored. */
async function storedHashes(tx: Sql, docIds: string[]): Promise<Map<string, string>> {
  const rows = await tx.query<{ id: string; raw_hash: string }>('SELECT id, raw_hash FROM documents WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [[...new Set(docIds)]]);
  return new Map(rows.map((r) => [r.id, r.raw_hash]));
}

/** The stored stories the documents' stories may duplicate: same hash, or a shared LSH band. */
async function lookupStories(tx: Sql, sigs: DocSignature[]): Promise<Lookup> {
  const hashes = [...new Set(sigs.flatMap((sig) => sig.stories.map((s) => s.hash)))];
  const bands = [...new Set(sigs.flatMap((sig) => sig.stories.flatMap((s) => s.bands)))];
  if (!hashes.length) return { same: new Map(), near: [] };
  const [row] = await tx.query<{
    same: Array<{ id: number; hash: string }> | null;
    near: Array<{ id: number; minhash: string; bands: string[] }> | null;
  }>('SELECT same, near FROM rasid_lookup_stories($1, $2)', [hashes, bands]);
  return {
    same: new Map((row.same ?? []).map((r) => [r.hash, r.id])),
    near: (row.near ?? []).map((r) => ({ id: r.id, minhash: bytesToMinhash(Buffer.from(r.minhash, 'hex')), bands: new Set(r.bands) })),
  };
}

interface StoryPlan {
  /** A stored story. */
  id: number | null;
  /** Hash of the story of this batch that this one duplicates (itself for a new story). */
  hash: string;
  /** Whether the story is a new one of this batch (not a duplicate). */
  fresh: boolean;
}

/**
 * Each story of each document, in order, is an already stored story (same hash, or an LSH band
 * hit that is a near duplicate), a story of this batch met earlier (same hash or near
 * duplicate, in the order they were met: the order their ids will have), or a new story.
 */
function planStories(ctx: WriteContext, sigs: DocSignature[], found: Lookup): StoryPlan[][] {
  const met: Array<{ hash: string; minhash: Uint32Array; bands: Set<string> }> = [];
  const metByHash = new Map<string, string>();
  return sigs.map((sig) =>
    sig.stories.map((s) => {
      const stored = found.same.get(s.hash);
      if (stored !== undefined) return { id: stored, hash: s.hash, fresh: false };
      const same = metByHash.get(s.hash);
      if (same !== undefined) return { id: null, hash: same, fresh: false };
      const near = nearStored(ctx, s, found.near);
      if (near !== null) return { id: near, hash: s.hash, fresh: false };
      const earlier = met.find((m) => m.minhash.length === s.minhash.length && s.bands.some((b) => m.bands.has(b)) &&
        ctx.similarity.isNearDuplicate(s.minhash, m.minhash));
      if (earlier) return { id: null, hash: earlier.hash, fresh: false };
      met.push({ hash: s.hash, minhash: s.minhash, bands: new Set(s.bands) });
      metByHash.set(s.hash, s.hash);
      return { id: null, hash: s.hash, fresh: true };
    }),
  );
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
 * Writes the documents' rows (with their sentences and mentions), their new stories (with their
 * LSH bands) and story links in one statement (rasid_write_documents, migration 012); takes EVENT_LOCK
 * first when a document has events, so that the candidate events read next are read under it. A story inserted meanwhile by a concurrent
 * transaction is linked (ON CONFLICT DO UPDATE returns its id; xmax tells it was not inserted).
 */
async function writeDocuments(tx: Sql, items: SaveItem[], plans: StoryPlan[][], runId: number | null): Promise<{ storyIds: number[][]; duplicates: number[] }> {
  // the raw bytes of all the documents in one bytea parameter, each document naming its slice
  // (as bytes: no hex text inside the JSON for the database to parse and decode)
  const raws = Buffer.concat(items.flatMap(({ doc }) => (doc.raw ? [doc.raw] : [])));
  let rawAt = 0;
  const documents = items.map(({ doc, sig }) => {
    const m = doc.meta;
    const raw = doc.raw ? { raw_at: rawAt, raw_len: doc.raw.byteLength } : { raw_at: null, raw_len: null };
    rawAt += doc.raw?.byteLength ?? 0;
    return {
      id: doc.id, name: exportName(doc), origin: m.origin, format: m.format, encoding: m.encoding, url: m.url ?? null, title: m.title ?? null,
      outlet: m.outlet ?? null, published: m.published ?? null, ...raw,
      raw_hash: sig.rawHash, text: doc.text, text_hash: sha256(doc.text), furniture: doc.furniture, lang: m.lang ?? null, warnings: doc.warnings,
      sentences: doc.sentences.map(storedSentence), mentions: doc.mentions.map(storedMention),
    };
  });
  // n: ids in the order the stories were met (planStories relies on it)
  const stories = items.flatMap(({ doc, sig }, d) =>
    doc.stories.flatMap((story, i) => {
      if (!plans[d][i].fresh) return [];
      const text = doc.text.slice(story.start, story.end);
      return [{
        hash: sig.stories[i].hash, minhash: Buffer.from(minhashToBytes(sig.stories[i].minhash)).toString('hex'),
        headline: story.headline ? doc.text.slice(story.headline.start, story.headline.end) : null,
        place: story.dateline?.place ?? null, date: story.dateline?.date ?? null, agency: story.dateline?.agency ?? null,
        text, norm: normalizeArabic(text), bands: [...new Set(sig.stories[i].bands)],
      }];
    }),
  ).map((r, n) => ({ n, ...r }));
  const links = items.flatMap(({ doc }, d) => doc.stories.map((story, i) => ({
    doc: doc.id, idx: story.index ?? i, id: plans[d][i].id, hash: plans[d][i].id === null ? plans[d][i].hash : null, s: story.start, e: story.end,
    rule: story.rule ?? null, parent: story.parent ?? null,
  })));
  // rasid_write_documents (migration 012) takes the event lock first when a document has events
  const lock = items.some((x) => x.doc.events.length) ? EVENT_LOCK : null;
  const inserted = await tx.query<{ story_id: number; story_hash: string; inserted: boolean }>(
    'SELECT story_id, story_hash, inserted FROM rasid_write_documents($1, $2, $3, $4, $5, $6)',
    [runId, json(documents), json(stories), json(links), raws, lock],
  );
  const byHash = new Map<string, { id: number; inserted: boolean }>();
  for (const r of inserted) byHash.set(r.story_hash, { id: r.story_id, inserted: Boolean(r.inserted) });
  const duplicates: number[] = [];
  const storyIds = items.map(({ doc }, d) => {
    let dup = 0;
    const ids = plans[d].map((p, i) => {
      if (p.id !== null) {
        dup++;
        return p.id;
      }
      const got = byHash.get(p.hash);
      if (!got) throw new Error(`store: document ${doc.id}: story ${i} was not stored`);
      if (!p.fresh || !got.inserted) dup++; // a duplicate, or stored meanwhile by a concurrent transaction
      return got.id;
    });
    duplicates.push(dup);
    return ids;
  });
  return { storyIds, duplicates };
}

function fail(doc: Doc, where: string, expected: string, got: unknown): never {
  throw new Error(`store: document ${doc.id}: ${where}: expected ${expected}, got ${JSON.stringify(got) ?? String(got)}`);
}

function storedSentence(x: Doc['sentences'][number]): SentenceJson {
  return { story: x.story, start: x.start, end: x.end };
}

function storedMention(x: Doc['mentions'][number]): MentionJson {
  return {
    start: x.start, end: x.end, type: x.type, norm: x.norm, source: x.source, confidence: x.confidence,
    country: x.country ?? undefined, org: x.org ?? undefined, actor: x.actor ?? undefined, title: x.title ?? undefined,
  };
}

/**
 * Throws a clear error naming the field when a span does not lie within the document text, or a
 * sentence or mention lacks a value the store keeps.
 */
export function checkSpans(doc: Doc): void {
  const n = doc.text.length;
  // `where` names the span only when it is wrong (building the name for every mention was a
  // measurable part of saving a document)
  const check = (s: { start: number; end: number }, where: () => string, nonEmpty = false) => {
    const ok = Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= n && (nonEmpty ? s.end > s.start : s.end >= s.start);
    if (!ok) throw new Error(`store: document ${doc.id}: ${where()}: span ${s.start}-${s.end} is not within the text (length ${n})`);
  };
  doc.stories.forEach((s, i) => check(s, () => `stories[${i}]`));
  doc.sentences.forEach((s, i) => {
    check(s, () => `sentences[${i}]`);
    if (!Number.isInteger(s.story)) fail(doc, `sentences[${i}].story`, 'an integer', s.story);
  });
  doc.mentions.forEach((m, i) => {
    check(m, () => `mentions[${i}]`);
    if (typeof m.type !== 'string') fail(doc, `mentions[${i}].type`, 'a string', m.type);
    if (typeof m.norm !== 'string') fail(doc, `mentions[${i}].norm`, 'a string', m.norm);
    if (typeof m.source !== 'string') fail(doc, `mentions[${i}].source`, 'a string', m.source);
    if (typeof m.confidence !== 'number' || !Number.isFinite(m.confidence)) fail(doc, `mentions[${i}].confidence`, 'a number', m.confidence);
    if (m.title != null && !Number.isInteger(m.title)) fail(doc, `mentions[${i}].title`, 'the index of a mention', m.title);
  });
  doc.events.forEach((e, i) => {
    if (doc.stories.length && !doc.stories[e.story]) throw new Error(`store: document ${doc.id}: events[${i}].story: no story ${e.story}`);
    e.evidence.forEach((s, j) => check(s, () => `events[${i}].evidence[${j}]`, true));
  });
}
