/**
 * Feature extraction for the NER tagger. Each token gets a list of feature strings; the model
 * maps them to weights. Which groups are on is recorded in the model file (`FeatureConfig`).
 */
import { normalizeArabic } from '../../text/normalize.ts';
import type { FeatureResources } from './resources.ts';
import type { EntityEntry, EntityMatcher } from './lists.ts';
import type { Gazetteer } from '../gazetteer/index.ts';
import { LOCATION_TRIGGERS, MISC_CUES, ORG_CUES, ORG_TRIGGERS, PERSON_TRIGGERS, QUOTE_TITLE_CUES, splitClitics } from './lexicon.ts';

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
  /** MISC/ORG cue-word classes (lexicon.ts MISC_CUES, ORG_CUES) of the token and ±2 neighbours. */
  cues?: boolean;
  /** Conjunctions: stem bigrams with each neighbour, shape × gazetteer hit, prefix × gazetteer hit. */
  conj?: boolean;
  /** Prefixes and suffixes (1..nbAffixes) of the ±1 neighbours' normalized words; 0/absent = off. */
  nbAffixes?: number;
  /** Person-name list hits (`FeatureResources.names`) of the token and its ±1 neighbours. */
  names?: boolean;
  /** Foreign-name cue of the stem: share of long vowels (ا و ي) by length bucket. */
  foreign?: boolean;
  /** Position inside a short quoted span (`"…"`, `«…»`, `'…'`, at most 8 tokens): qs=B/I/BE/IE. */
  quotes?: boolean;
  /** Inside a short quoted span right after a title cue (titledQuotes): tq=B|cue / I|cue. */
  titledQuotes?: boolean;
  /** Train on IOBES labels (S-X single-token chunks, E-X chunk ends); tagging still outputs IOB2. */
  iobes?: boolean;
  /**
   * After a listed given name (`names` resources): the token's clitic prefix and whether it is a
   * name itself (nc=), and a mark after two names in a row (nc2): family names like «فؤاد الحديد».
   */
  nameConj?: boolean;
  /**
   * Stage 2: in a sports context (several lexicon.ts SPORT_CUES within docWindow sentences), the
   * token's first-stage tag and document type as sports features (sp|q=, sp|dw=).
   */
  topic?: boolean;
  /** Listed entity names (`FeatureResources.entities`, lists.ts) covering the token and its ±1 neighbours. */
  lists?: boolean;
  /**
   * Word clusters (`FeatureResources.clusters`, clusters.ts): prefixes of these lengths of the
   * cluster path of the word (cl{k}=) and of its clitic-stripped stem (cs{k}=); absent = off.
   */
  clusters?: number[];
  /** Prefixes of these lengths of the ±1 neighbours' cluster paths (cl{±1}{k}=); absent = off. */
  clusterNb?: number[];
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

const MAX_QUOTED = 8;

/**
 * Per token, its place in a short quoted span ('' outside): 'B' first, 'I' later, with 'E' added
 * on the last token. Straight quotes (" and ') pair up left to right; « pairs with the next ».
 */
export function quotePositions(tokens: string[]): string[] {
  const out = new Array<string>(tokens.length).fill('');
  for (const [a, b] of quotedSpans(tokens)) {
    for (let j = a + 1; j < b; j++) out[j] = (j === a + 1 ? 'B' : 'I') + (j === b - 1 ? 'E' : '');
  }
  return out;
}

/** Short quoted spans as [open quote index, close quote index] (1..MAX_QUOTED tokens inside). */
function quotedSpans(tokens: string[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const mark = (a: number, b: number) => {
    if (b - a - 1 >= 1 && b - a - 1 <= MAX_QUOTED) spans.push([a, b]);
  };
  const open: Record<string, number> = { '"': -1, "'": -1, '«': -1 };
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i];
    if (w === '"' || w === "'") {
      if (open[w] < 0) open[w] = i;
      else {
        mark(open[w], i);
        open[w] = -1;
      }
    } else if (w === '«') open['«'] = i;
    else if (w === '»' && open['«'] >= 0) {
      mark(open['«'], i);
      open['«'] = -1;
    }
  }
  return spans;
}

const QUOTE_CUES = new Set(QUOTE_TITLE_CUES);

