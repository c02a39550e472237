/**
 * Character classes shared by the tokenizer and the sentence splitter: one Uint8Array lookup
 * per UTF-16 code unit.
 */

/** Anything not listed below: punctuation and symbols. */
export const C_PUNCT = 0;
/** Space, tab, newlines, NBSP and the other Unicode spaces. */
export const C_SPACE = 1;
/** Arabic-script letter (including presentation forms). */
export const C_ARABIC = 2;
/** Inside-word mark: tashkeel, Quranic marks, tatweel, ZWNJ, ZWJ, soft hyphen. */
export const C_MARK = 3;
/** Digit: ASCII, Arabic-Indic, Persian, fullwidth. */
export const C_DIGIT = 4;
/** Latin letter (ASCII, Latin-1, Latin Extended-A/B, fullwidth). */
export const C_LATIN = 5;
/** Invisible control skipped between tokens: LRM, RLM, ALM, bidi embeddings/isolates, ZWSP, BOM. */
export const C_IGNORE = 6;
/** UTF-16 high surrogate (start of an astral character, e.g. an emoji). */
export const C_SURROGATE = 7;

function buildClasses(): Uint8Array {
  const t = new Uint8Array(0x10000); // C_PUNCT by default
  const range = (a: number, b: number, cls: number) => {
    for (let c = a; c <= b; c++) t[c] = cls;
  };
  range(0, 0x20, C_SPACE);
  for (const c of [0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) t[c] = C_SPACE;
  range(0x2000, 0x200a, C_SPACE);

  range(0x0620, 0x064a, C_ARABIC);
  range(0x066e, 0x066f, C_ARABIC);
  range(0x0671, 0x06d3, C_ARABIC);
  t[0x06d5] = C_ARABIC;
  range(0x06ee, 0x06ef, C_ARABIC);
  range(0x06fa, 0x06fc, C_ARABIC);
  t[0x06ff] = C_ARABIC;
  range(0x0750, 0x077f, C_ARABIC);
  range(0x08a0, 0x08c9, C_ARABIC);
  range(0xfb50, 0xfdff, C_ARABIC);
  range(0xfe70, 0xfefc, C_ARABIC);
  t[0xfd3e] = C_PUNCT; // ornate parentheses
  t[0xfd3f] = C_PUNCT;

  range(0x064b, 0x065f, C_MARK);
  t[0x0670] = C_MARK;
  range(0x06d6, 0x06ed, C_MARK);
  t[0x0640] = C_MARK;
  for (const c of [0x200c, 0x200d, 0x00ad]) t[c] = C_MARK;

  range(0x30, 0x39, C_DIGIT);
  range(0x0660, 0x0669, C_DIGIT);
  range(0x06f0, 0x06f9, C_DIGIT);
  range(0xff10, 0xff19, C_DIGIT);

  range(0x41, 0x5a, C_LATIN);
  range(0x61, 0x7a, C_LATIN);
  range(0xc0, 0x24f, C_LATIN);
  t[0xd7] = C_PUNCT; // ×
  t[0xf7] = C_PUNCT; // ÷
  range(0xff21, 0xff3a, C_LATIN);
  range(0xff41, 0xff5a, C_LATIN);

  for (const c of [0x061c, 0x180e, 0x200b, 0x200e, 0x200f, 0x2060, 0xfeff]) t[c] = C_IGNORE;
  range(0x202a, 0x202e, C_IGNORE);
  range(0x2066, 0x2069, C_IGNORE);

  range(0xd800, 0xdbff, C_SURROGATE);
  return t;
}

/** CLASS[charCode] is one of the C_* constants. */
export const CLASS: Uint8Array = buildClasses();

/** Hyphens that join the parts of a compound written without spaces. */
export function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}
