/**
 * Document-context features for the second stage (stacking): a first-stage model tags every
 * sentence; then each token gets features from those first-stage tags: its own and its
 * neighbours' tags, and the entity types the same word (or stem) received elsewhere in nearby
 * sentences of the same document. This carries a name recognized once ("فينغر" after
 * "المدرب") to its other mentions in the article.
 */
import { normalizeArabic } from '../../text/normalize.ts';
import { splitClitics } from './lexicon.ts';

/**
 * Extra features per token of each sentence. `window`: how many sentences before and after count
 * as context (the whole list when the sentences are one document).
 */
export function contextFeatures(sentences: string[][], stage1: string[][], window: number): string[][][] {
  const keys = sentences.map((toks) =>
    toks.map((w) => {
      const norm = normalizeArabic(w);
      return { norm, stem: splitClitics(norm).stem };
    }),
  );
  // Per sentence: word → type counts, stem → type counts.
  const typeOf = (tag: string) => (tag === 'O' ? 'O' : tag.slice(2));
  const perSent = sentences.map((_, s) => {
    const words = new Map<string, Map<string, number>>();
    const stems = new Map<string, Map<string, number>>();
    const inc = (m: Map<string, Map<string, number>>, k: string, t: string) => {
      let c = m.get(k);
      if (!c) m.set(k, (c = new Map()));
      c.set(t, (c.get(t) ?? 0) + 1);
    };
    for (let i = 0; i < keys[s].length; i++) {
      const t = typeOf(stage1[s][i]);
      inc(words, keys[s][i].norm, t);
      inc(stems, keys[s][i].stem, t);
    }
    return { words, stems };
  });
  const out: string[][][] = [];
  for (let s = 0; s < sentences.length; s++) {
    const lo = Math.max(0, s - window);
    const hi = Math.min(sentences.length - 1, s + window);
    const tags = stage1[s];
    const sentOut: string[][] = [];
    for (let i = 0; i < keys[s].length; i++) {
      const f: string[] = [
        'q=' + tags[i],
        'q-1=' + (i > 0 ? tags[i - 1] : '<s>'),
        'q+1=' + (i + 1 < tags.length ? tags[i + 1] : '</s>'),
      ];
      const own = typeOf(tags[i]);
      const words = new Map<string, number>();
      const stems = new Map<string, number>();
      for (let k = lo; k <= hi; k++) {
        const wm = perSent[k].words.get(keys[s][i].norm);
        if (wm) for (const [t, n] of wm) words.set(t, (words.get(t) ?? 0) + n);
        const sm = perSent[k].stems.get(keys[s][i].stem);
        if (sm) for (const [t, n] of sm) stems.set(t, (stems.get(t) ?? 0) + n);
      }
      // Remove the token's own first-stage vote.
      words.set(own, (words.get(own) ?? 1) - 1);
      stems.set(own, (stems.get(own) ?? 1) - 1);
      const best = (m: Map<string, number>) => {
        let b = '';
        let bn = 0;
        for (const [t, n] of m) if (t !== 'O' && (n > bn || (n === bn && t < b))) (b = t), (bn = n);
        return bn > 0 ? b + (bn >= (m.get('O') ?? 0) ? '+' : '-') : '';
      };
      const bw = best(words);
      const bs = best(stems);
      if (bw) f.push('dw=' + bw, `dwq=${bw}|${own}`);
      if (bs) f.push('ds=' + bs);
      sentOut.push(f);
    }
    out.push(sentOut);
  }
  return out;
}