/**
 * Per token inside a short quoted span whose opening quote follows a title cue (lexicon.ts
 * QUOTE_TITLE_CUES: برنامج، بعنوان، كتاب، صحيفة، سيارة ...) within two tokens: `B|cue` on the
 * first quoted token, `I|cue` after it ('' elsewhere). Names of programmes, books, papers and
 * models are written this way.
 */
export function titledQuotes(tokens: string[], infos: TokenInfo[]): string[] {
  const out = new Array<string>(tokens.length).fill('');
  for (const [a, b] of quotedSpans(tokens)) {
    let cue = '';
    for (let k = a - 1; k >= a - 2 && k >= 0 && !cue; k--) {
      // the word itself or its clitic-stripped stem (برنامج is also ب + رنامج to the splitter)
      if (QUOTE_CUES.has(infos[k].norm)) cue = infos[k].norm;
      else if (QUOTE_CUES.has(infos[k].stem)) cue = infos[k].stem;
    }
    if (!cue) continue;
    for (let j = a + 1; j < b; j++) out[j] = (j === a + 1 ? 'B|' : 'I|') + cue;
  }
  return out;
}

/**
 * Per-token gazetteer hits, e.g. `['B-country']`, one array per token; `gazetteer`: the
 * gazetteer it matches (see ner/gazetteer.ts), when it is one.
 */
export type GazetteerTagger = ((tokens: string[]) => string[][]) & { gazetteer?: Gazetteer };

const PERS = new Set(PERSON_TRIGGERS);
const LOC = new Set(LOCATION_TRIGGERS);
const ORG = new Set(ORG_TRIGGERS);
const MCUE = new Set(MISC_CUES);
const OCUE = new Set(ORG_CUES);

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
  /** Cue class ('M', 'O' or ''; see FeatureConfig.cues). */
  cue: string;
  /** Foreign-name cue (see FeatureConfig.foreign). */
  foreign: string;
  /** In the person-name list (see FeatureConfig.names): '1' or ''. */
  name: string;
  /** Cluster path of the word and of its stem when clitics were split off ('' when none; FeatureConfig.clusters). */
  cl: string;
  scl: string;
  /** Listed names that may start at this word (lists.ts EntityMatcher; cached per matcher). */
  listCands?: EntityEntry[];
  listBy?: EntityMatcher;
  /** Cached feature strings of the word itself and as a neighbour (per document and config). */
  own?: string[];
  nb?: string[][];
  /** Cached pair strings with the token that follows ([bl, br]) or follows the next ([bs]). */
  next?: Map<TokenInfo, string[]>;
  skip?: Map<TokenInfo, string>;
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

function cueOf(norm: string, stem: string): string {
  if (MCUE.has(norm) || MCUE.has(stem)) return 'M';
  if (OCUE.has(norm) || OCUE.has(stem)) return 'O';
  return '';
}

/** Long-vowel share of the stem in quarters, with a length bucket: transliterated names are vowel-rich. */
function foreignOf(stem: string): string {
  let v = 0;
  for (let i = 0; i < stem.length; i++) {
    const c = stem[i];
    if (c === 'ا' || c === 'و' || c === 'ي') v++;
  }
  const q = stem.length ? Math.min(3, Math.floor((4 * v) / stem.length)) : 0;
  return `${q}${stem.length <= 3 ? 's' : stem.length <= 6 ? 'm' : 'l'}`;
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
    cue: cueOf(norm, stem),
    foreign: foreignOf(stem),
    name: res?.names && (res.names.has(norm) || res.names.has(stem)) ? '1' : '',
    cl: res?.clusters?.get(norm) ?? '',
    scl: stem !== norm ? (res?.clusters?.get(stem) ?? '') : '',
  };
}

export const boundary = (w: string): TokenInfo => ({ norm: w, stem: w, prefix: '', shape: 'S', trig: '', lex: '', slex: '', known: true, cue: '', foreign: '', name: '', cl: '', scl: '' });

/**
 * Infos for a document's tokens, sharing one TokenInfo per distinct word (so the feature strings
 * cached on it are built once per word). Use one cache per document and feature config.
 */
export function analyzeTokens(tokens: string[], res: FeatureResources | undefined, cache: Map<string, TokenInfo>): TokenInfo[] {
  return tokens.map((w) => {
    let t = cache.get(w);
    if (!t) cache.set(w, (t = analyzeToken(w, res)));
    return t;
  });
}

