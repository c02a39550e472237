/**
 * Clitic analysis of a normalized Arabic word for lexicon lookup (gazetteers, triggers, NER
 * features): which stems could the word be, once attached proclitics and enclitics are removed.
 *
 * Proclitics, in this order: a conjunction (و ف), then a preposition (ب ك ل) or the future
 * particle س (only before an imperfect verb prefix ي ت ن ا), then the article ال. After ل the
 * article loses its alef (ل + العراق → للعراق): the prefix "لل" gives the stem with ال restored
 * (العراق) and without it (عراق), while the plain prefix "ل" covers stems that start with ل
 * (ل + ليبيا → لليبيا).
 * Enclitics: ه ها هما هم هن كما كم كن نا ني ي ك. Before an enclitic, ta marbuta is written ت
 * (حكومتها): such a candidate gives the stem ending in ه (the normalized ة, حكومه) first; a
 * hamza written on a seat before an enclitic (وزرائها → normalized وزرايها) also gives the stem
 * ending in اء (وزراء).
 *
 * The article and an enclitic exclude each other: no candidate strips an enclitic from a
 * definite word (الماليه is not المالي + ه; العراقي is not العراق + ي), which removes most
 * confusions between a possessive ه and the normalized ta marbuta; nor ه after a stem ending in ي
 * (ـيه is the normalized ـية of دولية, مالية). Pass `original` (the word as written) to rule out
 * ه altogether when the word ends in ة. A stem left by removing an enclitic keeps at least 3
 * letters.
 *
 * `word === prefix + core + suffix`, where `stem` is `core` except for the restorations above.
 * Words are expected in normalized form (src/text/normalize): ة is ه, أ إ آ are ا, ى is ي.
 */
import { CLASS, C_ARABIC } from './chars.ts';

export interface CliticCandidate {
  stem: string;
  /** Surface letters removed at the start of the word. */
  prefix: string;
  /** Surface letters removed at the end of the word. */
  suffix: string;
}

export interface CliticOptions {
  /** Minimal stem length in letters (default 2); the article ال does not count. */
  minStem?: number;
  /**
   * Never strip a final ي (the "my" enclitic). Default false. A final ي is far more often the
   * nisba ending of an adjective (مصري, ليبي) than "my" in news; set this when an adjective
   * must not match its noun (مصري → مصر).
   */
  keepFinalYeh?: boolean;
  /**
   * The word as written, before normalization (e.g. `text.slice(token.start, token.end)`).
   * Normalization folds ة into ه; with the original at hand, a word ending in ة is never read
   * as ending in the pronoun ه (جامعة is not جامع + ه).
   */
  original?: string;
}

interface Affix {
  text: string;
  cost: number;
  /** Prefix ends in ل + elided article: give the stem with ال restored (and without). */
  article?: 'restore';
  /** Future س: the stem must start with an imperfect prefix. */
  future?: boolean;
  /** The prefix holds the article (ال, or لل): no enclitic can follow. */
  definite?: boolean;
}

const CONJ: Affix[] = [
  { text: '', cost: 0 },
  { text: 'و', cost: 1 },
  { text: 'ف', cost: 1.2 },
];
const PREP: Affix[] = [
  { text: '', cost: 0 },
  { text: 'ب', cost: 1 },
  { text: 'ل', cost: 1.1 },
  { text: 'ك', cost: 1.4 },
  { text: 'س', cost: 1.8, future: true },
];

/** All proclitic sequences, cheapest (most likely) first. */
const PREFIXES: Affix[] = (() => {
  const list: Affix[] = [];
  for (const conj of CONJ) {
    for (const prep of PREP) {
      const base = conj.text + prep.text;
      const cost = conj.cost + prep.cost;
      if (base) list.push({ text: base, cost, future: prep.future });
      if (prep.future) continue;
      if (prep.text === 'ل') list.push({ text: base + 'ل', cost: cost + 0.5, article: 'restore', definite: true });
      else list.push({ text: base + 'ال', cost: cost + 1, definite: true });
    }
  }
  return list.sort((a, b) => a.cost - b.cost || b.text.length - a.text.length);
})();

const SUFFIXES: Affix[] = [
  { text: '', cost: 0 },
  { text: 'ها', cost: 1 },
  { text: 'هم', cost: 1 },
  { text: 'هما', cost: 1 },
  { text: 'هن', cost: 1.2 },
  { text: 'كم', cost: 1.2 },
  { text: 'كما', cost: 1.2 },
  { text: 'كن', cost: 1.4 },
  { text: 'نا', cost: 1.2 },
  { text: 'ه', cost: 1.5 },
  { text: 'ني', cost: 1.5 },
  { text: 'ي', cost: 2 },
  { text: 'ك', cost: 2 },
];

const ALEF = 0x627;
const TEH = 0x62a;
const HEH = 0x647;
const LAM = 0x644;
/** A stem left by removing an enclitic has at least this many letters (يده → يد is not tried). */
const MIN_STEM_BEFORE_ENCLITIC = 3;
const YEH = 0x64a;

function isArabicWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (CLASS[w.charCodeAt(i)] !== C_ARABIC) return false;
  return true;
}

function isImperfectPrefix(c: number): boolean {
  return c === 0x64a || c === TEH || c === 0x646 || c === ALEF;
}

/**
 * Calls `visit(stem, prefix, suffix)` for every analysis of `word`, in order of increasing cost
 * (the whole word first). Stops early when `visit` returns true.
 */
