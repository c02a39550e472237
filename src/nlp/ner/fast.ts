/**
 * The tagging fast path: the same features as features.ts (`featureParts`), but hashed part by
 * part (hash.ts) instead of built as strings, and scored straight into emission vectors. A
 * word's analysis and the scores of its own features and of its features as a neighbour at each
 * offset are cached across documents in a bounded cache owned by the model's FastScoring (see
 * WordCache), so a word seen before costs a few vector additions. Both stages of a two-stage
 * model are scored in one pass over the base features (one lookup in a joint table).
 * `fast.test.ts` checks that this equals decoding from feature strings.
 */
import { analyzeToken, boundary, quotePositions, titledQuotes, type FeatureConfig, type GazetteerTagger, type TokenInfo } from './features.ts';
import type { FeatureResources } from './resources.ts';
import { FeatureHasher, FeatureTable, LookupBatch, partHash } from './hash.ts';
import type { EntityMatcher } from './lists.ts';

/** What the fast path needs of a model: integer weights of one or two stages and the table. */
export interface FastScoring {
  L: number;
  table: FeatureTable;
  /** Whether the model has two stages. */
  two: boolean;
  /**
   * Weights (× SCALE) by joint id: single-stage models L per id; two-stage models 2L per id, the
   * first-stage weights then the second-stage ones (zeros where a stage lacks the feature), so
   * one feature's weights for both stages are read from one place.
   */
  w: Int32Array;
  /** Cross-document cache of word analyses and score vectors (see WordCache). */
  words: WordCache;
  /**
   * Hash states of every prefix ending in '|' of the pair features' names (`bl=`, `br=`, `bs=`,
   * `sb=`, `sn=`; see pairPrefixes): a word whose `bl=w|` is absent has no `bl=w|…` feature.
   */
  prefixes: FeatureTable;
  /** Feature ids of second-stage context feature strings (a small set; see DocScorer.extra). */
  ids: Map<string, number>;
}

/** A word's analysis and its cached score vectors: slot 0 = own features, then one slot per neighbour offset. */
interface WordEntry {
  info: TokenInfo;
  /**
   * The slab holding this word's 32-bit integers from `base`: slots × width scores (× SCALE; slot k is
   * valid when bit k of `done` is set), then the hash states (h1, h2) of the pair-feature
   * prefixes `bl=w|`, `br=w|`, `bs=s|`, `sb=s|`, `sn=s|` (w word, s stem; valid when preBits ≥ 0),
   * then the part hashes of its strings (PN..PX; no typed array of its own per word).
   */
  v: Int32Array;
  base: number;
  done: number;
  /** Bit k set: some feature name starts with pair prefix k (else its lookups are skipped); -1 = not computed. */
  preBits: number;
}

/**
 * Where the hashes of the word's norm, stem, shape, prefix and lexicon type as feature parts
 * (partHash) lie in its numbers, from the end of its pair-prefix hash states (PARTS numbers).
 */
const PN = 0;
const PS = 4;
const PH = 8;
const PP = 12;
const PX = 16;
const PARTS = 20;

/** A word entry over numbers at v[base..]: its parts hashed into v[at..], no scores yet. */
function makeEntry(info: TokenInfo, v: Int32Array, base: number, at: number): WordEntry {
  partHash(info.norm, v, at + PN);
  partHash(info.stem, v, at + PS);
  partHash(info.shape, v, at + PH);
  partHash(info.prefix, v, at + PP);
  partHash(info.lex, v, at + PX);
  return { info, v, base, done: 0, preBits: -1 };
}

const PAIR_HEADS = ['bl=', 'br=', 'bs=', 'sb=', 'sn='];

/** The table of pair-feature name prefixes (FastScoring.prefixes) for these feature names. */
export function pairPrefixes(names: Iterable<string>): FeatureTable {
  const found: string[] = [];
  for (const name of names) {
    if (name.charCodeAt(2) !== 61 || !PAIR_HEADS.includes(name.slice(0, 3))) continue;
    for (let j = name.indexOf('|'); j >= 0; j = name.indexOf('|', j + 1)) found.push(name.slice(0, j + 1));
  }
  const table = new FeatureTable(found.length);
  const h = new FeatureHasher();
  for (const f of found) table.add(h.start().feed(f), 0);
  return table;
}

