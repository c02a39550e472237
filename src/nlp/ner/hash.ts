/**
 * Numeric feature lookup for tagging: a feature string maps to a pair of 32-bit hashes (FNV-1a
 * and a second multiplicative hash with a different multiplier and offset, i.e. a 64-bit key),
 * and an open-addressing table maps the pair to the feature's row. The hashes are computed
 * incrementally over the parts of a feature (`'n='`, then the word), so tagging never has to
 * build the feature string. Training and the model file keep the feature strings.
 */

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const H2_OFFSET = 0x9747b28c | 0;
const H2_PRIME = 0x5bd1e995;

/** Incremental hashing of a feature's parts: `start()`, `feed(part)`..., then read h1/h2. */
export class FeatureHasher {
  h1 = FNV_OFFSET;
  h2 = H2_OFFSET;

  start(): this {
    this.h1 = FNV_OFFSET;
    this.h2 = H2_OFFSET;
    return this;
  }

  /** Resumes from a saved state (h1, h2 read after feeding a prefix). */
  set(h1: number, h2: number): this {
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }

  /** Feeds the UTF-16 code units of s[from..to). */
  feed(s: string, from = 0, to = s.length): this {
    let a = this.h1;
    let b = this.h2;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, FNV_PRIME);
      b = Math.imul(b ^ c, H2_PRIME);
      b ^= b >>> 15;
    }
    this.h1 = a;
    this.h2 = b;
    return this;
  }
}

/**
 * Open-addressing hash table from a feature's hash pair to its row (-1 when absent). A slot's
 * two keys and row sit side by side (one cache line per probe).
 */
export class FeatureTable {
  /** Slot i: [4i] = h1, [4i+1] = h2, [4i+2] = row (-1 = empty). */
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** A table with room for `size` features. */
  constructor(size: number) {
    let cap = 16;
    while (cap < size * 2) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 4);
    for (let i = 0; i < cap; i++) this.slots[4 * i + 2] = -1;
  }

  /**
   * Adds the feature whose hashes are in `h` with `row` (≥ 0) unless present; returns the row
   * it has in the table (the existing one when it was present).
   */
  add(h: FeatureHasher, row: number): number {
    const a = h.h1;
    const b = h.h2;
    const s = this.slots;
    let i = a & this.mask;
    for (;;) {
      const r = s[4 * i + 2];
      if (r < 0) break;
      if (s[4 * i] === a && s[4 * i + 1] === b) return r;
      i = (i + 1) & this.mask;
    }
    s[4 * i] = a;
    s[4 * i + 1] = b;
    s[4 * i + 2] = row;
    return row;
  }

  /** Row of the feature whose hashes are in `h` (-1 when unknown). */
  get(h: FeatureHasher): number {
    const a = h.h1;
    const b = h.h2;
    const s = this.slots;
    let i = a & this.mask;
    for (;;) {
      const k = 4 * i;
      const r = s[k + 2];
      if (r < 0) return -1;
      if (s[k] === a && s[k + 1] === b) return r;
      i = (i + 1) & this.mask;
    }
  }
}
