/**
 * The tagging fast path: the same features as features.ts (`featureParts`), but hashed part by
 * part (hash.ts) instead of built as strings, and scored straight into emission vectors. The
 * scores of a word's own features and of its features as a neighbour at each offset are cached
 * per document, so a repeated word costs a few vector additions. Both stages of a two-stage
 * model are scored in one pass over the base features (one lookup in a joint table).
 * `fast.test.ts` checks that this equals decoding from feature strings.
 */
import { boundary, type FeatureConfig, type GazetteerTagger, type TokenInfo } from './features.ts';
import { FeatureHasher, FeatureTable } from './hash.ts';

/** What the fast path needs of a model: integer weights of one or two stages and the table. */
export interface FastScoring {
  L: number;
  table: FeatureTable;
  /** Weights (× SCALE) of the single or first-stage model, rows as numbered by `rows1`. */
  w1: Int32Array;
  /** Joint id → first-stage row (-1 = none); undefined for single-stage models (id = row). */
  rows1?: Int32Array;
  /** Second-stage weights; its rows are the joint ids below `n2`. */
  w2?: Int32Array;
  n2: number;
}

const REL = ['-8', '-7', '-6', '-5', '-4', '-3', '-2', '-1', '0', '+1', '+2', '+3', '+4', '+5', '+6', '+7', '+8'];

/** Scores the sentences of one document (one instance per document and model). */
export class DocScorer {
  private readonly h = new FeatureHasher();
  private readonly own = new Map<TokenInfo, Float64Array>();
  private readonly nb: Array<Map<TokenInfo, Float64Array>> = REL.map(() => new Map());
  private readonly width: number;
  private readonly BOS = boundary('<s>');
  private readonly EOS = boundary('</s>');

  constructor(
    private readonly s: FastScoring,
    private readonly cfg: FeatureConfig,
    private readonly gazetteer: GazetteerTagger | undefined,
  ) {
    this.width = s.w2 ? 2 * s.L : s.L;
  }

  /** Adds the weights of the hashed feature to v1 at o1 (stage 1 / single) and v2 at o2. */
  private add(v1: Float64Array | undefined, o1: number, v2: Float64Array | undefined, o2: number): void {
    const id = this.s.table.get(this.h);
    if (id < 0) return;
    const { L, w1, rows1, w2, n2 } = this.s;
    if (rows1) {
      const r1 = rows1[id];
      if (v1 && r1 >= 0) for (let y = 0, o = r1 * L; y < L; y++) v1[o1 + y] += w1[o + y];
      if (v2 && id < n2) for (let y = 0, o = id * L; y < L; y++) v2[o2 + y] += w2![o + y];
    } else if (v1) {
      for (let y = 0, o = id * L; y < L; y++) v1[o1 + y] += w1[o + y];
    }
  }

  /** Feature `a + b` into a cached vector (both stages). */
  private vec(v: Float64Array, a: string, b: string): void {
    this.h.start().feed(a).feed(b);
    this.add(v, 0, this.s.w2 ? v : undefined, this.s.L);
  }

  /** Scores of the word's own features (features.ts ownFeatures). */
  private ownVector(word: string, t: TokenInfo): Float64Array {
    let v = this.own.get(t);
    if (v) return v;
    v = new Float64Array(this.width);
    const cfg = this.cfg;
    const h = this.h;
    this.vec(v, 'b', '');
    this.vec(v, 'n=', t.norm);
    this.vec(v, 's=', t.stem);
    this.vec(v, 'p=', t.prefix);
    this.vec(v, 'h=', t.shape);
    if (word !== t.norm) this.vec(v, 'w=', word);
    const L = this.s.L;
    const both = this.s.w2 ? v : undefined;
    const len = t.norm.length;
    for (let k = 1; k <= cfg.affixes && k <= len; k++) {
      h.start().feed('a').feed(String(k)).feed('=').feed(t.norm, 0, k);
      this.add(v, 0, both, L);
      h.start().feed('z').feed(String(k)).feed('=').feed(t.norm, len - k, len);
      this.add(v, 0, both, L);
    }
    const sl = t.stem.length;
    if (t.stem !== t.norm) {
      for (let k = 1; k <= cfg.affixes && k < sl; k++) {
        h.start().feed('sa').feed(String(k)).feed('=').feed(t.stem, 0, k);
        this.add(v, 0, both, L);
        h.start().feed('sz').feed(String(k)).feed('=').feed(t.stem, sl - k, sl);
        this.add(v, 0, both, L);
      }
    }
    if (cfg.triggers && t.trig) this.vec(v, 't0=', t.trig);
    if (cfg.charNgrams > 0) {
      const k = cfg.charNgrams;
      const padded = `^${t.norm}$`;
      for (let j = 0; j + k <= padded.length; j++) {
        h.start().feed('c=').feed(padded, j, j + k);
        this.add(v, 0, both, L);
      }
    }
    if (cfg.lexicon) {
      this.vec(v, 'x=', t.lex);
      this.vec(v, 'xs=', t.slex);
    }
    if (cfg.rare && !t.known) {
      this.vec(v, 'r', '');
      this.vec(v, 'rh=', t.shape);
      this.vec(v, 'rp=', t.prefix);
      if (t.norm.length >= 2) {
        h.start().feed('rz2=').feed(t.norm, t.norm.length - 2);
        this.add(v, 0, both, L);
      }
    }
    if (cfg.cues && t.cue) this.vec(v, 'k0=', t.cue);
    if (cfg.foreign) this.vec(v, 'fv=', t.foreign);
    if (cfg.names && t.name) this.vec(v, 'nm0', '');
    this.own.set(t, v);
    return v;
  }