/** Features of the word itself (cached on its TokenInfo). */
function ownFeatures(word: string, t: TokenInfo, cfg: FeatureConfig): string[] {
  if (t.own) return t.own;
  const f: string[] = ['b', 'n=' + t.norm, 's=' + t.stem, 'p=' + t.prefix, 'h=' + t.shape];
  // The surface form only adds information when normalization changed it.
  if (word !== t.norm) f.push('w=' + word);
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
  if (cfg.triggers && t.trig) f.push('t0=' + t.trig);
  if (cfg.charNgrams > 0) {
    const k = cfg.charNgrams;
    const padded = `^${t.norm}$`;
    for (let j = 0; j + k <= padded.length; j++) f.push('c=' + padded.slice(j, j + k));
  }
  if (cfg.lexicon) f.push('x=' + t.lex, 'xs=' + t.slex);
  if (cfg.rare && !t.known) {
    f.push('r', 'rh=' + t.shape, 'rp=' + t.prefix);
    if (t.norm.length >= 2) f.push('rz2=' + t.norm.slice(-2));
  }
  if (cfg.cues && t.cue) f.push('k0=' + t.cue);
  if (cfg.foreign) f.push('fv=' + t.foreign);
  if (cfg.names && t.name) f.push('nm0');
  if (cfg.clusters) {
    for (const k of cfg.clusters) {
      if (k <= t.cl.length) f.push(`cl${k}=${t.cl.slice(0, k)}`);
      if (k <= t.scl.length) f.push(`cs${k}=${t.scl.slice(0, k)}`);
    }
  }
  t.own = f;
  return f;
}

/** Features a token gives the token at distance `d` (−8..8, not 0) from it (cached). */
function neighbourFeatures(t: TokenInfo, d: number, cfg: FeatureConfig): string[] {
  const slot = d + 8;
  if (!t.nb) t.nb = [];
  const cached = t.nb[slot];
  if (cached) return cached;
  // Seen from the token at offset -d: this token is at relative position d.
  const rel = d < 0 ? `-${-d}` : `+${d}`;
  const f: string[] = [];
  if (Math.abs(d) <= cfg.window) {
    f.push(`n${rel}=${t.norm}`, `s${rel}=${t.stem}`);
    if (Math.abs(d) === 1) f.push(`h${rel}=${t.shape}`, `p${rel}=${t.prefix}`);
  }
  if (cfg.triggers && t.trig && Math.abs(d) <= 2) f.push(`t${rel}=${t.trig}`);
  if (cfg.lexicon && Math.abs(d) === 1) f.push(`x${rel}=${t.lex}`);
  if (cfg.cues && t.cue && Math.abs(d) <= 2) f.push(`k${rel}=${t.cue}`);
  if (cfg.names && t.name && Math.abs(d) === 1) f.push(`nm${rel}`);
  const na = cfg.nbAffixes ?? 0;
  if (na > 0 && Math.abs(d) === 1) {
    const len = t.norm.length;
    for (let k = 1; k <= na && k <= len; k++) f.push(`a${rel}${k}=${t.norm.slice(0, k)}`, `z${rel}${k}=${t.norm.slice(len - k)}`);
  }
  if (cfg.clusterNb && Math.abs(d) === 1) {
    for (const k of cfg.clusterNb) if (k <= t.cl.length) f.push(`cl${rel}${k}=${t.cl.slice(0, k)}`);
  }
  t.nb[slot] = f;
  return f;
}

/**
 * A token's features in parts: `shared` arrays are cached per word (the same array objects come
 * back for every occurrence of a word within one document), `fresh` ones are built per token.
 */
export interface FeatureParts {
  shared: string[][];
  fresh: string[];
}

/** `bl=a|b` (the feature of b) and `br=a|b` (the feature of a) for adjacent tokens a, b. */
function pair(a: TokenInfo, b: TokenInfo): string[] {
  if (!a.next) a.next = new Map();
  let p = a.next.get(b);
  if (!p) a.next.set(b, (p = [`bl=${a.norm}|${b.norm}`, `br=${a.norm}|${b.norm}`]));
  return p;
}

/** `bs=` stems of the tokens before and after a token. */
function skipPair(a: TokenInfo, b: TokenInfo): string {
  if (!a.skip) a.skip = new Map();
  let s = a.skip.get(b);
  if (s === undefined) a.skip.set(b, (s = `bs=${a.stem}|${b.stem}`));
  return s;
}

