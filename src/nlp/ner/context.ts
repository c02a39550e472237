/**
 * Document-context features for the second stage (stacking): a first-stage model tags every
 * sentence; then each token gets features from those first-stage tags: its own and its
 * neighbours' tags, and the entity types the same word (or stem) received elsewhere in nearby
 * sentences of the same document. This carries a name recognized once ("فينغر" after
 * "المدرب") to its other mentions in the article.
 */

import { SPORT_CUES } from './lexicon.ts';

const SPORT = new Set(SPORT_CUES);
/** Sports cue words within the window that make a sports context. */
const SPORT_MIN = 3;

/** The keys a token is matched on across sentences. */
export interface ContextKey {
  norm: string;
  stem: string;
}

/** key → type → sorted sentence indexes of its occurrences (one entry per occurrence). */
type Occurrences = Map<string, Map<string, number[]>>;

function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const typeOf = (tag: string) => (tag === 'O' ? 'O' : tag.slice(2));

/**
 * The best entity type among the occurrences of a key in sentences [lo, hi], not counting the
 * token's own vote: `TYPE+` when it has at least as many votes as O, `TYPE-` otherwise; '' when
 * no other occurrence was tagged as an entity.
 */
function bestType(occ: Map<string, number[]> | undefined, lo: number, hi: number, own: string): string {
  if (!occ) return '';
  let best = '';
  let bestN = 0;
  let o = 0;
  for (const [t, sents] of occ) {
    let n = lowerBound(sents, hi + 1) - lowerBound(sents, lo);
    if (t === own) n--;
    if (t === 'O') o = n;
    else if (n > bestN || (n === bestN && n > 0 && t < best)) {
      best = t;
      bestN = n;
    }
  }
  return bestN > 0 ? best + (bestN >= o ? '+' : '-') : '';
}

/**
 * Extra features per token of each sentence. `keys[s][i]` are the normalized word and stem of
 * token i of sentence s; `stage1` the first-stage tags; `window`: how many sentences before and
 * after count as context.
 */
export function contextFeatures(keys: ContextKey[][], stage1: string[][], window: number, topic = false): string[][][] {
  const words: Occurrences = new Map();
  const stems: Occurrences = new Map();
  const add = (m: Occurrences, k: string, t: string, s: number) => {
    let byType = m.get(k);
    if (!byType) m.set(k, (byType = new Map()));
    const list = byType.get(t);
    if (list) list.push(s);
    else byType.set(t, [s]);
  };
  for (let s = 0; s < keys.length; s++) {
    for (let i = 0; i < keys[s].length; i++) {
      const t = typeOf(stage1[s][i]);
      add(words, keys[s][i].norm, t, s);
      add(stems, keys[s][i].stem, t, s);
    }
  }
  // Feature strings are interned (one string per distinct feature), so the weight lookups of
  // the same feature hash one string object instead of a fresh concatenation per token.
  const interned = new Map<string, Map<string, string>>();
  const cat = (a: string, b: string) => {
    let m = interned.get(a);
    if (!m) interned.set(a, (m = new Map()));
    let v = m.get(b);
    if (v === undefined) m.set(b, (v = a + b));
    return v;
  };
  // topic: prefix sums of sports cue words per sentence (only when asked)
  const sport = topic ? new Int32Array(keys.length + 1) : undefined;
  if (sport) {
    for (let s = 0; s < keys.length; s++) {
      let c = 0;
      for (const k of keys[s]) if (SPORT.has(k.stem) || SPORT.has(k.norm)) c++;
      sport[s + 1] = sport[s] + c;
    }
  }
  const out: string[][][] = [];
  for (let s = 0; s < keys.length; s++) {
    const lo = s - window;
    const hi = s + window;
    const sports = sport !== undefined && sport[Math.min(keys.length, hi + 1)] - sport[Math.max(0, lo)] >= SPORT_MIN;
    const tags = stage1[s];
    const sentOut: string[][] = [];
    for (let i = 0; i < keys[s].length; i++) {
      const f: string[] = [
        cat('q=', tags[i]),
        cat('q-1=', i > 0 ? tags[i - 1] : '<s>'),
        cat('q+1=', i + 1 < tags.length ? tags[i + 1] : '</s>'),
      ];
      const own = typeOf(tags[i]);
      const bw = bestType(words.get(keys[s][i].norm), lo, hi, own);
      const bs = bestType(stems.get(keys[s][i].stem), lo, hi, own);
      if (bw) f.push(cat('dw=', bw), cat(cat('dwq=', bw), '|' + own));
      if (bs) f.push(cat('ds=', bs));
      if (sports) {
        f.push(cat('sp|q=', tags[i]));
        if (bw) f.push(cat('sp|dw=', bw));
      }
      sentOut.push(f);
    }
    out.push(sentOut);
  }
  return out;
}
