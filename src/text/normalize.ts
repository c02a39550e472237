/**
 * Arabic normalization for matching. The original text is never changed: `normalize` returns the
 * normalized string together with a map from each normalized character back to its offset in
 * the original, so matches found on normalized text can be reported as original spans.
 *
 * Folded (one table lookup per UTF-16 code unit):
 * - alef/hamza forms أ إ آ ٱ ٲ ٳ → ا; ى (and Persian ی ې ۍ) → ي; ئ → ي; ؤ → و; ة ۃ → ه;
 *   Persian/Urdu heh forms ھ ۀ → ه; ک ڪ → ك; گ → ك; ڤ → ف; ڨ → ق; پ → ب; چ → ج
 *   (letters used in loanwords and Maghrebi names, folded so both spellings match);
 * - removed: tashkeel and Quranic marks (U+064B–065F, U+0670, U+06D6–06ED), tatweel (U+0640),
 *   zero-width and bidi controls (ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, LRE…RLO, LRI…PDI, word joiner,
 *   BOM), soft hyphen;
 * - Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF) → their letters (NFKC, then folded);
 *   ligatures expand, e.g. ﻻ → لا, ﷲ → الله (several normalized chars map to one original char);
 * - Arabic-Indic and Persian digits and fullwidth digits → ASCII 0-9; ٫ → . ; ٬ → , ; ٪ → % ; ۔ → .
 * - quote variants « » “ ” „ ‟ ″ → " ; ‘ ’ ‚ ‛ ′ ` ´ → ' ; dash variants ‐ ‑ ‒ – — ― − ﹘ ﹣ － → - ;
 * - NBSP and other space characters → ' ' ; U+2028/2029 → '\n' ;
 * - Latin letters (ASCII, Latin-1, fullwidth) → lower case.
 * Everything else (including ء, Arabic punctuation ، ؛ ؟, and the ellipsis …) is kept as is.
 *
 * Invariant: `normalizeArabic(s) === normalize(s).text` for every string s.
 */

/** Table value: the char is removed. Values ≤ -2 index EXPANSIONS (-2 - i). */
const REMOVE = -1;

interface Tables {
  table: Int32Array;
  expansions: string[];
}

function buildTables(): Tables {
  const table = new Int32Array(0x10000);
  for (let c = 0; c < table.length; c++) table[c] = c;
  const set = (chars: string, to: string) => {
    for (const ch of chars) table[ch.charCodeAt(0)] = to.charCodeAt(0);
  };
  set('أإآٱٲٳ', 'ا');
  set('ىیۍې', 'ي');
  set('ئ', 'ي');
  set('ؤ', 'و');
  set('ةۃھۀ', 'ه');
  set('کڪگ', 'ك');
  set('ڤ', 'ف');
  set('ڨ', 'ق');
  set('پ', 'ب');
  set('چ', 'ج');
  // tashkeel (U+064B–U+065F), superscript alef, Quranic annotation marks, tatweel
  for (let c = 0x064b; c <= 0x065f; c++) table[c] = REMOVE;
  table[0x0670] = REMOVE;
  for (let c = 0x06d6; c <= 0x06ed; c++) table[c] = REMOVE;
  table[0x0640] = REMOVE;
  // zero-width, bidi controls, soft hyphen, BOM
  for (const c of [0x00ad, 0x061c, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0xfeff]) table[c] = REMOVE;
  for (let c = 0x202a; c <= 0x202e; c++) table[c] = REMOVE;
  for (let c = 0x2066; c <= 0x2069; c++) table[c] = REMOVE;
  // digits
  for (let d = 0; d < 10; d++) {
    table[0x0660 + d] = 0x30 + d;
    table[0x06f0 + d] = 0x30 + d;
    table[0xff10 + d] = 0x30 + d;
  }
  set('«»“”„‟″〝〞＂', '"');
  set('‘’‚‛′`´＇', "'");
  set('‐‑‒–—―−﹘﹣－', '-');
  set('٬', ',');
  set('٫۔', '.');
  set('٪', '%');
  set('\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000', ' ');
  set('\u2028\u2029', '\n');
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 32;
  for (let c = 0xc0; c <= 0xde; c++) if (c !== 0xd7) table[c] = c + 32;
  for (let c = 0xff21; c <= 0xff3a; c++) table[c] = c - 0xff21 + 0x61;
  for (let c = 0xff41; c <= 0xff5a; c++) table[c] = c - 0xff41 + 0x61;

  // Arabic presentation forms: NFKC, then fold each resulting char through the table above.
  const expansions: string[] = [];
  const foldString = (s: string): string => {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const to = table[s.charCodeAt(i)];
      if (to >= 0) out += String.fromCharCode(to);
    }
    return out;
  };
  const presentation = (from: number, to: number) => {
    for (let c = from; c <= to; c++) {
      const nfkc = String.fromCharCode(c).normalize('NFKC');
      if (nfkc === String.fromCharCode(c) || nfkc.includes(' ')) continue; // unassigned, or a whole phrase (ﷺ)
      const folded = foldString(nfkc);
      if (folded.length === 0) table[c] = REMOVE;
      else if (folded.length === 1) table[c] = folded.charCodeAt(0);
      else {
        table[c] = -2 - expansions.length;
        expansions.push(folded);
      }
    }
  };
  presentation(0xfb50, 0xfdff);
  presentation(0xfe70, 0xfeff);
  return { table, expansions };
}

