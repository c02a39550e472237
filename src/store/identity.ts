import { basename } from 'node:path';
import type { Doc, DocEvent } from '../nlp/doc.ts';
import { normalizeArabic } from '../text/normalize.ts';
import type { Similarity } from './store.ts';

/**
 * Default event fingerprint: type + action + sorted parties (countries, organizations) +
 * sorted normalized actor names + date. Two reports with the same fingerprint are one event.
 * An event with no date takes the document's publication day so that unrelated meetings of
 * the same parties on different days stay apart.
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

/** The near-duplicate test from src/ingest/dedup.ts, loaded when first needed. */
export async function loadSimilarity(): Promise<Similarity> {
  const path = '../ingest/dedup.ts';
  let mod: { isNearDuplicate?: (a: Uint32Array, b: Uint32Array) => boolean };
  try {
    mod = await import(path);
  } catch (err) {
    throw new Error(`store: cannot load ${path} for near-duplicate stories (${(err as Error).message}); pass options.similarity`);
  }
  if (typeof mod.isNearDuplicate !== 'function') throw new Error(`store: ${path} has no isNearDuplicate(a, b)`);
  const fn = mod.isNearDuplicate;
  return { isNearDuplicate: (a, b) => fn(a, b) };
}

export function minhashToBytes(m: Uint32Array): Uint8Array {
  const copy = new Uint32Array(m); // own buffer, aligned
  return new Uint8Array(copy.buffer);
}

export function bytesToMinhash(b: Uint8Array): Uint32Array {
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new Uint32Array(copy.buffer, 0, Math.floor(b.byteLength / 4));
}
