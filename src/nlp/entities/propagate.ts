/**
 * Document-level name propagation: a person named in full once (الطاهر حسين، نيكولا أورلاندو) is
 * a person wherever the same words recur, and the family name alone (أورلاندو، الباعور،
 * للحويج) is a mention of him. Only tokens no stronger mention covers are claimed (the tagger's
 * own LOC/ORG/MISC guesses give way).
 */
import { findByName, definite, surnameKey, nameTokens } from '../actors/index.ts';
import { stripAl } from './resources.ts';
import { cliticSkip, isWord, seenWord, type Cand, type Work } from './work.ts';

function isWeak(c: Cand): boolean {
  return c.type !== 'person' && c.source.startsWith('ner:');
}

/** Bare name word of token i, with an optional clitic; variants in order of preference. */
function variants(w: Work, i: number): Array<{ key: string; skip: number }> {
  const t = w.toks[i];
  if (!isWord(t)) return [];
  const n = t.norm;
  const out = [{ key: stripAl(n), skip: 0 }];
  if (n.length >= 4) {
    if (n.startsWith('لل')) out.push({ key: stripAl('ال' + n.slice(2)), skip: cliticSkip(w, i, 1) });
    const c = n[0];
    if (c === 'و' || c === 'ف' || c === 'ب' || c === 'ل') out.push({ key: stripAl(n.slice(1)), skip: cliticSkip(w, i, 1) });
  }
  return out;
}

/** Whether a key of `variants` of a word with this normal form is in `a` or `b` (no offsets computed). */
function someKeyIn(n: string, a: Map<string, unknown>, b: Map<string, unknown>): boolean {
  let k = stripAl(n);
  if (a.has(k) || b.has(k)) return true;
  if (n.length < 4) return false;
  if (n.startsWith('لل')) {
    k = stripAl('ال' + n.slice(2));
    if (a.has(k) || b.has(k)) return true;
  }
  const c = n[0];
  if (c !== 'و' && c !== 'ف' && c !== 'ب' && c !== 'ل') return false;
  k = stripAl(n.slice(1));
  return a.has(k) || b.has(k);
}

