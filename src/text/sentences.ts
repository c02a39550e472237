/**
 * Sentence splitter for Arabic news (one pass of char-code tests; no regular expressions).
 *
 * Decisions:
 * - A line break (\n, \r, U+2028/2029) always ends a sentence (headlines, datelines, paragraphs).
 * - . ! ? ؟ ۔ end a sentence, with any run of them (؟! , !!) and the closing quotes/brackets
 *   that follow (." , .» , .” , .) ) kept inside the sentence.
 * - ؛ (Arabic semicolon) does NOT end a sentence by default: in news prose it joins clauses of
 *   one report. Pass { semicolon: true } to split on it.
 * - An ellipsis (... or …) does not end a sentence (it is mostly a pause in Arabic news); a line
 *   break after it still does.
 * - A period does not end a sentence: between digits (3.5, 1.12.2025) or before a Latin letter
 *   or digit with no space (U.S.A, example.com); after an abbreviation from
 *   data/text/abbreviations.yaml (د. م. أ.د. ص.ب. Dr. ...), after any single Arabic letter or a
 *   single upper-case Latin letter (initials: J. Smith); after a list number at the start of a
 *   sentence (1. ...). Abbreviations of kind after_number (م هـ ق.م كم) end the sentence when
 *   they follow a number (عام 2025م. → ends).
 * - After the terminator, the sentence ends if what follows is a space, the end, an Arabic
 *   letter (a missing space: ...الاجتماع.وقال) or an opening quote/bracket; otherwise
 *   (a comma, a Latin letter, a digit) it goes on.
 * - Acronyms spelled in Arabic letters (سي. إن. إن.) do not end a sentence at their periods.
 * - A unit after a number followed by a range continuation (500 ق.م. و 300 ق.م.) goes on.
 * Spans are trimmed of surrounding spaces and invisible controls; empty sentences are dropped;
 * a piece without letters or digits on the same line (". ." after a period) joins the sentence
 * before it.
 */
import type { Span } from '../nlp/doc.ts';
import { defaultAbbreviations, type Abbreviations } from './abbreviations.ts';
import { CLASS, C_ARABIC, C_DIGIT, C_IGNORE, C_LATIN, C_MARK, C_SPACE } from './chars.ts';
import { normalizeArabic } from './normalize.ts';

export interface SentenceOptions {
  /** Abbreviations to use instead of the project's data/text/abbreviations.yaml. */
  abbreviations?: Abbreviations;
  /** Also end sentences at ؛ (default false). */
  semicolon?: boolean;
}

const DOT = 0x2e;
const ELLIPSIS = 0x2026;

function isTerminator(c: number, semicolon: boolean): boolean {
  return c === DOT || c === 0x21 || c === 0x3f || c === 0x61f || c === 0x6d4 || (semicolon && c === 0x61b);
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85;
}

/** Closing quotes and brackets that stay with the sentence they close. */
function isCloser(c: number): boolean {
  return c === 0x29 || c === 0x5d || c === 0x7d || c === 0xbb || c === 0x201d || c === 0x2019 || c === 0x203a || c === 0xfd3f;
}

function isOpener(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x28 || c === 0x5b || c === 0xab || c === 0x201c || c === 0x201e || c === 0x2018 || c === 0x2039 || c === 0xfd3e;
}

/** Splits text[start, end) into sentence spans (see the module comment for the decisions). */
export function splitSentences(text: string, start = 0, end: number = text.length, options: SentenceOptions = {}): Span[] {
  const abbr = options.abbreviations ?? defaultAbbreviations();
  const semicolon = options.semicolon ?? false;
  const out: Span[] = [];
  let s = start;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) {
      emit(text, s, i, out);
      s = i + 1;
      i++;
      continue;
    }
    if (!isTerminator(c, semicolon)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && (isTerminator(text.charCodeAt(j), semicolon) || text.charCodeAt(j) === ELLIPSIS)) j++;
    if (c === DOT) {
      if (j - i >= 2 && onlyDots(text, i, j)) {
        i = j; // ellipsis
        continue;
      }
      if (j === i + 1 && !periodMayEnd(text, s, i, end, abbr)) {
        i = j;
        continue;
      }
    }
    // closing quotes and brackets after the terminator
    while (j < end) {
      const d = text.charCodeAt(j);
      if (isCloser(d)) j++;
      else if ((d === 0x22 || d === 0x27) && (j + 1 >= end || !isWordChar(text.charCodeAt(j + 1)))) j++;
      else break;
    }
    if (j < end) {
      const d = text.charCodeAt(j);
      const k = CLASS[d];
      if (!(k === C_SPACE || k === C_IGNORE || k === C_ARABIC || isOpener(d) || isLineBreak(d))) {
        i = j;
        continue;
      }
    }
    emit(text, s, j, out);
    s = j;
    i = j;
  }
  emit(text, s, end, out);
  return out;
}

function isWordChar(c: number): boolean {
  const k = CLASS[c];
  return k === C_ARABIC || k === C_LATIN || k === C_DIGIT || k === C_MARK;
}

function onlyDots(text: string, i: number, j: number): boolean {
  for (let k = i; k < j; k++) if (text.charCodeAt(k) !== DOT) return false;
  return true;
}

