/**
 * Numeric feature lookup for tagging: a feature string maps to a pair of 32-bit hashes (two
 * polynomial hashes modulo 2^32 with different odd multipliers and offsets, i.e. a 64-bit key),
 * and an open-addressing table maps the pair to the feature's row. The hashes are computed
 * incrementally over the parts of a feature (`'n='`, then the word), so tagging never has to
 * build the feature string; and since a polynomial hash of a concatenation is the hash of the
 * first part times the multiplier to the power of the second part's length plus the second
 * part's own hash, a part met in many features (a word, its stem) is hashed once (`partHash`)
 * and then fed in constant time (`feedPart`). Training and the model file keep the feature
 * strings.
 */

const OFFSET1 = 0x811c9dc5 | 0;
const MUL1 = 0x01000193;
const OFFSET2 = 0x9747b28c | 0;
const MUL2 = 0x5bd1e995;

/**
 * Writes the hash of s[from..to) as a part into out[k..k+4): its two hashes from zero and the
 * two multipliers to the power of its length (see FeatureHasher.feedPart).
 */
export function partHash(s: string, out: Int32Array, k: number, from = 0, to = s.length): void {
  let x1 = 0;
  let x2 = 0;
  let p1 = 1;
  let p2 = 1;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    x1 = (Math.imul(x1, MUL1) + c) | 0;
    x2 = (Math.imul(x2, MUL2) + c) | 0;
    p1 = Math.imul(p1, MUL1);
    p2 = Math.imul(p2, MUL2);
  }
  out[k] = x1;
  out[k + 1] = x2;
  out[k + 2] = p1;
  out[k + 3] = p2;
}

/** Incremental hashing of a feature's parts: `start()`, `feed(part)`..., then read h1/h2. */
export class FeatureHasher {
  h1 = OFFSET1;
  h2 = OFFSET2;

  start(): this {
    this.h1 = OFFSET1;
    this.h2 = OFFSET2;
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
      a = (Math.imul(a, MUL1) + c) | 0;
      b = (Math.imul(b, MUL2) + c) | 0;
    }
    this.h1 = a;
    this.h2 = b;
    return this;
  }

  /** Feeds the part whose hash partHash wrote at parts[k..k+4): the same state as feeding its text. */
  feedPart(parts: Int32Array, k: number): this {
    this.h1 = (Math.imul(this.h1, parts[k + 2]) + parts[k]) | 0;
    this.h2 = (Math.imul(this.h2, parts[k + 3]) + parts[k + 1]) | 0;
    return this;
  }
}

/** Slot of a hash in a table of 2^bits slots: the high bits of a multiplicative mix (polynomial hashes have weak low bits). */
function slotOf(h1: number, shift: number): number {
  return Math.imul(h1 ^ (h1 >>> 16), 0x9e3779b1) >>> shift;
}

/**
 * Open-addressing hash table from a feature's hash pair to its row (-1 when absent). A slot's
 * two keys and row sit side by side (one cache line per probe).
 */
export class FeatureTable {
  /** Slot i: [4i] = h1, [4i+1] = h2, [4i+2] = row (-1 = empty). */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** 32 − log2(slots): the first slot of a hash is slotOf(h1, shift). */
  private readonly shift: number;

  /** A table with room for `size` features. */
  constructor(size: number) {
    let cap = 16;
    let bits = 4;
    while (cap < size * 2) {
      cap *= 2;
      bits++;
    }
    this.mask = cap - 1;
    this.shift = 32 - bits;
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
    let i = slotOf(a, this.shift);
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
    return this.find(h.h1, h.h2);
  }

  /** Row of the feature whose hashes are (a, b) (-1 when unknown). */
  find(a: number, b: number): number {
    const s = this.slots;
    let i = slotOf(a, this.shift);
    for (;;) {
      const k = 4 * i;
      const r = s[k + 2];
      if (r < 0) return -1;
      if (s[k] === a && s[k + 1] === b) return r;
      i = (i + 1) & this.mask;
    }
  }
}

/**
 * Features hashed first and looked up together: pushing a feature's hashes (with where its
 * weights go) and looking the whole batch up at once lets the table's cache misses overlap
 * instead of coming one after the other (the lookups do not depend on each other).
 */
export class LookupBatch {
  /** Queued (h1, h2) pairs. */
  private keys = new Int32Array(512);
  /** Per queued feature: its target offset, then (after lookUp) its row (-1 = absent). */
  at = new Int32Array(256);
  rows = new Int32Array(256);
  /** Features queued. */
  n = 0;

  /** Queues the feature whose hashes are in `h`, for target offset `o`. */
  push(h: FeatureHasher, o: number): void {
    const n = this.n;
    if (n === this.at.length) {
      const keys = new Int32Array(4 * n);
      keys.set(this.keys);
      this.keys = keys;
      const at = new Int32Array(2 * n);
      at.set(this.at);
      this.at = at;
      this.rows = new Int32Array(2 * n);
    }
    this.keys[2 * n] = h.h1;
    this.keys[2 * n + 1] = h.h2;
    this.at[n] = o;
    this.n = n + 1;
  }

  /** Looks every queued feature up in `table` (rows[j], -1 when absent) and empties the queue; returns how many there were. */
  lookUp(table: FeatureTable): number {
    const n = this.n;
    const keys = this.keys;
    const rows = this.rows;
    for (let j = 0; j < n; j++) rows[j] = table.find(keys[2 * j], keys[2 * j + 1]);
    this.n = 0;
    return n;
  }
}
