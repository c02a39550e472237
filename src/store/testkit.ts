/**
 * Test helpers for the store: builds Docs from hand-written Arabic stories and computes simple
 * story signatures (exact hash, MinHash over word 3-shingles, LSH bands) so that store tests do
 * not depend on the ingest code. Not used by library code.
 */
import { createHash } from 'node:crypto';
import { newDoc, type Doc, type DocEvent, type EventActor } from '../nlp/doc.ts';
import { normalizeArabic } from '../text/normalize.ts';
import type { DocSignature, Similarity, StorySignature } from './store.ts';

export interface StorySpec {
  text: string;
  headline?: string;
}

export interface EventSpec {
  event: string;
  action: string;
  mode?: string | null;
  countries: string[];
  organizations?: string[];
  actors?: Array<Partial<EventActor> & { name: string }>;
  location?: { name: string; country: string | null } | null;
  date?: string | null;
  contexts?: string[];
  /** Substrings of the document text (first occurrence) used as evidence. */
  evidence: string[];
  story?: number;
  confidence?: number;
  rules?: string[];
  negated?: boolean;
}

export interface DocSpec {
  id: string;
  origin?: string;
  published?: string;
  outlet?: string;
  stories: StorySpec[];
  events?: EventSpec[];
  /** Changes the raw bytes (and so the raw hash) without changing the text. */
  version?: number;
}

export function buildDoc(spec: DocSpec): Doc {
  const parts: string[] = [];
  const spans: Array<{ start: number; end: number; headline?: { start: number; end: number } }> = [];
  let offset = 0;
  for (const s of spec.stories) {
    const body = s.headline ? `${s.headline}\n${s.text}` : s.text;
    spans.push({
      start: offset,
      end: offset + body.length,
      headline: s.headline ? { start: offset, end: offset + s.headline.length } : undefined,
    });
    parts.push(body);
    offset += body.length + 2;
  }
  const text = parts.join('\n\n');
  const raw = new TextEncoder().encode(`${text}\n<!-- v${spec.version ?? 1} -->`);
  const doc = newDoc(
    spec.id,
    text,
    { origin: spec.origin ?? `/in/${spec.id}.txt`, format: 'txt', encoding: 'utf-8', published: spec.published, outlet: spec.outlet, lang: 'ar' },
    raw,
  );
  doc.stories = spans.map((sp, index) => ({ ...sp, index, rule: 'test.story' }));
  doc.sentences = [];
  for (const [story, sp] of spans.entries()) {
    let start = sp.start;
    for (let i = sp.start; i < sp.end; i++) {
      if (text[i] === '.' || i === sp.end - 1) {
        doc.sentences.push({ start, end: i + 1, story });
        start = i + 1;
        while (start < sp.end && text[start] === ' ') start++;
      }
    }
  }
  doc.events = (spec.events ?? []).map((e) => buildEvent(text, e));
  doc.mentions = doc.events.flatMap((e) =>
    e.actors.map((a) => {
      const at = text.indexOf(a.name);
      return {
        start: Math.max(at, 0), end: Math.max(at, 0) + a.name.length, type: a.kind === 'organization' ? 'organization' as const : a.kind,
        norm: normalizeArabic(a.name), source: 'test.gazetteer', confidence: 0.9, country: a.country ?? undefined,
      };
    }),
  );
  return doc;
}

function buildEvent(text: string, e: EventSpec): DocEvent {
  return {
    event: e.event,
    action: e.action,
    mode: e.mode ?? null,
    actors: (e.actors ?? []).map((a) => ({
      name: a.name, kind: a.kind ?? 'person', country: a.country ?? null, org: a.org ?? null, title: a.title ?? null,
      side: a.side ?? 'actor', entity: a.entity,
    })),
    countries: e.countries,
    organizations: e.organizations ?? [],
    location: e.location ?? null,
    date: e.date ?? null,
    contexts: e.contexts ?? ['diplomatic'],
    evidence: e.evidence.map((w) => {
      const at = text.indexOf(w);
      if (at < 0) throw new Error(`testkit: evidence "${w}" not in text`);
      return { start: at, end: at + w.length };
    }),
    story: e.story ?? 0,
    confidence: e.confidence ?? 0.8,
    rules: e.rules ?? ['test.rule'],
    negated: e.negated,
  };
}

const K = 64;
const BANDS = 16;

function hash32(s: string, seed: number): number {
  const h = createHash('md5').update(`${seed}:${s}`).digest();
  return h.readUInt32LE(0);
}

/** Exact hash + 64-slot MinHash over normalized word 3-shingles + 16 bands of 4 rows. */
export function testStorySignature(text: string): StorySignature {
  const words = normalizeArabic(text).split(/\s+/).filter(Boolean);
  const shingles = new Set<string>();
  for (let i = 0; i + 3 <= Math.max(words.length, 3); i++) shingles.add(words.slice(i, i + 3).join(' '));
  const minhash = new Uint32Array(K).fill(0xffffffff);
  for (const sh of shingles) {
    for (let k = 0; k < K; k++) {
      const h = hash32(sh, k);
      if (h < minhash[k]) minhash[k] = h;
    }
  }
  const rows = K / BANDS;
  const bands: string[] = [];
  for (let b = 0; b < BANDS; b++) bands.push(`${b}:${Array.from(minhash.slice(b * rows, (b + 1) * rows)).join('.')}`);
  return { hash: createHash('sha256').update(normalizeArabic(text)).digest('hex'), minhash, bands };
}

export function testSignature(doc: Doc): DocSignature {
  return {
    rawHash: createHash('sha256').update(doc.raw ?? new TextEncoder().encode(doc.text)).digest('hex'),
    stories: doc.stories.map((s) => testStorySignature(doc.text.slice(s.start, s.end))),
  };
}

/** Near duplicate when at least 70% of the MinHash slots agree. */
export const testSimilarity: Similarity = {
  isNearDuplicate(a, b) {
    let same = 0;
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] === b[i]) same++;
    return same / Math.max(a.length, 1) >= 0.7;
  },
};
