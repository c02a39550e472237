/**
 * Feature extraction for the NER tagger. Each token gets a list of feature strings; the model
 * maps them to weights. Which groups are on is recorded in the model file (`FeatureConfig`).
 */
import { normalizeArabic } from '../../text/normalize.ts';
import type { FeatureResources } from './resources.ts';
import { LOCATION_TRIGGERS, ORG_TRIGGERS, PERSON_TRIGGERS, splitClitics } from './lexicon.ts';

export interface FeatureConfig {
  /** Neighbour words/stems at distance 1..window on each side. */
  window: number;
  /** Prefixes and suffixes (of the normalized word and of its stem) of length 1..affixes. */
  affixes: number;
  /** Word bigrams around the token. */
  bigrams: boolean;
  /** Trigger-word classes (titles, locatives, org heads) of the token and its neighbours. */
  triggers: boolean;
  /** Gazetteer hits (B/I + kind) when a gazetteer matcher is supplied. */
  gazetteer: boolean;
  /** Character n-grams (this length) inside the normalized word; 0 = off. */
  charNgrams: number;
  /** Entity-lexicon type of the token and its neighbours (from `FeatureResources.lex`). */
  lexicon: boolean;
  /** Mark words unseen in training (`FeatureResources.vocab`), with shape/affix conjunctions. */
  rare: boolean;
  /**
   * Two-stage tagging with document context (see context.ts): sentences before/after that count
   * as the same document; 0 = off (single stage).
   */
  docWindow: number;
}

export const DEFAULT_FEATURES: FeatureConfig = {
  window: 2,
  affixes: 4,
  bigrams: true,
  triggers: true,
  gazetteer: false,
  charNgrams: 0,
  lexicon: false,
  rare: false,
  docWindow: 0,
};

/** Per-token gazetteer hits, e.g. `['B-country']`, one array per token. */
export type GazetteerTagger = (tokens: string[]) => string[][];

const PERS = new Set(PERSON_TRIGGERS);
const LOC = new Set(LOCATION_TRIGGERS);
const ORG = new Set(ORG_TRIGGERS);

/** What feature extraction knows about one token (computed once per token). */
export interface TokenInfo {
  norm: string;
  stem: string;
  prefix: string;
  shape: string;
  trig: string;
  /** Entity-lexicon type of the word ('' when none), of its stem. */
  lex: string;
  slex: string;
  known: boolean;
}

const ARABIC = /[\u0600-\u06ff]/;
const LATIN = /[a-z]/i;
const DIGIT = /[0-9]/;
const PUNCT = /^[\p{P}\p{S}]+$/u;

function shapeOf(word: string): string {
  let s = '';
  if (ARABIC.test(word)) s += 'A';
  if (LATIN.test(word)) s += 'L';
  if (DIGIT.test(word)) s += 'D';
  if (PUNCT.test(word)) s += 'P';
  else if (/[\p{P}\p{S}]/u.test(word)) s += 'p';
  const n = word.length;
  s += n <= 2 ? '1' : n <= 4 ? '2' : n <= 7 ? '3' : '4';
  return s;
}

function triggerOf(norm: string, stem: string): string {
  if (PERS.has(norm) || PERS.has(stem)) return 'P';
  if (ORG.has(norm) || ORG.has(stem)) return 'O';
  if (LOC.has(norm) || LOC.has(stem)) return 'L';
  return '';
}

export function analyzeToken(word: string, res: FeatureResources | undefined): TokenInfo {
  const norm = normalizeArabic(word);
  const { prefix, stem } = splitClitics(norm);
  return {
    norm,
    stem,
    prefix,
    shape: shapeOf(norm),
    trig: triggerOf(norm, stem),
    lex: res?.lex?.get(norm) ?? '',
    slex: res?.lex?.get('s:' + stem) ?? '',
    known: res?.vocab ? res.vocab.has(norm) : true,
  };
}

const BOS: TokenInfo = { norm: '<s>', stem: '<s>', prefix: '', shape: 'S', trig: '', lex: '', slex: '', known: true };
const EOS: TokenInfo = { norm: '</s>', stem: '</s>', prefix: '', shape: 'S', trig: '', lex: '', slex: '', known: true };