/**
 * Bounded cache of WordEntry by surface word, owned by one model's FastScoring (the scores
 * depend on the model's weights, features and resources). Two generations of at most `max`
 * words: when the current one is full it becomes the previous one (the older is dropped), and a
 * word found in the previous generation moves back to the current one, so frequent words stay.
 * Memory stays below about 2 × `max` × (entry numbers × 4 + ~200) bytes (32768 words, a
 * two-stage model with 9 labels: ~35 MB); results never depend on the cache.
 */
export class WordCache {
  private cur = new Map<string, WordEntry>();
  private old = new Map<string, WordEntry>();
  private slab = new Int32Array(0);
  private used = 0;
  /** Sentence-boundary entries (outside the generations). */
  bos?: WordEntry;
  eos?: WordEntry;
  constructor(readonly max = 32768) {}

  /** Words held (both generations). */
  get size(): number {
    return this.cur.size + this.old.size;
  }

  /**
   * The entry of a word, or undefined. An entry of the previous generation moves to the current
   * one, its `size` numbers copied to the current slab (old slabs are never written again).
   */
  get(word: string, size: number): WordEntry | undefined {
    const e = this.cur.get(word);
    if (e) return e;
    const o = this.old.get(word);
    if (!o) return undefined;
    this.old.delete(word);
    const { v, base } = this.alloc(size);
    v.set(o.v.subarray(o.base, o.base + size), base);
    o.v = v;
    o.base = base;
    this.put(word, o);
    return o;
  }

  put(word: string, e: WordEntry): void {
    if (this.cur.size >= this.max) {
      this.old = this.cur;
      this.cur = new Map();
    }
    this.cur.set(word, e);
  }

  /** Room for `size` numbers in the current slab (a fresh slab when it is full). */
  alloc(size: number): { v: Int32Array; base: number } {
    if (this.used + size > this.slab.length) {
      this.slab = new Int32Array(Math.max(size, 1 << 16));
      this.used = 0;
    }
    const base = this.used;
    this.used += size;
    return { v: this.slab, base };
  }
}

const REL = ['-8', '-7', '-6', '-5', '-4', '-3', '-2', '-1', '0', '+1', '+2', '+3', '+4', '+5', '+6', '+7', '+8'];

/** Scores the sentences of one document (one instance per document and model). */
export class DocScorer {
  private readonly h = new FeatureHasher();
  private readonly width: number;
  private readonly reach: number;
  private readonly slots: number;
  /** Where a word entry's part hashes start (from its base), and its count of numbers. */
  private readonly po: number;
  private readonly size: number;
  private readonly BOS: WordEntry;
  private readonly EOS: WordEntry;
  /** Features of a word vector being scored, looked up together (see q, flush). */
  private readonly wq = new LookupBatch();
  /** Pair features of a sentence (base), looked up together at its end. */
  private readonly sq = new LookupBatch();

  constructor(
    private readonly s: FastScoring,
    private readonly cfg: FeatureConfig,
    private readonly res: FeatureResources | undefined,
    private readonly gazetteer: GazetteerTagger | undefined,
    private readonly entities?: EntityMatcher,
  ) {
    this.width = s.two ? 2 * s.L : s.L;
    this.reach = Math.max(cfg.window, cfg.triggers || cfg.cues ? 2 : 0, cfg.lexicon || cfg.nbAffixes || cfg.names || cfg.clusterNb ? 1 : 0);
    this.slots = 1 + 2 * this.reach;
    this.po = this.slots * this.width + 10;
    this.size = this.po + PARTS;
    this.BOS = s.words.bos ??= makeEntry(boundary('<s>'), new Int32Array(this.size), 0, this.po);
    this.EOS = s.words.eos ??= makeEntry(boundary('</s>'), new Int32Array(this.size), 0, this.po);
  }