export function propagateNames(w: Work, acc: Cand[]): Cand[] {
  const persons = acc.filter((c) => c.type === 'person' && c.te - c.ts >= 2);
  if (persons.length === 0) return acc;
  const covered: Array<Cand | null> = new Array(w.toks.length).fill(null);
  for (const c of acc) for (let k = c.ts; k < c.te; k++) covered[k] = c;
  const free = (k: number) => !covered[k] || isWeak(covered[k]!);

  // full names (as bare word sequences, indexed by their first word) and family names
  const full = new Map<string, string[][]>();
  const surnames = new Map<string, string>(); // surname key → full-name key ('' when shared)
  const registrySurnames = new Set<string>();
  /** Stories where each family name was introduced by a full name. */
  const surnameStories = new Map<string, Set<number>>();
  for (const p of persons) {
    const seq: string[] = [];
    for (let k = p.ts; k < p.te; k++) {
      if (k > p.ts) seq.push(stripAl(w.toks[k].norm));
      else {
        const vs = variants(w, k);
        seq.push((vs.find((v) => w.toks[k].start + v.skip === p.start) ?? vs[0]).key);
      }
    }
    const key = seq.join(' ');
    const list = full.get(seq[0]) ?? [];
    if (!list.some((x) => x.join(' ') === key)) list.push(seq);
    full.set(seq[0], list);
    const reg = p.actor ? w.res.registry.actors.get(p.actor) : definite(findByName(w.res.registry, w.doc.text.slice(p.start, p.end), { kinds: ['person'] }))?.actor;
    let sur = reg ? surnameKey(reg.name, reg.surname) : seq[seq.length - 1];
    // a last word that is a given name (محمد علي) is no family name, unless it carries the article (الشريف)
    if (!reg && w.res.names.given.has(sur) && !w.toks[p.te - 1].norm.startsWith('ال')) sur = '';
    if (reg && sur) registrySurnames.add(sur);
    if (reg && sur) {
      // registry keys drop ال and join compounds; compare on the bare last word when it is one word
      sur = nameTokens(sur).length === 1 ? sur : '';
    }
    if (!sur || (sur.length < 3 && !registrySurnames.has(sur)) || w.res.words.notSurnames.has(sur) || w.res.words.notSurnames.has('ال' + sur)) continue;
    const st = surnameStories.get(sur) ?? new Set<number>();
    st.add(w.storyOf[p.ts]);
    surnameStories.set(sur, st);
    const prev = surnames.get(sur);
    surnames.set(sur, prev === undefined || prev === key ? key : '');
  }

  const added: Cand[] = [];
  const n = w.toks.length;
  for (let i = 0; i < n; i++) {
    if (!free(i)) continue;
    if (!isWord(w.toks[i]) || !someKeyIn(w.toks[i].norm, full, surnames)) continue; // the common case: no name word here
    const vs = variants(w, i);
    if (vs.length === 0) continue;
    let done = false;
    // the full name again
    for (const v of vs) {
      for (const parts of full.get(v.key) ?? []) {
        const len = parts.length;
        if (i + len > n) continue;
        let ok = true;
        for (let k = 1; k < len && ok; k++) ok = free(i + k) && isWord(w.toks[i + k]) && stripAl(w.toks[i + k].norm) === parts[k] && w.sentOf[i + k] === w.sentOf[i];
        if (!ok) continue;
        added.push({ start: w.toks[i].start + v.skip, end: w.toks[i + len - 1].end, type: 'person', norm: '', source: 'ent.person.propagated', confidence: 0.85, ts: i, te: i + len, prio: 0.85 });
        i += len - 1;
        done = true;
        break;
      }
      if (done) break;
    }
    if (done) continue;
    // the family name alone
    for (const v of vs) {
      if (!surnames.has(v.key) || w.res.words.stopWords.has(w.toks[i].norm)) continue;
      // a word the tagger saw in training (الثاني، الكامل) is a family name here only when tagged
      // PERS or known as a registry family name
      // a family name alone is a person when the registry knows it as one, the tagger tags it, or a
      // verb that introduces a person comes right before it (وقال الشريف); else it is likely a
      // common word (الحكم، الديني) that a weak full name happened to end with
      const cue = i > 0 && w.res.words.personCues.has(w.toks[i - 1].norm) && w.sentOf[i - 1] === w.sentOf[i];
      const norm = w.toks[i].norm;
      const foreignLooking = !norm.startsWith('ال') && !seenWord(w, norm) && v.skip === 0;
      if (!registrySurnames.has(v.key) && !cue && !w.ner[i].endsWith('PERS') && !foreignLooking) continue;
      // in the story that introduced the full name, or in a later story when only one person of the
      // document bears it ("وفي سياق آخر، تحادث مساهل هاتفيا")
      const stories = surnameStories.get(v.key) ?? new Set<number>();
      const later = surnames.get(v.key) !== '' && [...stories].some((s) => s >= 0 && s < w.storyOf[i]);
      if (!registrySurnames.has(v.key) && !stories.has(w.storyOf[i]) && !later) continue;
      if (covered[i] && !isWeak(covered[i]!)) continue;
      added.push({ start: w.toks[i].start + v.skip, end: w.toks[i].end, type: 'person', norm: '', source: 'ent.person.surname', confidence: 0.8, ts: i, te: i + 1, prio: 0.8, lookup: v.key });
      break;
    }
  }
  if (added.length === 0) return acc;
  const claimed = new Set<number>();
  for (const a of added) for (let k = a.ts; k < a.te; k++) claimed.add(k);
  const kept = acc.filter((c) => {
    for (let k = c.ts; k < c.te; k++) if (claimed.has(k)) return false;
    return true;
  });
  return [...kept, ...added].sort((a, b) => a.start - b.start);
}