/**
 * Feature strings for every token of a sentence. `infos` (from analyzeToken with the same
 * resources) may be passed when already computed.
 */
export function extractFeatures(
  tokens: string[],
  cfg: FeatureConfig,
  res?: FeatureResources,
  gazetteer?: GazetteerTagger,
  extra?: string[][],
  infos: TokenInfo[] = tokens.map((w) => analyzeToken(w, res)),
): string[][] {
  const n = tokens.length;
  const at = (i: number) => (i < 0 ? BOS : i >= n ? EOS : infos[i]);
  const gaz = cfg.gazetteer && gazetteer ? gazetteer(tokens) : undefined;
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const t = infos[i];
    const f: string[] = ['b', 'n=' + t.norm, 's=' + t.stem, 'p=' + t.prefix, 'h=' + t.shape];
    // The surface form only adds information when normalization changed it.
    if (tokens[i] !== t.norm) f.push('w=' + tokens[i]);
    const len = t.norm.length;
    for (let k = 1; k <= cfg.affixes && k <= len; k++) {
      f.push(`a${k}=${t.norm.slice(0, k)}`, `z${k}=${t.norm.slice(len - k)}`);
    }
    // Stem affixes only when clitics were split off (otherwise they repeat the word's).
    const sl = t.stem.length;
    if (t.stem !== t.norm) {
      for (let k = 1; k <= cfg.affixes && k < sl; k++) {
        f.push(`sa${k}=${t.stem.slice(0, k)}`, `sz${k}=${t.stem.slice(sl - k)}`);
      }
    }
    for (let d = 1; d <= cfg.window; d++) {
      const l = at(i - d);
      const r = at(i + d);
      f.push(`n-${d}=${l.norm}`, `n+${d}=${r.norm}`, `s-${d}=${l.stem}`, `s+${d}=${r.stem}`);
      if (d === 1) f.push(`h-1=${l.shape}`, `h+1=${r.shape}`, `p-1=${l.prefix}`, `p+1=${r.prefix}`);
    }
    if (cfg.bigrams) {
      f.push(`bl=${at(i - 1).norm}|${t.norm}`, `br=${t.norm}|${at(i + 1).norm}`, `bs=${at(i - 1).stem}|${at(i + 1).stem}`);
    }
    if (cfg.triggers) {
      if (t.trig) f.push('t0=' + t.trig);
      for (let d = 1; d <= 2; d++) {
        const l = at(i - d).trig;
        const r = at(i + d).trig;
        if (l) f.push(`t-${d}=${l}`);
        if (r) f.push(`t+${d}=${r}`);
      }
    }
    if (cfg.charNgrams > 0) {
      const k = cfg.charNgrams;
      const padded = `^${t.norm}$`;
      for (let j = 0; j + k <= padded.length; j++) f.push('c=' + padded.slice(j, j + k));
    }
    if (cfg.lexicon) {
      f.push('x=' + t.lex, 'xs=' + t.slex, `x-1=${at(i - 1).lex}`, `x+1=${at(i + 1).lex}`);
      f.push(`xx=${at(i - 1).lex}|${t.lex}|${at(i + 1).lex}`);
    }
    if (cfg.rare && !t.known) {
      f.push('r', 'rh=' + t.shape, 'rp=' + t.prefix, `rn-1=${at(i - 1).norm}`, `rn+1=${at(i + 1).norm}`);
      if (t.norm.length >= 2) f.push('rz2=' + t.norm.slice(-2));
    }
    if (gaz) {
      for (const g of gaz[i] ?? []) f.push('g=' + g);
      for (const g of (i > 0 ? gaz[i - 1] : undefined) ?? []) f.push('g-1=' + g);
      for (const g of (i + 1 < n ? gaz[i + 1] : undefined) ?? []) f.push('g+1=' + g);
    }
    if (extra) for (const x of extra[i]) f.push(x);
    out.push(f);
  }
  return out;
}
