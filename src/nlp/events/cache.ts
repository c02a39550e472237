/**
 * Per-document memory of the event stage: what several triggers, candidates or drafts of one
 * document would otherwise compute again (word analyses, a sentence's dates, a story's context
 * counts, the mentions of a sentence). Made by `docCache(doc)` for one document and dropped with it.
 */
import type { Doc, Mention, Span, Token } from '../doc.ts';
import type { Analysis } from '../triggers/index.ts';
import { resolveDates, type DateMention, type DateRef } from '../dates/index.ts';
import { tokenRange } from '../../text/index.ts';
import { linkedTitlesOf } from './units.ts';
import { contextWords } from './contexts.ts';

export interface DocCache {
  /** Trigger-lexicon analyses by normalized word (shared by every sentence of the document, or a run's memo). */
  analyses: Map<string, Analysis[]>;
  /** Dates of a span under a reference, by `start:end:published:dateline`. */
  dates: Map<string, DateMention[]>;
  /** Context cue counts of each story's tokens, by story index. */
  storyContexts: Map<number, Map<string, number>>;
  /** Mention indices in order of start offset (ties: index order). */
  byStart: Int32Array;
  /** Indices of the title mentions linked to a person (`Mention.title`). */
  linkedTitles: Set<number>;
  /** contextWords of doc.tokens, made when first needed. */
  contextWords?: string[];
}

/** The cache of one document; `analyses`, when given, is a word memo shared with other documents. */
export function docCache(doc: Doc, analyses: Map<string, Analysis[]> = new Map()): DocCache {
  const ms = doc.mentions;
  const order = Array.from(ms.keys()).sort((a, b) => ms[a].start - ms[b].start || a - b);
  const linkedTitles = linkedTitlesOf(doc);
  return { analyses, dates: new Map(), storyContexts: new Map(), byStart: Int32Array.from(order), linkedTitles };
}

/** resolveDates(doc.text, span.start, span.end, ref), computed once per span and reference. */
export function datesOf(cache: DocCache, doc: Doc, span: Span, ref: DateRef): DateMention[] {
  const key = `${span.start}:${span.end}:${ref.published ?? ''}:${ref.dateline ?? ''}`;
  let out = cache.dates.get(key);
  if (!out) {
    out = resolveDates(doc.text, span.start, span.end, ref);
    cache.dates.set(key, out);
  }
  return out;
}

/** Indices (ascending) of the mentions lying inside [start, end). */
export function mentionsIn(cache: DocCache, mentions: readonly Mention[], start: number, end: number): number[] {
  const order = cache.byStart;
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (mentions[order[mid]].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let k = lo; k < order.length && mentions[order[k]].start <= end; k++) {
    if (mentions[order[k]].end <= end) out.push(order[k]);
  }
  return out.sort((a, b) => a - b);
}

/** contextWords of the tokens inside a span. */
export function contextWordsOf(cache: DocCache, doc: Doc, span: Span): string[] {
  cache.contextWords ??= contextWords(doc.tokens);
  const [from, to] = tokenRange(doc.tokens, span);
  return cache.contextWords.slice(from, to);
}

/** The tokens inside a span (tokens sorted by offset). */
export function tokensOf(doc: Doc, span: Span): Token[] {
  const [from, to] = tokenRange(doc.tokens, span);
  return doc.tokens.slice(from, to);
}
