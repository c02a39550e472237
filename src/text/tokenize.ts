/**
 * Tokenizer for Arabic news text. Offsets (start, end) always refer to the original text; `norm`
 * is the token's normalized form (src/text/normalize) and `kind` its class.
 *
 * Decisions:
 * - Words: runs of Arabic letters, with tashkeel, tatweel, ZWNJ/ZWJ allowed inside
 *   (الـليبية is one token, norm الليبية). Clitics stay attached (وبطرابلس is one token):
 *   see src/text/clitics for their analysis.
 * - Punctuation is always split from words: ، ؛ ؟ . : ! « » " ( ) … and the rest are one token
 *   each; a run of dots (...) or of the same ! ? ؟ - = * _ ~ is one token.
 * - Hyphenated Arabic compounds (الليبية-الصينية) are split into their parts and the hyphen
 *   (three tokens); each of the three carries `compound`, the span of the whole compound.
 * - Numbers: digits (ASCII, Arabic-Indic, Persian) with decimal/thousands separators (3.5,
 *   1,200, ٣٫٥) are one `number`; 01/12/2025, 2025-12-01, 1.12.2025 are one `date`; 10:30 and
 *   10:30:15 are one `time`. Other joins (2024-2025, 1/2) are split at the separator.
 *   A number directly followed by an Arabic letter is split from it (2025م → 2025, م).
 * - Latin: letters and digits with inner - . & ' _ between them (UNHCR, COVID-19, F-16, U.S,
 *   5G) form one `latin` token; e-mail addresses are one `email`; URLs starting with http://,
 *   https:// or www. are one `url` (trailing sentence punctuation and an unbalanced `)` left out).
 * - Invisible controls (LRM, RLM, bidi embeddings, ZWSP, BOM) separate tokens and are never
 *   part of one; a stray tatweel run (ـــ) is a `punct` token.
 */
import type { Token, TokenKind } from '../nlp/doc.ts';
import { normalizeArabic } from './normalize.ts';
import { CLASS, C_ARABIC, C_DIGIT, C_IGNORE, C_LATIN, C_MARK, C_SPACE, C_SURROGATE, isHyphen } from './chars.ts';

function makeToken(text: string, start: number, end: number, kind: TokenKind): Token {
  return { start, end, norm: normalizeArabic(text.slice(start, end)), kind };
}

/** Splits text[start, end) into tokens (see the module comment for the decisions). */
export function tokenize(text: string, start = 0, end: number = text.length): Token[] {
  const tokens: Token[] = [];
  let compoundFrom = -1; // index of the first part of the compound being read
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const cls = CLASS[c];
    if (cls === C_SPACE || cls === C_IGNORE) {
      i++;
      continue;
    }
    if (cls === C_ARABIC || cls === C_MARK) {
      let letter = cls === C_ARABIC;
      let j = i + 1;
      while (j < end) {
        const k = CLASS[text.charCodeAt(j)];
        if (k === C_ARABIC) letter = true;
        else if (k !== C_MARK) break;
        j++;
      }
      if (!letter) {
        // marks without a letter: a decorative tatweel run is punctuation, stray marks are dropped
        if (text.slice(i, j).includes('\u0640')) tokens.push({ start: i, end: j, norm: text.slice(i, j), kind: 'punct' });
        i = j;
        continue;
      }
      tokens.push(makeToken(text, i, j, 'word'));
      if (j + 1 < end && isHyphen(text.charCodeAt(j)) && CLASS[text.charCodeAt(j + 1)] === C_ARABIC) {
        if (compoundFrom < 0) compoundFrom = tokens.length - 1;
        tokens.push({ start: j, end: j + 1, norm: '-', kind: 'punct' });
        i = j + 1;
        continue;
      }
      if (compoundFrom >= 0) {
        const span = { start: tokens[compoundFrom].start, end: j };
        for (let t = compoundFrom; t < tokens.length; t++) tokens[t].compound = span;
        compoundFrom = -1;
      }
      i = j;
      continue;
    }
    if (cls === C_LATIN || cls === C_DIGIT) {
      if (cls === C_LATIN && isUrlStart(text, i, end)) {
        const j = scanUrl(text, i, end);
        tokens.push({ start: i, end: j, norm: text.slice(i, j), kind: 'url' });
        i = j;
        continue;
      }
      if (cls === C_DIGIT) {
        const num = scanNumber(text, i, end);
        const after = num.end < end ? CLASS[text.charCodeAt(num.end)] : C_SPACE;
        if (after !== C_LATIN) {
          tokens.push(makeToken(text, i, num.end, num.kind));
          i = num.end;
          continue;
        }
      }
      let j = scanLatin(text, i, end);
      let kind: TokenKind = 'latin';
      if (j + 1 < end && text.charCodeAt(j) === 0x40 /* @ */ && isAlnum(text.charCodeAt(j + 1))) {
        j = scanDomain(text, j + 1, end);
        kind = 'email';
      }
      tokens.push(makeToken(text, i, j, kind));
      i = j;
      continue;
    }
    // punctuation and symbols
    let j = i + 1;
    if (cls === C_SURROGATE) {
      if (j < end) j++;
    } else if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x61f || c === 0x2d || c === 0x3d || c === 0x2a || c === 0x5f || c === 0x7e) {
      while (j < end && text.charCodeAt(j) === c) j++;
    }
    tokens.push(makeToken(text, i, j, 'punct'));
    i = j;
  }
  return tokens;
}

