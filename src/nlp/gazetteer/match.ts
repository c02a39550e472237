/**
 * Gazetteer matcher: one left-to-right scan over the tokens, longest match in a trie of
 * normalized tokens, proclitics (و ف ب ل ك ال لل) stripped from the first token of a match only.
 * Then a second linear pass attaches owners and hosts to institution/title heads (attach.ts).
 * No per-entry regular expressions: every step is a map lookup.
 */
import type { Token } from '../doc.ts';
import { tokenize } from '../../text/tokenize.ts';
import { normalize } from '../../text/normalize.ts';
import { cliticCandidates, type CliticCandidate } from '../../text/clitics.ts';
import { PREFIX_MEMO_LIMIT, type Gazetteer, type TrieNode } from './load.ts';
import type { AliasRef, GazetteerMatch } from './types.ts';
import { isJoiner } from './keys.ts';
import { attachAndResolve } from './attach.ts';

/** A trie hit before attachment: token range [tokStart, tokEnd] (inclusive), original span. */
export interface RawMatch {
  tokStart: number;
  tokEnd: number;
  start: number;
  end: number;
  /** Proclitics removed from the first token (normalized letters), '' when none. */
  prefix: string;
  refs: AliasRef[];
}

/** Token sequence helper shared with attach.ts. */
export interface TokenSeq {
  tokens: Token[];
  /** next[i]: index of the token that continues a name after token i (joiners skipped), or -1. */
  next: Int32Array;
}

/** Tokens a name may consist of (words, Latin, numbers). */
export function isWordish(t: Token): boolean {
  return t.kind === undefined || t.kind === 'word' || t.kind === 'latin' || t.kind === 'number';
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** Links each word token to the next one a multi-word name may continue with. */
export function linkTokens(text: string, tokens: Token[]): TokenSeq {
  const next = new Int32Array(tokens.length).fill(-1);
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!isWordish(tokens[i])) continue;
    let k = i + 1;
    while (k < tokens.length && isJoiner(tokens[k]) && k - i <= 2) k++;
    if (k >= tokens.length || k - i > 2 || !isWordish(tokens[k])) continue;
    if (hasNewline(text, tokens[i].end, tokens[k].start)) continue;
    next[i] = k;
  }
  return { tokens, next };
}

/** First letters of the proclitics (و ف ب ل ك س and the article's ا). */
const PROCLITIC_START = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'س', 'ا'].map((c) => c.charCodeAt(0)));

/** Longest proclitic sequence (و + ب/ل/ك + ال): stems start at most this far into a word. */
const MAX_PREFIX = 4;

/**
 * Whether some stem of `norm` after up to MAX_PREFIX leading letters (with or without a restored
 * article) starts an alias: a cheap filter before the full clitic analysis.
 */
function mayStartAlias(norm: string, root: Map<string, TrieNode>): boolean {
  for (let k = 1; k <= MAX_PREFIX && norm.length - k >= 2; k++) {
    const rest = norm.slice(k);
    if (root.has(rest) || root.has('ال' + rest)) return true;
  }
  return false;
}

const NO_CANDIDATES: readonly CliticCandidate[] = Object.freeze([]);

/**
 * Proclitic-only analyses of a word (whole word first) whose stem starts an alias; words that
 * cannot carry a proclitic skip the analysis.
 */
function prefixCandidates(norm: string, root: Map<string, TrieNode>, cache: Map<string, readonly CliticCandidate[]>): readonly CliticCandidate[] {
  let c = cache.get(norm);
  if (!c) {
    const all =
      norm.length > 2 && PROCLITIC_START.has(norm.charCodeAt(0)) && mayStartAlias(norm, root)
        ? cliticCandidates(norm).filter((x) => x.suffix === '')
        : [{ stem: norm, prefix: '', suffix: '' }];
    const starting = all.filter((x) => root.has(x.stem));
    c = starting.length > 0 ? starting : NO_CANDIDATES;
    cache.set(norm, c);
  }
  return c;
}

/**
 * Original offset where the match starts: after the conjunction/preposition letters of `prefix`,
 * but with the article kept in the span (والعراقيين → العراقيين, للعراق → لعراق, بطرابلس → طرابلس).
 */
function stemStart(text: string, t: Token, cand: CliticCandidate): number {
  const p = cand.prefix;
  let n = p.length;
  if (p.endsWith('ال')) n -= 2;
  else if (p.endsWith('لل')) n -= 1; // ل + elided article: the second ل is the article's
  if (n <= 0) return t.start;
  const norm = normalize(text.slice(t.start, t.end));
  return t.start + norm.map[n];
}

/** Phase 1: longest trie matches, left to right, non-overlapping. */
export function trieMatches(text: string, seq: TokenSeq, g: Gazetteer): RawMatch[] {
  const { tokens, next } = seq;
  const out: RawMatch[] = [];
  if (g.prefixMemo && g.prefixMemo.size > PREFIX_MEMO_LIMIT) g.prefixMemo.clear();
  const cache = g.prefixMemo ?? new Map<string, readonly CliticCandidate[]>();
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!isWordish(t)) {
      i++;
      continue;
    }
    let bestEnd = -1;
    let bestNode: TrieNode | null = null;
    let bestCand: CliticCandidate | null = null;
    for (const cand of prefixCandidates(t.norm, g.root, cache)) {
      let node = g.root.get(cand.stem);
      if (!node) continue;
      let j = i;
      let lastEnd = node.refs ? i : -1;
      let lastNode: TrieNode | null = node.refs ? node : null;
      while (node.next) {
        const k = next[j];
        if (k < 0) break;
        const nn: TrieNode | undefined = node.next.get(tokens[k].norm);
        if (!nn) break;
        node = nn;
        j = k;
        if (node.refs) {
          lastEnd = j;
          lastNode = node;
        }
      }
      if (lastNode && lastEnd > bestEnd) {
        bestEnd = lastEnd;
        bestNode = lastNode;
        bestCand = cand;
      }
    }
    if (bestNode && bestCand) {
      out.push({
        tokStart: i,
        tokEnd: bestEnd,
        start: bestCand.prefix ? stemStart(text, t, bestCand) : t.start,
        end: tokens[bestEnd].end,
        prefix: bestCand.prefix,
        refs: bestNode.refs!,
      });
      i = bestEnd + 1;
    } else i++;
  }
  return out;
}

/**
 * All gazetteer matches in text[start, end), with offsets into the ORIGINAL text, in text order
 * and non-overlapping (longest match first).
 */
export function matchGazetteer(text: string, g: Gazetteer, start = 0, end: number = text.length): GazetteerMatch[] {
  return matchGazetteerTokens(text, tokenize(text, start, end), g);
}

/** Same as matchGazetteer, on tokens already made by src/text/tokenize (e.g. doc.tokens). */
export function matchGazetteerTokens(text: string, tokens: Token[], g: Gazetteer): GazetteerMatch[] {
  return matchGazetteerLinked(text, tokens, g).matches;
}

/**
 * matchGazetteerTokens, also giving the links between tokens the pass followed (TokenSeq.next),
 * for callers that reuse the pass for parts of the text (src/nlp/ner/gazetteer.ts).
 */
export function matchGazetteerLinked(text: string, tokens: Token[], g: Gazetteer): { matches: GazetteerMatch[]; next: Int32Array } {
  const seq = linkTokens(text, tokens);
  return { matches: attachAndResolve(seq, trieMatches(text, seq, g), g), next: seq.next };
}