  private newEntry(info: TokenInfo): WordEntry {
    const { v, base } = this.s.words.alloc(this.size);
    return makeEntry(info, v, base, base + this.po);
  }

  /** The cached entry of a word (analysed on first sight). */
  private entry(word: string): WordEntry {
    const cache = this.s.words;
    let e = cache.get(word, this.size);
    if (!e) {
      e = this.newEntry(analyzeToken(word, this.res));
      cache.put(word, e);
    }
    return e;
  }

  /** Analyses of a sentence's words (shared, cached objects: do not modify). */
  infos(tokens: string[]): TokenInfo[] {
    return tokens.map((w) => this.entry(w).info);
  }

  /** Offset in e.v of the word's pair-feature prefix hash states (see WordEntry), computed on first use. */
  private pre(e: WordEntry): number {
    const p = e.base + this.slots * this.width;
    if (e.preBits >= 0) return p;
    const h = this.h;
    let bits = 0;
    for (let k = 0; k < 5; k++) {
      h.start().feed(PAIR_HEADS[k]).feedPart(e.v, e.base + this.po + (k < 2 ? PN : PS)).feed('|');
      e.v[p + 2 * k] = h.h1;
      e.v[p + 2 * k + 1] = h.h2;
      if (this.s.prefixes.get(h) >= 0) bits |= 1 << k;
    }
    e.preBits = bits;
    return p;
  }

  /** Slot of neighbour offset d (−reach..reach, not 0). */
  private slot(d: number): number {
    return d < 0 ? this.reach + d + 1 : this.reach + d;
  }

  /** Scores of slot k of a word entry, computed on first use. */
  private scores(e: WordEntry, word: string, k: number): number {
    const bit = 1 << k;
    const o = e.base + k * this.width;
    if ((e.done & bit) === 0) {
      if (k === 0) this.ownVector(word, e, e.v, o);
      else this.nbVector(e, k <= this.reach ? k - this.reach - 1 : k - this.reach, e.v, o);
      e.done |= bit;
    }
    return o;
  }

  /** Adds the weights of feature `id` (joint table id) to v1 at o1 and v2 at o2. */
  private addId(id: number, v1: Float64Array | undefined, o1: number, v2: Float64Array | undefined, o2: number): void {
    const { L, w, two } = this.s;
    if (two) {
      const o = id * 2 * L;
      if (v1) for (let y = 0; y < L; y++) v1[o1 + y] += w[o + y];
      if (v2) for (let y = 0; y < L; y++) v2[o2 + y] += w[o + L + y];
    } else if (v1) {
      for (let y = 0, o = id * L; y < L; y++) v1[o1 + y] += w[o + y];
    }
  }

  /** Queues the hashed feature (this.h) of the word vector being scored (see flush). */
  private q(): void {
    this.wq.push(this.h, 0);
  }

  /**
   * Looks up the queued word-vector features together, then adds their weights into v[o..]
   * (width numbers: a two-stage model's weights by joint id are both stages side by side, as
   * the word vector is), label by label over all the rows found. Scores are integers (exact in
   * any order), so this equals adding the features one by one; a score beyond 32 bits (weights
   * no trained model has) is an error rather than a wrong tag.
   */
  private flush(v: Int32Array, o: number): void {
    const q = this.wq;
    const n = q.lookUp(this.s.table);
    const rows = q.rows;
    const w = this.s.w;
    const width = this.width;
    let m = 0;
    for (let j = 0; j < n; j++) if (rows[j] >= 0) rows[m++] = rows[j] * width;
    for (let y = 0; y < width; y++) {
      let sum = v[o + y];
      for (let j = 0; j < m; j++) sum += w[rows[j] + y];
      if ((sum | 0) !== sum) throw new RangeError(`NER tagging: a word's score ${sum} does not fit in 32 bits (model weights too large)`);
      v[o + y] = sum;
    }
  }

  /** Queues feature `a + b`. */
  private vec(a: string, b: string): void {
    this.h.start().feed(a).feed(b);
    this.q();
  }