function isAlnum(c: number): boolean {
  const k = CLASS[c];
  return k === C_LATIN || k === C_DIGIT;
}

/** Latin letters/digits with inner joiners - . & ' ’ _ (each followed by a letter or digit). */
function scanLatin(text: string, i: number, end: number): number {
  let j = i;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (isAlnum(c)) {
      j++;
      continue;
    }
    if ((c === 0x2d || c === 0x2e || c === 0x26 || c === 0x27 || c === 0x2019 || c === 0x5f) && j + 1 < end && isAlnum(text.charCodeAt(j + 1))) {
      j += 2;
      continue;
    }
    break;
  }
  return j;
}

function scanDomain(text: string, i: number, end: number): number {
  let j = i;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (isAlnum(c) || c === 0x2e || c === 0x2d) j++;
    else break;
  }
  while (j > i && (text.charCodeAt(j - 1) === 0x2e || text.charCodeAt(j - 1) === 0x2d)) j--;
  return j;
}

function startsWithLower(text: string, i: number, end: number, prefix: string): boolean {
  if (i + prefix.length > end) return false;
  for (let k = 0; k < prefix.length; k++) {
    if ((text.charCodeAt(i + k) | 0x20) !== prefix.charCodeAt(k)) return false;
  }
  return true;
}

function isUrlStart(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i) | 0x20;
  if (c === 0x68) return startsWithLower(text, i, end, 'http://') || startsWithLower(text, i, end, 'https://');
  if (c === 0x77) return startsWithLower(text, i, end, 'www.') && i + 4 < end && isAlnum(text.charCodeAt(i + 4));
  return false;
}

/** Up to whitespace or a quote/Arabic punctuation; trailing sentence punctuation left out. */
function scanUrl(text: string, i: number, end: number): number {
  let j = i;
  let open = 0;
  while (j < end) {
    const c = text.charCodeAt(j);
    const k = CLASS[c];
    if (k === C_SPACE || k === C_IGNORE) break;
    if (c === 0xab || c === 0xbb || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60c || c === 0x61b || c === 0x61f || c === 0x201c || c === 0x201d) break;
    if (c === 0x28) open++;
    else if (c === 0x29) {
      if (open === 0) break;
      open--;
    }
    j++;
  }
  while (j > i) {
    const c = text.charCodeAt(j - 1);
    if (c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x27 || c === 0x2019) j--;
    else break;
  }
  return j;
}

const SEP_DOT = 0x2e;
const SEP_COMMA = 0x2c;
const SEP_AR_DECIMAL = 0x66b;
const SEP_AR_THOUSANDS = 0x66c;
const SEP_SLASH = 0x2f;
const SEP_DASH = 0x2d;
const SEP_COLON = 0x3a;

function isNumberSep(c: number): boolean {
  return c === SEP_DOT || c === SEP_COMMA || c === SEP_AR_DECIMAL || c === SEP_AR_THOUSANDS || c === SEP_SLASH || c === SEP_DASH || c === SEP_COLON;
}

/** Reads digits with inner separators, then keeps the longest prefix that is a date, time or number. */
function scanNumber(text: string, i: number, end: number): { end: number; kind: TokenKind } {
  let j = i;
  while (j < end && CLASS[text.charCodeAt(j)] === C_DIGIT) j++;
  if (j + 1 >= end || !isNumberSep(text.charCodeAt(j)) || CLASS[text.charCodeAt(j + 1)] !== C_DIGIT) {
    return { end: j, kind: 'number' };
  }
  const groupEnds: number[] = [j];
  const seps: number[] = [];
  while (j + 1 < end && isNumberSep(text.charCodeAt(j)) && CLASS[text.charCodeAt(j + 1)] === C_DIGIT) {
    seps.push(text.charCodeAt(j));
    j++;
    while (j < end && CLASS[text.charCodeAt(j)] === C_DIGIT) j++;
    groupEnds.push(j);
  }
  const lens: number[] = [];
  let from = i;
  for (let g = 0; g < groupEnds.length; g++) {
    lens.push(groupEnds[g] - from);
    from = groupEnds[g] + 1;
  }
  const s0 = seps[0];
  const same = seps.every((s) => s === s0);
  if (same && lens.length >= 3 && (s0 === SEP_SLASH || s0 === SEP_DASH || s0 === SEP_DOT)) {
    const dmy = lens[0] <= 2 && lens[1] <= 2 && (lens[2] === 4 || (lens[2] === 2 && s0 !== SEP_DOT));
    const ymd = lens[0] === 4 && lens[1] <= 2 && lens[2] <= 2;
    if (dmy || ymd) return { end: groupEnds[2], kind: 'date' };
  }
  if (s0 === SEP_COLON && lens[0] <= 2 && lens[1] === 2) {
    if (seps.length >= 2 && seps[1] === SEP_COLON && lens[2] === 2) return { end: groupEnds[2], kind: 'time' };
    return { end: groupEnds[1], kind: 'time' };
  }
  // a plain number: keep groups joined by decimal/thousands separators
  let g = 0;
  while (g < seps.length) {
    const s = seps[g];
    if (s !== SEP_DOT && s !== SEP_COMMA && s !== SEP_AR_DECIMAL && s !== SEP_AR_THOUSANDS) break;
    g++;
  }
  return { end: groupEnds[g], kind: 'number' };
}
