/**
 * Arabic normalization for matching. The original text is never changed: `normalize` returns the
 * normalized string together with a map from each normalized character back to its offset in
 * the original, so matches found on normalized text can be reported as original spans.
 *
 * Folded: alef/hamza forms (أ إ آ ٱ → ا), ى → ي, ة → ه, ؤ → و, ئ → ي, tashkeel and Quranic marks
 * (removed), tatweel (removed), Arabic-Indic and Persian digits → ASCII, quote and dash variants
 * → " and -, Persian ک/ی → ك/ي, Latin letters → lower case.
 */

const REMOVE = -1;

function buildTable(): Int32Array {
  const table = new Int32Array(0x10000);
  for (let c = 0; c < table.length; c++) table[c] = c;
  const set = (chars: string, to: number) => {
    for (const ch of chars) table[ch.charCodeAt(0)] = to;
  };
  set('أإآٱٲٳ', 'ا'.charCodeAt(0));
  set('ىیۍې', 'ي'.charCodeAt(0));
  set('ئ', 'ي'.charCodeAt(0));
  set('ؤ', 'و'.charCodeAt(0));
  set('ةۃ', 'ه'.charCodeAt(0));
  set('کڪ', 'ك'.charCodeAt(0));
  // tashkeel (U+064B–U+065F), superscript alef, Quranic annotation marks, tatweel
  for (let c = 0x064b; c <= 0x065f; c++) table[c] = REMOVE;
  table[0x0670] = REMOVE;
  for (let c = 0x06d6; c <= 0x06ed; c++) table[c] = REMOVE;
  table[0x0640] = REMOVE;
  // bidi and zero-width controls
  for (const c of [0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0xfeff]) table[c] = REMOVE;
  // digits
  for (let d = 0; d < 10; d++) {
    table[0x0660 + d] = 0x30 + d;
    table[0x06f0 + d] = 0x30 + d;
  }
  set('«»“”„‟″〝〞', '"'.charCodeAt(0));
  set('‘’‚‛′', "'".charCodeAt(0));
  set('‐‑‒–—―−', '-'.charCodeAt(0));
  set('٬', ','.charCodeAt(0));
  set('\u00a0\u2007\u202f', ' '.charCodeAt(0));
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 32;
  return table;
}

const TABLE = buildTable();

export interface Normalized {
  text: string;
  /** map[i] is the offset in the original of normalized character i; map[text.length] = original length. */
  map: Int32Array;
}

/** Normalizes `text` for matching and keeps the map back to original offsets. */
export function normalize(text: string): Normalized {
  const out = new Uint16Array(text.length);
  const map = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const to = TABLE[text.charCodeAt(i)];
    if (to === REMOVE) continue;
    out[n] = to;
    map[n] = i;
    n++;
  }
  map[n] = text.length;
  return { text: decodeUtf16(out, n), map: map.slice(0, n + 1) };
}

/** The normalized form of `text` (no offset map): use it for lexicon keys and comparisons. */
export function normalizeArabic(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const to = TABLE[c];
    if (to !== c) changed = true;
    if (to !== REMOVE) out += String.fromCharCode(to);
  }
  return changed ? out : text;
}

/** Maps a span of normalized text back to a span of the original. */
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