  /** Queues feature `a + b + c + d` (parts fed one by one: no string is built). */
  private vec4(a: string, b: string, c: string, d: string): void {
    this.h.start().feed(a).feed(b).feed(c).feed(d);
    this.q();
  }

  /** Feeds part k (PN, PS, ...) of a word entry. */
  private part(e: WordEntry, k: number): FeatureHasher {
    return this.h.feedPart(e.v, e.base + this.po + k);
  }

  /** Queues feature `a + part` (part k of a word entry). */
  private vecP(a: string, e: WordEntry, k: number): void {
    this.h.start().feed(a);
    this.part(e, k);
    this.q();
  }

  /** Queues feature `a + b + c + part`. */
  private vec3P(a: string, b: string, c: string, e: WordEntry, k: number): void {
    this.h.start().feed(a).feed(b).feed(c);
    this.part(e, k);
    this.q();
  }

  /** Scores of the word's own features (features.ts ownFeatures) into v[o..]. */
  private ownVector(word: string, e: WordEntry, v: Int32Array, o: number): void {
    const cfg = this.cfg;
    const h = this.h;
    const t = e.info;
    this.vec('b', '');
    this.vecP('n=', e, PN);
    this.vecP('s=', e, PS);
    this.vecP('p=', e, PP);
    this.vecP('h=', e, PH);
    if (word !== t.norm) this.vec('w=', word);
    const len = t.norm.length;
    for (let k = 1; k <= cfg.affixes && k <= len; k++) {
      h.start().feed('a').feed(String(k)).feed('=').feed(t.norm, 0, k);
      this.q();
      h.start().feed('z').feed(String(k)).feed('=').feed(t.norm, len - k, len);
      this.q();
    }
    const sl = t.stem.length;
    if (t.stem !== t.norm) {
      for (let k = 1; k <= cfg.affixes && k < sl; k++) {
        h.start().feed('sa').feed(String(k)).feed('=').feed(t.stem, 0, k);
        this.q();
        h.start().feed('sz').feed(String(k)).feed('=').feed(t.stem, sl - k, sl);
        this.q();
      }
    }
    if (cfg.triggers && t.trig) this.vec('t0=', t.trig);
    if (cfg.charNgrams > 0) {
      const k = cfg.charNgrams;
      const padded = `^${t.norm}$`;
      for (let j = 0; j + k <= padded.length; j++) {
        h.start().feed('c=').feed(padded, j, j + k);
        this.q();
      }
    }
    if (cfg.lexicon) {
      this.vecP('x=', e, PX);
      this.vec('xs=', t.slex);
    }
    if (cfg.rare && !t.known) {
      this.vec('r', '');
      this.vecP('rh=', e, PH);
      this.vecP('rp=', e, PP);
      if (t.norm.length >= 2) {
        h.start().feed('rz2=').feed(t.norm, t.norm.length - 2);
        this.q();
      }
    }
    if (cfg.cues && t.cue) this.vec('k0=', t.cue);
    if (cfg.foreign) this.vec('fv=', t.foreign);
    if (cfg.names && t.name) this.vec('nm0', '');
    if (cfg.clusters) {
      for (const k of cfg.clusters) {
        const ks = String(k);
        if (k <= t.cl.length) {
          h.start().feed('cl').feed(ks).feed('=').feed(t.cl, 0, k);
          this.q();
        }
        if (k <= t.scl.length) {
          h.start().feed('cs').feed(ks).feed('=').feed(t.scl, 0, k);
          this.q();
        }
      }
    }
    this.flush(v, o);
  }