function forEachAnalysis(word: string, minStem: number, keepFinalYeh: boolean, taMarbuta: boolean, visit: (stem: string, prefix: Affix, suffix: Affix) => boolean): void {
  const n = word.length;
  if (visit(word, PREFIXES_EMPTY, SUFFIXES[0])) return;
  if (n <= minStem || !isArabicWord(word)) return;
  // matching prefixes and suffixes (few: grouped by first/last letter), then pairs by total cost
  const pre: Affix[] = [];
  const byFirst = PREFIXES_BY_FIRST.get(word.charCodeAt(0));
  if (byFirst) for (const p of byFirst) if (n - p.text.length >= minStem && word.startsWith(p.text)) pre.push(p);
  const last = word.charCodeAt(n - 1);
  const bySuffixLast = (keepFinalYeh && last === YEH) || (taMarbuta && last === HEH) ? undefined : SUFFIXES_BY_LAST.get(last);
  if (!bySuffixLast && pre.length === 0) return;
  const pairs: Array<{ p: Affix; s: Affix; cost: number }> = [];
  for (const p of pre) pairs.push({ p, s: SUFFIXES[0], cost: p.cost });
  const minSuffixed = Math.max(minStem, MIN_STEM_BEFORE_ENCLITIC);
  if (bySuffixLast) {
    for (const s of bySuffixLast) {
      if (n - s.text.length < minSuffixed || !word.endsWith(s.text)) continue;
      pairs.push({ p: PREFIXES_EMPTY, s, cost: s.cost });
      for (const p of pre) if (!p.definite) pairs.push({ p, s, cost: p.cost + s.cost });
    }
  }
  pairs.sort((a, b) => a.cost - b.cost);
  for (const { p, s } of pairs) {
    const coreLen = n - p.text.length - s.text.length;
    if (coreLen < (s.text ? minSuffixed : minStem)) continue;
    const core = word.slice(p.text.length, n - s.text.length);
    if (p.future && !isImperfectPrefix(core.charCodeAt(0))) continue;
    if (s.text && core.charCodeAt(0) === ALEF && core.charCodeAt(1) === LAM) continue; // definite + enclitic
    if (s.text === 'ه' && core.charCodeAt(coreLen - 1) === YEH) continue; // ـيه is the nisba ـية (دولية), not ـي + ه
    const stems = stemsOf(core, p, s);
    for (const stem of stems) if (visit(stem, p, s)) return;
  }
}

const PREFIXES_EMPTY: Affix = { text: '', cost: 0 };

function groupBy(affixes: Affix[], at: (text: string) => number): Map<number, Affix[]> {
  const map = new Map<number, Affix[]>();
  for (const a of affixes) {
    if (!a.text) continue;
    const key = at(a.text);
    const list = map.get(key) ?? [];
    list.push(a);
    map.set(key, list);
  }
  return map;
}

/** Prefixes by their first letter, suffixes by their last letter (each list in cost order). */
const PREFIXES_BY_FIRST = groupBy(PREFIXES, (t) => t.charCodeAt(0));
const SUFFIXES_BY_LAST = groupBy(SUFFIXES, (t) => t.charCodeAt(t.length - 1));

function stemsOf(core: string, p: Affix, s: Affix): string[] {
  let forms: string[] = [core];
  if (s.text) {
    const last = core.charCodeAt(core.length - 1);
    if (last === TEH) forms = [core.slice(0, -1) + 'ه', core];
    else if ((last === 0x64a || last === 0x648) && core.charCodeAt(core.length - 2) === ALEF) forms = [core.slice(0, -1) + 'ء', core];
  }
  if (p.article === 'restore') {
    const out: string[] = [];
    for (const f of forms) out.push('ال' + f);
    for (const f of forms) out.push(f);
    return out;
  }
  return forms;
}

/**
 * Possible (stem, prefix, suffix) analyses of a normalized word, most likely first: the whole
 * word, then fewer and more common clitics before rarer ones. Stems are never shorter than
 * `minStem` letters; each stem appears once. A word with non-Arabic characters gets only itself.
 */
export function cliticCandidates(normWord: string, options: CliticOptions = {}): CliticCandidate[] {
  const minStem = options.minStem ?? 2;
  const out: CliticCandidate[] = [];
  const seen = new Set<string>();
  forEachAnalysis(normWord, minStem, options.keepFinalYeh ?? false, endsWithTaMarbuta(options.original), (stem, p, s) => {
    if (!seen.has(stem)) {
      seen.add(stem);
      out.push({ stem, prefix: p.text, suffix: s.text });
    }
    return false;
  });
  return out;
}

/**
 * The first candidate of `cliticCandidates(normWord)` that the lexicon has, or null. Cheaper than
 * building the whole candidate list: it stops at the first hit.
 */
export function lookupWithClitics(normWord: string, has: (s: string) => boolean, options: CliticOptions = {}): CliticCandidate | null {
  const minStem = options.minStem ?? 2;
  let found: CliticCandidate | null = null;
  forEachAnalysis(normWord, minStem, options.keepFinalYeh ?? false, endsWithTaMarbuta(options.original), (stem, p, s) => {
    if (!has(stem)) return false;
    found = { stem, prefix: p.text, suffix: s.text };
    return true;
  });
  return found;
}

/** True when the written word ends in ة (ignoring trailing tashkeel and tatweel). */
function endsWithTaMarbuta(original: string | undefined): boolean {
  if (!original) return false;
  for (let i = original.length - 1; i >= 0; i--) {
    const c = original.charCodeAt(i);
    if (c === 0x629) return true;
    if (!((c >= 0x64b && c <= 0x65f) || c === 0x640 || c === 0x670)) return false;
  }
  return false;
}
