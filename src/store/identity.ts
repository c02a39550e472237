import { basename } from 'node:path';
import type { Doc, DocEvent } from '../nlp/doc.ts';
import { createHash } from 'node:crypto';
import { isNearDuplicate, storySignature } from '../ingest/dedup.ts';
import { normalizeArabic } from '../text/normalize.ts';
import type { DocSignature, Similarity } from './store.ts';

/**
 * Default event fingerprint: type + action + sorted parties (countries, organizations) +
 * sorted normalized actor names + date (an event with no date takes the document's publication
 * day). It names a report (reviewers' routes, reviewed events); which reports are one event is
 * decided by compatibility (src/nlp/events/identity.ts, src/store/merge.ts).
 */
export function defaultFingerprint(ev: DocEvent, doc: Doc): string {
  const names = [...new Set(ev.actors.map((a) => normalizeArabic(a.name).replace(/\s+/g, ' ').trim()))].sort();
  const date = ev.date ?? doc.meta.published?.slice(0, 10) ?? '';
  return [
    ev.event,
    ev.action,
    [...new Set(ev.countries)].sort().join(','),
    [...new Set(ev.organizations)].sort().join(','),
    names.join(','),
    date,
    ev.negated ? 'neg' : '',
  ].join('|');
}

/**
 * The name a document has in exports: the id of a JSON Lines article, otherwise the file's base
 * name (the gold names sources that way); stdin documents keep their id.
 */
export function exportName(doc: Doc): string {
  if (doc.meta.format === 'jsonl') return doc.id;
  const origin = doc.meta.origin;
  if (!origin || origin === '-') return doc.id;
  return basename(origin);
}

/**
 * The signature saveDocument needs: sha256 of the raw bytes (of the text when there are none)
 * and the ingest story signatures (src/ingest/dedup.ts) of each story.
 */
export function docSignature(doc: Doc): DocSignature {
  const raw = doc.raw ?? new TextEncoder().encode(doc.text);
  return {
    rawHash: createHash('sha256').update(raw).digest('hex'),
    stories: doc.stories.map((s) => storySignature(doc.text.slice(s.start, s.end))),
  };
}

/** Default near-duplicate test: MinHash similarity ≥ NEAR_DUPLICATE_THRESHOLD (src/ingest/dedup.ts). */
export const defaultSimilarity: Similarity = { isNearDuplicate };

export function minhashToBytes(m: Uint32Array): Uint8Array {
  const copy = new Uint32Array(m); // own buffer, aligned
  return new Uint8Array(copy.buffer);
}

export function bytesToMinhash(b: Uint8Array): Uint32Array {
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new Uint32Array(copy.buffer, 0, Math.floor(b.byteLength / 4));
}