  /** Scores of the features token t gives the token at distance -d (features.ts neighbourFeatures) into v[o..]. */
  private nbVector(e: WordEntry, d: number, v: Int32Array, o: number): void {
    const cfg = this.cfg;
    const t = e.info;
    const rel = REL[d + 8];
    const ad = Math.abs(d);
    if (ad <= cfg.window) {
      this.vec3P('n', rel, '=', e, PN);
      this.vec3P('s', rel, '=', e, PS);
      if (ad === 1) {
        this.vec3P('h', rel, '=', e, PH);
        this.vec3P('p', rel, '=', e, PP);
      }
    }
    if (cfg.triggers && t.trig && ad <= 2) this.vec4('t', rel, '=', t.trig);
    if (cfg.lexicon && ad === 1) this.vec3P('x', rel, '=', e, PX);
    if (cfg.cues && t.cue && ad <= 2) this.vec4('k', rel, '=', t.cue);
    if (cfg.names && t.name && ad === 1) this.vec4('nm', rel, '', '');
    const na = cfg.nbAffixes ?? 0;
    if (na > 0 && ad === 1) {
      const len = t.norm.length;
      for (let k = 1; k <= na && k <= len; k++) {
        this.h.start().feed('a').feed(rel).feed(String(k)).feed('=').feed(t.norm, 0, k);
        this.q();
        this.h.start().feed('z').feed(rel).feed(String(k)).feed('=').feed(t.norm, len - k, len);
        this.q();
      }
    }
    if (cfg.clusterNb && ad === 1) {
      for (const k of cfg.clusterNb) {
        if (k > t.cl.length) continue;
        this.h.start().feed('cl').feed(rel).feed(String(k)).feed('=').feed(t.cl, 0, k);
        this.q();
      }
    }
    this.flush(v, o);
  }