/** Decides whether a single period at `dot` can end the sentence that started at `s`. */
function periodMayEnd(text: string, s: number, dot: number, end: number, abbr: Abbreviations): boolean {
  if (dot + 1 < end) {
    const k = CLASS[text.charCodeAt(dot + 1)];
    if (k === C_DIGIT || k === C_LATIN) return false; // 3.5, U.S.A, example.com
  }
  // the word before the period, with inner periods (ق.م, U.S)
  let w = dot;
  while (w > s) {
    const k = CLASS[text.charCodeAt(w - 1)];
    if (k === C_ARABIC || k === C_LATIN || k === C_MARK) w--;
    else if (text.charCodeAt(w - 1) === DOT && w - 2 >= s && isLetter(text.charCodeAt(w - 2))) w--;
    else break;
  }
  if (w === dot) {
    // no word: digits, a closing bracket, ... ; a list number at the start of the sentence goes on
    let d = dot;
    while (d > s && CLASS[text.charCodeAt(d - 1)] === C_DIGIT) d--;
    if (d < dot && dot - d <= 2 && onlySpace(text, s, d)) return false;
    return true;
  }
  const word = normalizeArabic(text.slice(w, dot));
  if (word.length === 1 && dot + 1 < end && CLASS[text.charCodeAt(dot + 1)] === C_ARABIC) {
    return false; // inner period of an abbreviation: ق.م , ص.ب , أ.د
  }
  if (dot - w <= 2 && CLASS[text.charCodeAt(w)] === C_ARABIC && (shortDottedAfter(text, dot + 1, end) || shortDottedBefore(text, s, w))) {
    return false; // Latin acronym spelled in Arabic letters: سي. إن. إن.
  }
  const afterNumber = precededByNumber(text, s, w);
  if (abbr.afterNumber.has(word)) return afterNumber && !continuesRange(text, dot + 1, end);
  if (abbr.title.has(word)) return false;
  if (word.length === 1) {
    const k = CLASS[word.charCodeAt(0)];
    if (k === C_ARABIC) return afterNumber; // single letter: abbreviation, or a unit after a number
    if (k === C_LATIN) {
      const orig = text.charCodeAt(dot - 1);
      if (orig >= 0x41 && orig <= 0x5a) return false; // initial
    }
  }
  return true;
}

function isLetter(c: number): boolean {
  const k = CLASS[c];
  return k === C_ARABIC || k === C_LATIN;
}

function onlySpace(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const cls = CLASS[text.charCodeAt(k)];
    if (cls !== C_SPACE && cls !== C_IGNORE) return false;
  }
  return true;
}

function precededByNumber(text: string, s: number, w: number): boolean {
  let k = w;
  while (k > s && CLASS[text.charCodeAt(k - 1)] === C_SPACE) k--;
  return k > s && CLASS[text.charCodeAt(k - 1)] === C_DIGIT;
}

/** Is the next word (after spaces) one or two Arabic letters followed by a period? */
function shortDottedAfter(text: string, i: number, end: number): boolean {
  while (i < end && CLASS[text.charCodeAt(i)] === C_SPACE) i++;
  let w = i;
  while (w < end && CLASS[text.charCodeAt(w)] === C_ARABIC) w++;
  return w > i && w - i <= 2 && w < end && text.charCodeAt(w) === DOT;
}

/** Is the word before `w` (after spaces) one or two Arabic letters followed by a period? */
function shortDottedBefore(text: string, s: number, w: number): boolean {
  let k = w;
  while (k > s && CLASS[text.charCodeAt(k - 1)] === C_SPACE) k--;
  if (k === w || k <= s || text.charCodeAt(k - 1) !== DOT) return false;
  let b = k - 1;
  while (b > s && CLASS[text.charCodeAt(b - 1)] === C_ARABIC) b--;
  return k - 1 - b >= 1 && k - 1 - b <= 2 && (b === s || CLASS[text.charCodeAt(b - 1)] !== C_ARABIC);
}

/** After a number + unit (1000 ق.م.): "و 500 ..." or "إلى 500 ..." goes on with a range. */
function continuesRange(text: string, i: number, end: number): boolean {
  while (i < end && CLASS[text.charCodeAt(i)] === C_SPACE) i++;
  let w = i;
  while (w < end && CLASS[text.charCodeAt(w)] === C_ARABIC) w++;
  const word = normalizeArabic(text.slice(i, w));
  if (word !== 'و' && word !== 'الي' && word !== 'حتي') return false;
  while (w < end && CLASS[text.charCodeAt(w)] === C_SPACE) w++;
  return w < end && CLASS[text.charCodeAt(w)] === C_DIGIT;
}

/**
 * Pushes the trimmed span text[from, to) when not empty. A piece with no letter or digit (a
 * stray ". ." after a sentence) is added to the previous sentence when no line break lies
 * between them.
 */
function emit(text: string, from: number, to: number, out: Span[]): void {
  while (from < to) {
    const k = CLASS[text.charCodeAt(from)];
    if (k === C_SPACE || k === C_IGNORE) from++;
    else break;
  }
  while (to > from) {
    const k = CLASS[text.charCodeAt(to - 1)];
    if (k === C_SPACE || k === C_IGNORE) to--;
    else break;
  }
  if (to <= from) return;
  const prev = out.length > 0 ? out[out.length - 1] : undefined;
  if (prev && !hasWordChar(text, from, to) && !hasLineBreak(text, prev.end, from)) {
    prev.end = to;
    return;
  }
  out.push({ start: from, end: to });
}

function hasWordChar(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const cls = CLASS[text.charCodeAt(k)];
    if (cls === C_ARABIC || cls === C_LATIN || cls === C_DIGIT) return true;
  }
  return false;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isLineBreak(text.charCodeAt(k))) return true;
  return false;
}
