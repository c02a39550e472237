/**
 * Fast tests of a Unicode property class (`/[\p{L}\p{N}]/u`, ...) at a position of a string: the
 * answer for each UTF-16 code unit is computed once with the regex and kept in a table; astral
 * characters (surrogate pairs) are tested with the regex each time. The same answers as the regex
 * with the `u` flag, where a lone surrogate is a code point of its own.
 */

export interface CodePointClass {
  /** Length (1 or 2) of the code point starting at `i` when it is in the class, else 0. */
  at(text: string, i: number): number;
  /** Length (1 or 2) of the code point ending just before `end` when it is in the class, else 0. */
  before(text: string, end: number): number;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** `re` must match one code point of the class (e.g. /^[\p{L}\p{N}]$/u). */
export function codePointClass(re: RegExp): CodePointClass {
  // 0: not computed yet, 1: in the class, 2: not in it (the table is filled as code units are met)
  const table = new Uint8Array(0x10000);
  const unit = (c: number): boolean => {
    let v = table[c];
    if (v === 0) table[c] = v = re.test(String.fromCharCode(c)) ? 1 : 2;
    return v === 1;
  };
  return {
    at(text, i) {
      const c = text.charCodeAt(i);
      if (isHigh(c) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) return re.test(text.slice(i, i + 2)) ? 2 : 0;
      return unit(c) ? 1 : 0;
    },
    before(text, end) {
      const c = text.charCodeAt(end - 1);
      if (isLow(c) && end >= 2 && isHigh(text.charCodeAt(end - 2))) return re.test(text.slice(end - 2, end)) ? 2 : 0;
      return unit(c) ? 1 : 0;
    },
  };
}
