/**
 * Late person rule, once title phrases are known (see titles.ts): names right after a title's
 * whole phrase, including foreign names the tagger missed.
 */
import { innerNameish, known, nameish, personCand } from './persons.ts';
import { isComma, isPunct, sameSentence, seenWord, type Cand, type Work } from './work.ts';

/**
 * Names right after a title's whole phrase ("المفوضة الأوروبية لشؤون المتوسط دوبرافكا شويتسا"),
 * found once phrases are known: 2 to 4 words no other mention covers (the tagger's LOC/ORG/MISC
 * guesses give way), each a known name word or a word the tagger never saw without the article
 * (foreign names), up to punctuation, a stop word, a coordination or a definite word. A person
 * the tagger found one word later grows to start right after the phrase (أبكر + محمد صالح).
 * Returns the new persons and the candidates they replace.
 */
export function namesAfterPhrases(w: Work, acc: Cand[], at: Array<Cand | null>): { add: Cand[]; remove: Set<Cand> } {
  const owner: Array<Cand | null> = new Array(w.toks.length).fill(null);
  for (const c of acc) for (let k = c.ts; k < c.te; k++) owner[k] = c;
  const weak = (c: Cand | null) => !!c && c.type !== 'person' && c.source.startsWith('ner:');
  const free = (k: number) => !owner[k] || weak(owner[k]);
  const add: Cand[] = [];
  const remove = new Set<Cand>();
  for (const t of acc) {
    if (t.type !== 'title' || t.kindDetail !== 'office' || !t.extent) continue;
    let k = t.te;
    while (k < w.toks.length && w.toks[k].end <= t.extent.end) k++;
    let comma = false;
    if (isComma(w.toks[k])) {
      comma = true;
      k++;
    }
    while (at[k] && at[k]!.type === 'title' && (at[k]!.kindDetail === 'rank' || at[k]!.kindDetail === 'honorific')) k = at[k]!.te;
    const s = k;
    const nameLike = (j: number) => known(w, j) || (!seenWord(w, w.toks[j].norm) && !w.toks[j].norm.startsWith('ال'));
    // a tagged person right after one more name word: grow it
    const next = owner[s + 1];
    if (free(s) && nameish(w, s) && !w.toks[s].norm.startsWith('و') && !w.toks[s].norm.startsWith('ال') && next && next.type === 'person' && next.ts === s + 1 && !next.actor) {
      const grown = personCand(w, s, next.te, `${next.source}+ent.person.after_title_phrase`, next.confidence, next.prio);
      add.push(grown);
      remove.add(next);
      for (let j = s; j < next.te; j++) owner[j] = grown;
      continue;
    }
    while (k < w.toks.length && k - s < 4 && free(k) && sameSentence(w, s, k) && (k === s ? nameish(w, k) : innerNameish(w, k))) {
      if (k === s && w.toks[k].norm.startsWith('و')) break;
      if (!nameLike(k)) break;
      k++;
    }
    if (k - s < 2) continue;
    const after = w.toks[k];
    const closed = !after || !sameSentence(w, s, k) || isPunct(after) || w.res.words.stopWords.has(after.norm) || after.norm.startsWith('و') || after.norm.startsWith('ال') || !!at[k];
    if (!closed || (comma && !(isPunct(after) || !after))) continue;
    const c = personCand(w, s, k, 'ent.person.after_title_phrase', 0.75, 0.7);
    add.push(c);
    for (let j = s; j < k; j++) {
      if (owner[j] && weak(owner[j])) remove.add(owner[j]!);
      owner[j] = c;
    }
  }
  return { add, remove };
}
