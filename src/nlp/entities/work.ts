/**
 * The working state of the entity stage for one document: tokens with their sentence and story,
 * which gazetteer candidate covers each token, the tagger's label per token, and helpers over
 * tokens. Candidates carry token ranges [ts, te) besides their character offsets.
 */
import type { Doc, Mention, Token } from '../doc.ts';
import type { EntityResources } from './resources.ts';
import { stripAl } from './resources.ts';

/** A mention candidate: a Mention plus its token range and a priority for overlap resolution. */
export interface Cand extends Mention {
  ts: number;
  te: number;
  prio: number;
  /** Index (in the candidate list) of the title/rank linked to a person, resolved to doc indices at the end. */
  titleC?: Cand;
  rankC?: Cand;
  /** For a person: the first office of a chain of titles before the name, when it is not titleC ("رئيس مجلس السيادة القائد العام ... الفريق أول ركن X"). */
  chainC?: Cand;
  /** Name to resolve when the span carries a clitic the name lacks (للحويج → الحويج). */
  lookup?: string;
  /** Gazetteer entity id (nisbas: ARAB, LBY, ...). */
  gazId?: string;
}

export interface Work {
  doc: Doc;
  res: EntityResources;
  toks: Token[];
  /** Sentence index of each token (-1 outside sentences). */
  sentOf: Int32Array;
  /** Story index of each token. */
  storyOf: Int32Array;
  /** Gazetteer candidate covering each token, or null. */
  gazAt: Array<Cand | null>;
  /** Tagger label per token ('' for O): PERS, LOC, ORG, MISC. */
  ner: string[];
  /** Tagger margin per token. */
  margin: Float64Array;
}

const COMMAS = new Set([',', '،', '؛', ';']);
const OPEN_QUOTES = new Set(['«', '"', '“', '”', '„', "'", '‘', '’', '(']);
const CLOSE_QUOTES = new Set(['»', '"', '”', '“', "'", '’', '‘', ')']);

export function isWord(t: Token | undefined): boolean {
  return !!t && (t.kind === undefined || t.kind === 'word');
}
export function isPunct(t: Token | undefined): boolean {
  return !!t && t.kind === 'punct';
}
export function isComma(t: Token | undefined): boolean {
  return !!t && t.kind === 'punct' && COMMAS.has(t.norm);
}
export function isOpenQuote(t: Token | undefined): boolean {
  return !!t && t.kind === 'punct' && OPEN_QUOTES.has(t.norm);
}
export function isCloseQuote(t: Token | undefined): boolean {
  return !!t && t.kind === 'punct' && CLOSE_QUOTES.has(t.norm);
}

/** Index of the token containing offset `pos` (or the first token after it). */
export function tokenAt(toks: Token[], pos: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (toks[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether tokens i and j (i < j) are in the same sentence. */
export function sameSentence(w: Work, i: number, j: number): boolean {
  return i >= 0 && j < w.toks.length && w.sentOf[i] === w.sentOf[j] && w.sentOf[i] >= 0;
}

/**
 * The name word a token stands for, with one proclitic (و ف ب ل, لل for ل + ال) removed when the
 * bare word is not a known name word but the stripped one is: { key, skip } where `skip` is the
 * number of original characters the clitic takes, or null when the token is no known name word.
 */
export function nameWord(w: Work, i: number): { key: string; skip: number } | null {
  const t = w.toks[i];
  if (!isWord(t)) return null;
  const n = t.norm;
  const all = w.res.names.all;
  const bare = stripAl(n);
  if (all.has(bare)) return { key: bare, skip: 0 };
  if (n.length >= 4) {
    const c = n[0];
    if (n.startsWith('لل') && all.has(stripAl('ال' + n.slice(2)))) return { key: stripAl('ال' + n.slice(2)), skip: cliticSkip(w, i, 1) };
    if ((c === 'و' || c === 'ف' || c === 'ب' || c === 'ل') && all.has(stripAl(n.slice(1)))) return { key: stripAl(n.slice(1)), skip: cliticSkip(w, i, 1) };
  }
  return null;
}

/** Original characters taken by the first `letters` letters of token i (marks after them included). */
export function cliticSkip(w: Work, i: number, letters: number): number {
  const t = w.toks[i];
  const text = w.doc.text;
  let k = t.start;
  let seen = 0;
  while (k < t.end && seen < letters) {
    k++;
    seen++;
    while (k < t.end && /[\u064B-\u065F\u0670\u0640]/.test(text[k])) k++;
  }
  return k - t.start;
}

export function mentionText(w: Work, m: { start: number; end: number }): string {
  return w.doc.text.slice(m.start, m.end);
}

/**
 * Whether the tagger saw this normalized word in training (common words are seen, rare names
 * mostly not): the model's vocabulary when it ships one, else whether its word feature has weights.
 */
export function seenWord(w: Work, norm: string): boolean {
  const vocab = w.res.ner.resources?.vocab;
  return vocab ? vocab.has(norm) : w.res.ner.index.has('n=' + norm);
}

/**
 * How much the tagger's word feature leans to PERS over O for a seen word (0 for unseen words):
 * a weak lexicon learned from the training data.
 */
export function persLean(w: Work, norm: string): number {
  const m = w.res.ner;
  const row = m.index.get('n=' + norm);
  if (row === undefined) return 0;
  const L = m.labels.length;
  let pers = -Infinity;
  let o = 0;
  for (let y = 0; y < L; y++) {
    const v = m.weights[row * L + y];
    if (m.labels[y] === 'O') o = v;
    else if (m.labels[y].endsWith('PERS')) pers = Math.max(pers, v);
  }
  return pers === -Infinity ? 0 : pers - o;
}