  /**
   * Base-feature emissions (n × L, × SCALE) of a sentence: `e1` for the single or first-stage
   * model and, for two-stage models, `e2` for the second stage (context features not included).
   * `gazetteerHits`: the sentence's gazetteer features when the caller has them (else the
   * model's gazetteer tagger runs on the sentence). `out`: zeroed arrays of n × L numbers to fill
   * (e.g. views of one array per document), else new ones.
   */
  base(tokens: string[], gazetteerHits?: string[][], out?: { e1: Float64Array; e2?: Float64Array }): { e1: Float64Array; e2?: Float64Array; infos: TokenInfo[] } {
    const { L, two } = this.s;
    const cfg = this.cfg;
    const n = tokens.length;
    const e1 = out?.e1 ?? new Float64Array(n * L);
    const e2 = two ? (out?.e2 ?? new Float64Array(n * L)) : undefined;
    const entries = new Array<WordEntry>(n);
    const infos = new Array<TokenInfo>(n);
    for (let i = 0; i < n; i++) {
      entries[i] = this.entry(tokens[i]);
      infos[i] = entries[i].info;
    }
    const atE = (i: number) => (i < 0 ? this.BOS : i >= n ? this.EOS : entries[i]);
    const wordAt = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : tokens[i]);
    const gaz = cfg.gazetteer && this.gazetteer ? (gazetteerHits ?? this.gazetteer(tokens)) : undefined;
    const ents = cfg.lists && this.entities ? this.entities.match(infos) : undefined;
    const quotes = cfg.quotes ? quotePositions(tokens) : undefined;
    const tq = cfg.titledQuotes ? titledQuotes(tokens, infos) : undefined;
    const reach = this.reach;
    const h = this.h;
    const addVec = (e: WordEntry, word: string, k: number, o: number) => {
      const v = e.v;
      const s = this.scores(e, word, k);
      for (let y = 0; y < L; y++) e1[o + y] += v[s + y];
      if (e2) for (let y = 0, s2 = s + L; y < L; y++) e2[o + y] += v[s2 + y];
    };
    for (let i = 0; i < n; i++) {
      const t = infos[i];
      const o = i * L;
      addVec(entries[i], tokens[i], 0, o);
      for (let d = 1; d <= reach; d++) {
        addVec(atE(i - d), wordAt(i - d), this.slot(-d), o);
        addVec(atE(i + d), wordAt(i + d), this.slot(d), o);
      }
      const le = atE(i - 1);
      const l = le.info;
      const re = atE(i + 1);
      const r = re.info;
      const te = entries[i];
      const pl = cfg.bigrams || cfg.conj ? this.pre(le) : 0;
      const pt = cfg.bigrams || cfg.conj ? this.pre(te) : 0;
      const vl = le.v;
      const vt = te.v;
      const bl = le.preBits;
      const bt = te.preBits;
      if (cfg.bigrams) {
        if (bl & 1) {
          h.set(vl[pl], vl[pl + 1]);
          this.part(te, PN);
          this.sq.push(h, o);
        }
        if (bt & 2) {
          h.set(vt[pt + 2], vt[pt + 3]);
          this.part(re, PN);
          this.sq.push(h, o);
        }
        if (bl & 4) {
          h.set(vl[pl + 4], vl[pl + 5]);
          this.part(re, PS);
          this.sq.push(h, o);
        }
      }
      if (cfg.lexicon) {
        h.start().feed('xx=');
        this.part(le, PX).feed('|');
        this.part(te, PX).feed('|');
        this.part(re, PX);
        this.sq.push(h, o);
      }
      if (cfg.rare && !t.known) {
        h.start().feed('rn-1=');
        this.part(le, PN);
        this.sq.push(h, o);
        h.start().feed('rn+1=');
        this.part(re, PN);
        this.sq.push(h, o);
      }
      if (cfg.conj) {
        if (bl & 8) {
          h.set(vl[pl + 6], vl[pl + 7]);
          this.part(te, PS);
          this.sq.push(h, o);
        }
        if (bt & 16) {
          h.set(vt[pt + 8], vt[pt + 9]);
          this.part(re, PS);
          this.sq.push(h, o);
        }
      }
      if (gaz) {
        for (const g of gaz[i] ?? []) {
          h.start().feed('g=').feed(g);
          this.sq.push(h, o);
          if (cfg.conj) {
            h.start().feed('hg=');
            this.part(te, PH).feed('|').feed(g);
            this.sq.push(h, o);
            h.start().feed('pg=');
            this.part(te, PP).feed('|').feed(g);
            this.sq.push(h, o);
          }
        }
        for (const g of (i > 0 ? gaz[i - 1] : undefined) ?? []) {
          h.start().feed('g-1=').feed(g);
          this.sq.push(h, o);
        }
        for (const g of (i + 1 < n ? gaz[i + 1] : undefined) ?? []) {
          h.start().feed('g+1=').feed(g);
          this.sq.push(h, o);
        }
      }
      if (cfg.nameConj && l.name) {
        h.start().feed('nc=');
        this.part(te, PP).feed('|').feed(t.name ? '1' : '0');
        this.sq.push(h, o);
        if (atE(i - 2).info.name) {
          h.start().feed('nc2');
          this.sq.push(h, o);
        }
      }
      if (quotes && quotes[i]) {
        h.start().feed('qs=').feed(quotes[i]);
        this.sq.push(h, o);
      }
      if (tq && tq[i]) {
        h.start().feed('tq=').feed(tq[i]);
        this.sq.push(h, o);
      }
      if (ents) {
        for (const x of ents[i]) {
          h.start().feed('e=').feed(x);
          this.sq.push(h, o);
        }
        if (i > 0) {
          for (const x of ents[i - 1]) {
            h.start().feed('e-1=').feed(x);
            this.sq.push(h, o);
          }
        }
        if (i + 1 < n) {
          for (const x of ents[i + 1]) {
            h.start().feed('e+1=').feed(x);
            this.sq.push(h, o);
          }
        }
      }
    }
    const sq = this.sq;
    const m = sq.lookUp(this.s.table);
    for (let j = 0; j < m; j++) if (sq.rows[j] >= 0) this.addId(sq.rows[j], e1, sq.at[j], e2, sq.at[j]);
    return { e1, e2, infos };
  }

  /** Adds second-stage-only features (strings, e.g. document context) of token i to e2. */
  extra(feats: string[], e2: Float64Array, i: number): void {
    const ids = this.s.ids;
    for (const f of feats) {
      let id = ids.get(f);
      if (id === undefined) {
        if (ids.size >= 65536) ids.clear();
        id = this.s.table.get(this.h.start().feed(f));
        ids.set(f, id);
      }
      if (id >= 0) this.addId(id, undefined, 0, e2, i * this.s.L);
    }
  }
}