function lexTriple(l: string, c: string, r: string, memo: Map<string, string>): string {
  const key = `${l}|${c}|${r}`;
  let s = memo.get(key);
  if (s === undefined) memo.set(key, (s = 'xx=' + key));
  return s;
}

/** Features of every token of a sentence, in parts (see FeatureParts). */
export function featureParts(
  tokens: string[],
  cfg: FeatureConfig,
  res?: FeatureResources,
  gazetteer?: GazetteerTagger,
  infos: TokenInfo[] = tokens.map((w) => analyzeToken(w, res)),
): FeatureParts[] {
  const n = tokens.length;
  const BOS = boundary('<s>');
  const EOS = boundary('</s>');
  const at = (i: number) => (i < 0 ? BOS : i >= n ? EOS : infos[i]);
  const gaz = cfg.gazetteer && gazetteer ? gazetteer(tokens) : undefined;
  const ents = cfg.lists && res?.entities ? res.entities.match(infos) : undefined;
  const quotes = cfg.quotes ? quotePositions(tokens) : undefined;
  const tq = cfg.titledQuotes ? titledQuotes(tokens, infos) : undefined;
  const reach = Math.max(cfg.window, cfg.triggers || cfg.cues ? 2 : 0, cfg.lexicon || cfg.nbAffixes || cfg.names || cfg.clusterNb ? 1 : 0);
  const lexMemo = new Map<string, string>();
  const out: FeatureParts[] = [];
  for (let i = 0; i < n; i++) {
    const t = infos[i];
    const shared = [ownFeatures(tokens[i], t, cfg)];
    for (let d = 1; d <= reach; d++) {
      shared.push(neighbourFeatures(at(i - d), -d, cfg), neighbourFeatures(at(i + d), d, cfg));
    }
    const f: string[] = [];
    // Strings are cached on the (document-scoped) TokenInfo objects: building a string and
    // hashing it for the weight lookup costs more than the lookup itself.
    if (cfg.bigrams) {
      const l = at(i - 1);
      const r = at(i + 1);
      f.push(pair(l, t)[0], pair(t, r)[1], skipPair(l, r));
    }
    if (cfg.lexicon) f.push(lexTriple(at(i - 1).lex, t.lex, at(i + 1).lex, lexMemo));
    if (cfg.rare && !t.known) f.push(`rn-1=${at(i - 1).norm}`, `rn+1=${at(i + 1).norm}`);
    if (cfg.conj) f.push(`sb=${at(i - 1).stem}|${t.stem}`, `sn=${t.stem}|${at(i + 1).stem}`);
    if (gaz) {
      for (const g of gaz[i] ?? []) {
        f.push('g=' + g);
        if (cfg.conj) f.push(`hg=${t.shape}|${g}`, `pg=${t.prefix}|${g}`);
      }
      for (const g of (i > 0 ? gaz[i - 1] : undefined) ?? []) f.push('g-1=' + g);
      for (const g of (i + 1 < n ? gaz[i + 1] : undefined) ?? []) f.push('g+1=' + g);
    }
    if (cfg.nameConj && at(i - 1).name) {
      f.push(`nc=${t.prefix}|${t.name ? 1 : 0}`);
      if (at(i - 2).name) f.push('nc2');
    }
    if (quotes && quotes[i]) f.push('qs=' + quotes[i]);
    if (tq && tq[i]) f.push('tq=' + tq[i]);
    if (ents) {
      for (const e of ents[i]) f.push('e=' + e);
      if (i > 0) for (const e of ents[i - 1]) f.push('e-1=' + e);
      if (i + 1 < n) for (const e of ents[i + 1]) f.push('e+1=' + e);
    }
    out.push({ shared, fresh: f });
  }
  return out;
}

/**
 * Feature strings for every token of a sentence (plus `extra[i]` when given). `infos` (from
 * analyzeToken/analyzeTokens with the same resources and config) may be passed when computed.
 */
export function extractFeatures(
  tokens: string[],
  cfg: FeatureConfig,
  res?: FeatureResources,
  gazetteer?: GazetteerTagger,
  extra?: string[][],
  infos: TokenInfo[] = tokens.map((w) => analyzeToken(w, res)),
): string[][] {
  return featureParts(tokens, cfg, res, gazetteer, infos).map((p, i) => {
    const f: string[] = [];
    for (const arr of p.shared) for (const x of arr) f.push(x);
    for (const x of p.fresh) f.push(x);
    if (extra) for (const x of extra[i]) f.push(x);
    return f;
  });
}
