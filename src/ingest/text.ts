/** Small character-level helpers shared by the ingest modules. */

const ARABIC_LETTER = /[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FC]/;

export function isArabicLetter(ch: string): boolean {
  return ARABIC_LETTER.test(ch);
}

/** Counts Arabic letters and all letters (any script) in `text`. */
export function letterCounts(text: string): { arabic: number; letters: number } {
  let arabic = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
    } else if ((c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a)) {
      letters++;
      arabic++;
    } else if (/\p{L}/u.test(text[i])) {
      letters++;
      if (ARABIC_LETTER.test(text[i])) arabic++;
    }
  }
  return { arabic, letters };
}

/** Share of Arabic letters among all letters (0 when there are no letters). */
export function arabicRatio(text: string): number {
  const { arabic, letters } = letterCounts(text);
  return letters === 0 ? 0 : arabic / letters;
}

/** Minimum share of Arabic letters for a document to be read as Arabic. */
export const MIN_ARABIC_RATIO = 0.5;

/** Words of a line: whitespace-separated tokens that contain a letter or a digit. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 12) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      counted = false;
    }
    if (!counted && isWordChar(c, text[i])) {
      n++;
      counted = true;
    }
  }
  return n;
}

function isWordChar(code: number, ch: string): boolean {
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return true;
  if (code >= 0x0621 && code <= 0x064a) return true;
  if (code < 0x80) return false;
  return /[\p{L}\p{N}]/u.test(ch);
}

/** Sentence-final punctuation, Arabic and Latin. */
export const SENTENCE_END = '.!?؟…';

/** Last significant character of `text`, skipping closing quotes/brackets and spaces. */
export function lastSignificant(text: string): string {
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text[i];
    if (!/[\s"'»”’)\]}]/.test(ch)) return ch;
  }
  return '';
}

/** True when `text` ends a sentence (., !, ?, ؟, …, possibly followed by closing quotes). */
export function endsSentence(text: string): boolean {
  const c = lastSignificant(text);
  return (c !== '' && SENTENCE_END.includes(c)) || SIGNED_OFF.test(text);
}

/** A sentence closed by a wire agency's sign-off: "... العام الجاري./ وام /", "... المقبلة. (وال)". */
const SIGNED_OFF = /[.!?؟…]["'»”)]*\s*[(/]\s*\p{L}[\p{L} ]{0,10}?\s*[)/]\s*$/u;