  /** Scores of the features token t gives the token at distance -d (features.ts neighbourFeatures). */
  private nbVector(t: TokenInfo, d: number): Float64Array {
    const m = this.nb[d + 8];
    let v = m.get(t);
    if (v) return v;
    v = new Float64Array(this.width);
    const cfg = this.cfg;
    const rel = REL[d + 8];
    const ad = Math.abs(d);
    if (ad <= cfg.window) {
      this.vec(v, 'n' + rel + '=', t.norm);
      this.vec(v, 's' + rel + '=', t.stem);
      if (ad === 1) {
        this.vec(v, 'h' + rel + '=', t.shape);
        this.vec(v, 'p' + rel + '=', t.prefix);
      }
    }
    if (cfg.triggers && t.trig && ad <= 2) this.vec(v, 't' + rel + '=', t.trig);
    if (cfg.lexicon && ad === 1) this.vec(v, 'x' + rel + '=', t.lex);
    if (cfg.cues && t.cue && ad <= 2) this.vec(v, 'k' + rel + '=', t.cue);
    if (cfg.names && t.name && ad === 1) this.vec(v, 'nm' + rel, '');
    const na = cfg.nbAffixes ?? 0;
    if (na > 0 && ad === 1) {
      const len = t.norm.length;
      const L = this.s.L;
      const both = this.s.w2 ? v : undefined;
      for (let k = 1; k <= na && k <= len; k++) {
        this.h.start().feed('a').feed(rel).feed(String(k)).feed('=').feed(t.norm, 0, k);
        this.add(v, 0, both, L);
        this.h.start().feed('z').feed(rel).feed(String(k)).feed('=').feed(t.norm, len - k, len);
        this.add(v, 0, both, L);
      }
    }
    m.set(t, v);
    return v;
  }

  /**
   * Base-feature emissions (n × L, × SCALE) of a sentence: `e1` for the single or first-stage
   * model and, for two-stage models, `e2` for the second stage (context features not included).
   */
  base(tokens: string[], infos: TokenInfo[]): { e1: Float64Array; e2?: Float64Array } {
    const { L, w2 } = this.s;
    const cfg = this.cfg;
    const n = tokens.length;
    const e1 = new Float64Array(n * L);
    const e2 = w2 ? new Float64Array(n * L) : undefined;
    const at = (i: number) => (i < 0 ? this.BOS : i >= n ? this.EOS : infos[i]);
    const gaz = cfg.gazetteer && this.gazetteer ? this.gazetteer(tokens) : undefined;
    const reach = Math.max(cfg.window, cfg.triggers || cfg.cues ? 2 : 0, cfg.lexicon || cfg.nbAffixes || cfg.names ? 1 : 0);
    const h = this.h;
    const addVec = (v: Float64Array, o: number) => {
      for (let y = 0; y < L; y++) e1[o + y] += v[y];
      if (e2) for (let y = 0; y < L; y++) e2[o + y] += v[L + y];
    };
    for (let i = 0; i < n; i++) {
      const t = infos[i];
      const o = i * L;
      addVec(this.ownVector(tokens[i], t), o);
      for (let d = 1; d <= reach; d++) {
        addVec(this.nbVector(at(i - d), -d), o);
        addVec(this.nbVector(at(i + d), d), o);
      }
      const l = at(i - 1);
      const r = at(i + 1);
      if (cfg.bigrams) {
        h.start().feed('bl=').feed(l.norm).feed('|').feed(t.norm);
        this.add(e1, o, e2, o);
        h.start().feed('br=').feed(t.norm).feed('|').feed(r.norm);
        this.add(e1, o, e2, o);
        h.start().feed('bs=').feed(l.stem).feed('|').feed(r.stem);
        this.add(e1, o, e2, o);
      }
      if (cfg.lexicon) {
        h.start().feed('xx=').feed(l.lex).feed('|').feed(t.lex).feed('|').feed(r.lex);
        this.add(e1, o, e2, o);
      }
      if (cfg.rare && !t.known) {
        h.start().feed('rn-1=').feed(l.norm);
        this.add(e1, o, e2, o);
        h.start().feed('rn+1=').feed(r.norm);
        this.add(e1, o, e2, o);
      }
      if (cfg.conj) {
        h.start().feed('sb=').feed(l.stem).feed('|').feed(t.stem);
        this.add(e1, o, e2, o);
        h.start().feed('sn=').feed(t.stem).feed('|').feed(r.stem);
        this.add(e1, o, e2, o);
      }
      if (gaz) {
        for (const g of gaz[i] ?? []) {
          h.start().feed('g=').feed(g);
          this.add(e1, o, e2, o);
          if (cfg.conj) {
            h.start().feed('hg=').feed(t.shape).feed('|').feed(g);
            this.add(e1, o, e2, o);
            h.start().feed('pg=').feed(t.prefix).feed('|').feed(g);
            this.add(e1, o, e2, o);
          }
        }
        for (const g of (i > 0 ? gaz[i - 1] : undefined) ?? []) {
          h.start().feed('g-1=').feed(g);
          this.add(e1, o, e2, o);
        }
        for (const g of (i + 1 < n ? gaz[i + 1] : undefined) ?? []) {
          h.start().feed('g+1=').feed(g);
          this.add(e1, o, e2, o);
        }
      }
    }
    return { e1, e2 };
  }

  /** Adds second-stage-only features (strings, e.g. document context) of token i to e2. */
  extra(feats: string[], e2: Float64Array, i: number): void {
    for (const f of feats) {
      this.h.start().feed(f);
      this.add(undefined, 0, e2, i * this.s.L);
    }
  }
}