const { table: TABLE, expansions: EXPANSIONS } = buildTables();

export interface Normalized {
  text: string;
  /** map[i] is the offset in the original of normalized character i; map[text.length] = original length. */
  map: Int32Array;
}

/** Normalizes `text` for matching and keeps the map back to original offsets. */
export function normalize(text: string): Normalized {
  const len = text.length;
  let cap = len;
  let out = new Uint16Array(cap);
  let map = new Int32Array(cap + 1);
  let n = 0;
  for (let i = 0; i < len; i++) {
    const to = TABLE[text.charCodeAt(i)];
    if (to >= 0) {
      out[n] = to;
      map[n] = i;
      n++;
    } else if (to !== REMOVE) {
      const exp = EXPANSIONS[-2 - to];
      if (n + exp.length > cap - (len - i - 1)) {
        cap = cap * 2 + exp.length;
        const o2 = new Uint16Array(cap);
        o2.set(out.subarray(0, n));
        out = o2;
        const m2 = new Int32Array(cap + 1);
        m2.set(map.subarray(0, n));
        map = m2;
      }
      for (let k = 0; k < exp.length; k++) {
        out[n] = exp.charCodeAt(k);
        map[n] = i;
        n++;
      }
    }
  }
  map[n] = len;
  return { text: decodeUtf16(out, n), map: map.slice(0, n + 1) };
}

/** The normalized form of `text` (no offset map): use it for lexicon keys and comparisons. */
export function normalizeArabic(text: string): string {
  const len = text.length;
  let i = 0;
  // fast path: most words need no change
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    if (TABLE[c] !== c) break;
  }
  if (i === len) return text;
  let out = text.slice(0, i);
  for (; i < len; i++) {
    const to = TABLE[text.charCodeAt(i)];
    if (to >= 0) out += String.fromCharCode(to);
    else if (to !== REMOVE) out += EXPANSIONS[-2 - to];
  }
  return out;
}

/** True when `normalizeArabic` would change (fold, remove or expand) this UTF-16 code unit. */
export function isFolded(code: number): boolean {
  return TABLE[code] !== code;
}

/**
 * Maps a span of normalized text back to a span of the original: from the original offset of
 * the first normalized character to just after the original character of the last one (removed
 * characters at the edges, such as a trailing tashkeel, are left outside the span).
 */
export function toOriginal(norm: Normalized, start: number, end: number): { start: number; end: number } {
  const origStart = norm.map[start];
  const origEnd = end > start ? norm.map[end - 1] + 1 : origStart;
  return { start: origStart, end: origEnd };
}

function decodeUtf16(codes: Uint16Array, length: number): string {
  let s = '';
  const CHUNK = 8192;
  for (let i = 0; i < length; i += CHUNK) {
    s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]);
  }
  return s;
}
