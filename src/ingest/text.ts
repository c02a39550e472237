/** Small character-level helpers shared by the ingest modules. */

const ARABIC_LETTER = /[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FC]/;

export function isArabicLetter(ch: string): boolean {
  return ARABIC_LETTER.test(ch);
}

/** Counts Arabic letters and all letters (any script) in `text`. */
export function letterCounts(text: string): { arabic: number; letters: number } {
  let arabic = 0;
  let letters = 0;
  for (const m of text.matchAll(/\p{L}/gu)) {
    letters++;
    if (ARABIC_LETTER.test(m[0])) arabic++;
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
  for (const tok of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(tok)) n++;
  return n;
}

/** Sentence-final punctuation, Arabic and Latin. */
export const SENTENCE_END = '.!?؟…';

/** Last significant character of `text`, skipping closing quotes/brackets and spaces. */
export function lastSignificant(text: string): string {
  const m = /([^\s"'»”’)\]}]+)[\s"'»”’)\]}]*$/.exec(text);
  return m ? m[1].slice(-1) : '';
}

/** True when `text` ends a sentence (., !, ?, ؟, …, possibly followed by closing quotes). */
export function endsSentence(text: string): boolean {
  const c = lastSignificant(text);
  return c !== '' && SENTENCE_END.includes(c);
}
