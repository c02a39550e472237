/**
 * Person candidates: tagger PERS spans repaired with rules, registry names, names after titles
 * and ranks, and possessive titles (ونائبه X). Spans never start with a title, rank, honorific,
 * nisba or clitic و, and come out whole (given + middle + family name).
 */
import { sharedGazetteerFeatures, tagDocument } from '../ner/index.ts';
import type { GazetteerMatch } from '../gazetteer/index.ts';
import { nameKey } from '../actors/names.ts';
import { stripAl } from './resources.ts';
import { isCloseQuote, isComma, isOpenQuote, isPunct, isWord, nameWord, sameSentence, seenWord, type Cand, type Work } from './work.ts';

/** Longest person name in tokens. */
const MAX_NAME = 5;

/**
 * Runs the tagger once per sentence and fills w.ner / w.margin. `gazetteer`: the stage's
 * gazetteer pass over the document (matches and the token links it followed), whose hits are
 * the tagger's gazetteer features where they are the same (see sharedGazetteerFeatures).
 */
export function tagTokens(w: Work, gazetteer?: { matches: GazetteerMatch[]; next: Int32Array }): void {
  const groups: number[][] = [];
  let cur: number[] = [];
  let sent = -2;
  for (let i = 0; i < w.toks.length; i++) {
    if (w.sentOf[i] !== sent && cur.length) {
      groups.push(cur);
      cur = [];
    }
    sent = w.sentOf[i];
    cur.push(i);
  }
  if (cur.length) groups.push(cur);
  const ner = w.res.ner;
  // groups are runs of consecutive tokens
  const hits =
    gazetteer && ner.features.gazetteer && ner.gazetteer?.gazetteer === w.res.gazetteer
      ? sharedGazetteerFeatures(w.doc.text, w.toks, gazetteer.next, gazetteer.matches, groups.map((g) => [g[0], g[g.length - 1] + 1] as const))
      : undefined;
  const tagged = tagDocument(ner, groups.map((g) => g.map((i) => w.doc.text.slice(w.toks[i].start, w.toks[i].end))), true, hits);
  groups.forEach((g, k) => {
    const { tags, margins } = tagged[k];
    g.forEach((i, j) => {
      const t = tags[j];
      w.ner[i] = t === 'O' ? '' : t;
      w.margin[i] = margins ? margins[j] : 0;
    });
  });
}

function gazKind(w: Work, i: number): string | undefined {
  const g = w.gazAt[i];
  if (!g) return undefined;
  if (g.type === 'title') return 'title';
  if (g.kindDetail === 'nisba') return 'nisba';
  return g.type;
}

/** Name connectors inside a name (بن، آل، أبو). */
const CONNECTORS = new Set(['بن', 'ابن', 'بنت', 'ال', 'ابو', 'ابي', 'عبد', 'الدين', 'الله', 'الاسلام']);
/** Prefixes a name word never carries (بالمواجهة، للعمل، والصحة). */
const NOT_NAME_PREFIXES = ['بال', 'لل', 'كال', 'فال', 'وال'];

/** A present verb of two or more subjects, as headlines write them ("حفتر وحماد يستقبلان"): no name word. */
const DUAL_PLURAL_VERB = /^[يت][\u0621-\u064a]{3,}(?:ان|ون)$/u;

/** A token that may be part of a name: a word, no stop word, not inside a gazetteer hit (nisbas allowed when `nisbaOk`). */
export function nameish(w: Work, i: number, nisbaOk = false): boolean {
  const t = w.toks[i];
  if (!isWord(t) || t.norm.length < 2) return false;
  if (w.res.words.stopWords.has(t.norm) && !taggedPers(w, i)) return false; // علي (Ali) = على after normalization
  if (w.res.words.notNames.has(t.norm)) return false;
  // a stop word behind a proclitic (بهذه، لذلك، وهو)
  if ('وفبلك'.includes(t.norm[0]) && w.res.words.stopWords.has(t.norm.slice(1))) return false;
  if (w.res.words.possessiveTitles.has(t.norm)) return false;
  if (NOT_NAME_PREFIXES.some((p) => t.norm.startsWith(p)) && !w.res.names.all.has(stripAl(t.norm))) return false;
  if (DUAL_PLURAL_VERB.test(t.norm) && !w.res.names.all.has(t.norm)) return false;
  const g = gazKind(w, i);
  if (g && !(nisbaOk && g === 'nisba')) return false;
  return true;
}

/** A name word inside a name (not its first): no coordination و unless the word is a known name (وليد). */
export function innerNameish(w: Work, i: number): boolean {
  const n = w.toks[i]?.norm;
  return nameish(w, i, true) && (!n.startsWith('و') || w.res.names.all.has(stripAl(n)));
}

function taggedPers(w: Work, i: number): boolean {
  return w.ner[i] === 'B-PERS' || w.ner[i] === 'I-PERS';
}

/** Evidence that a token is a name word: known (registry, given names), a connector, or tagged PERS. */
export function known(w: Work, i: number): boolean {
  return nameWord(w, i) !== null || taggedPers(w, i) || CONNECTORS.has(w.toks[i].norm);
}

export function personCand(w: Work, ts: number, te: number, source: string, confidence: number, prio: number, skip = 0): Cand {
  const start = w.toks[ts].start + skip;
  const end = w.toks[te - 1].end;
  return { start, end, type: 'person', norm: '', source, confidence, ts, te, prio };
}

/** Tagger PERS chunks, repaired. */
function taggerPersons(w: Work): Cand[] {
  const out: Cand[] = [];
  const n = w.toks.length;
  const source = `ner:perceptron@${w.res.ner.info.version}`;
  let i = 0;
  while (i < n) {
    if (w.ner[i] !== 'B-PERS' && w.ner[i] !== 'I-PERS') {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && w.ner[j] === 'I-PERS' && sameSentence(w, i, j)) j++;
    let minMargin = Infinity;
    for (let k = i; k < j; k++) minMargin = Math.min(minMargin, w.margin[k]);
    const chunkStart = i;
    i = j;
    // the span splits at an inner coordination و + a known name (عيسى ونور الدين → two persons)
    const parts: Array<[number, number]> = [];
    let from = chunkStart;
    for (let k = from + 1; k < j; k++) {
      const nk = w.toks[k].norm;
      if (nk.startsWith('و') && !w.res.names.all.has(stripAl(nk)) && w.res.names.all.has(stripAl(nk.slice(1)))) {
        parts.push([from, k]);
        from = k;
      }
    }
    parts.push([from, j]);
    for (const [ps, pe] of parts) {
      const c = repairSpan(w, ps, pe, minMargin, source);
      if (c) out.push(c);
    }
  }
  return out;
}

/** A one-word place or country hit inside a PERS span that is really part of the name (كلاوس ≠ ك + لاوس; كارلوس كوريا). */
function placeInName(w: Work, k: number, initial: boolean): boolean {
  const g = w.gazAt[k];
  if (!g || g.te - g.ts !== 1 || !taggedPers(w, k)) return false;
  if (g.type !== 'country' && g.type !== 'location') return false;
  if (g.kindDetail === 'nisba') return !initial;
  return g.start > w.toks[k].start || !initial;
}

/** Heads of places and bodies named after a person (normalized, indefinite: مركز عيسى الثقافي). */
const NAMED_PLACE_HEADS = new Set(['مركز', 'جامعه', 'مستشفي', 'قاعه', 'قصر', 'شارع', 'ميدان', 'مسجد', 'مدرسه', 'مطار', 'ملعب', 'معهد', 'مؤسسه', 'جائزه', 'مدينه', 'حي', 'جسر', 'ميناء', 'قاعده']);

/** A word without its leading و/ف and ب/ل/ك (بمركز → مركز). */
function stripProclitics(n: string): string {
  let x = n;
  if (x.length > 3 && (x[0] === 'و' || x[0] === 'ف')) x = x.slice(1);
  if (x.length > 3 && (x[0] === 'ب' || x[0] === 'ل' || x[0] === 'ك')) x = x.slice(1);
  return x;
}

/**
 * "الفريق الركن علي محسن صالح": a given name that normalizes to a stop word (علي = على), written
 * with its final ي, right after a title or rank is the start of the name.
 */
function aliAfterTitle(w: Work, k: number): boolean {
  const prev = k > 0 ? w.gazAt[k - 1] : null;
  return !!prev && prev.type === 'title' && prev.te === k && writtenAli(w, k);
}

function writtenAli(w: Work, k: number): boolean {
  const t = w.toks[k];
  return !!t && w.doc.text.slice(t.start, t.end) === 'علي';
}

/**
 * "السفير حسين عوض علي،", "عبد السعيد موسى علي وزير الخارجية": علي (written with ي) closing a name
 * before punctuation, the end of the sentence or an office title is its last word.
 */
function aliClosing(w: Work, k: number): boolean {
  if (!writtenAli(w, k)) return false;
  if (isPunct(w.toks[k + 1]) || !sameSentence(w, k, k + 1)) return true;
  const next = w.gazAt[k + 1];
  return !!next && next.type === 'title' && next.kindDetail === 'office' && next.ts === k + 1;
}

function repairSpan(w: Work, i: number, j: number, minMargin: number, source: string): Cand | null {
  const n = w.toks.length;
  {
    let ts = i;
    let te = j;
    let fixed = false;
    // titles, ranks, honorifics, places, stop words and punctuation are cut off both ends
    while (ts < te && !nameish(w, ts) && !placeInName(w, ts, true)) {
      ts++;
      fixed = true;
    }
    while (te > ts && !nameish(w, te - 1, true) && !placeInName(w, te - 1, te - 1 === ts)) {
      te--;
      fixed = true;
    }
    if (ts >= te) return null;
    for (let k = ts; k < te; k++) {
      // the name keeps the word: the place reading gives way
      if (placeInName(w, k, k === ts)) w.gazAt[k]!.prio = 0.3;
    }
    // a known given name just before the span (عقد الطاهر حسين → الطاهر حسين)
    if (ts > 0 && sameSentence(w, ts - 1, ts) && (nameish(w, ts - 1) || aliAfterTitle(w, ts - 1)) && w.res.names.given.has(w.toks[ts - 1].norm)) {
      ts--;
      fixed = true;
    }
    // known name words after it (إبراهيم + قالن), and the word after a final connector (أبو + تريكة)
    while (te < n && te - ts < MAX_NAME && sameSentence(w, ts, te) && ((innerNameish(w, te) && (w.res.names.registryWords.has(stripAl(w.toks[te].norm)) || CONNECTORS.has(w.toks[te - 1].norm))) || aliClosing(w, te))) {
      te++;
      fixed = true;
    }
    // a clitic و on the first word (وموسى الكوني → موسى الكوني)
    let skip = 0;
    const first = w.toks[ts].norm;
    if (first.startsWith('و') && !w.res.names.all.has(stripAl(first))) {
      const nw = nameWord(w, ts);
      if (nw && nw.skip > 0) skip = nw.skip;
      else if (te - ts >= 2 && first.length >= 5) skip = 1;
      if (skip) fixed = true;
    }
    const conf = Math.round((1 / (1 + Math.exp(-minMargin / 4))) * 1000) / 1000;
    return personCand(w, ts, te, fixed ? `${source}+ent.person.fix` : source, conf, 0.5 + 0.3 * conf, skip);
  }
}

/**
 * Whether a registry family name standing alone at token i reads as the person: tagged PERS,
 * after a verb that introduces a person (واستقبل المنفي), before an appositive title
 * (المنفي، رئيس ...). A family name may also be a common word (سلامة، نفطي): no other sign counts.
 */
function familyNameInContext(w: Work, i: number): boolean {
  // a name word follows: this is the start of a longer name (الطاهر حسين)
  if (sameSentence(w, i, i + 1) && isWord(w.toks[i + 1]) && (taggedPers(w, i + 1) || nameWord(w, i + 1))) return false;
  if (taggedPers(w, i)) return true;
  const prev = w.toks[i - 1];
  if (prev && sameSentence(w, i - 1, i) && w.res.words.personCues.has(prev.norm)) return true;
  const next = w.gazAt[i + 1] ?? (isComma(w.toks[i + 1]) ? w.gazAt[i + 2] : null);
  return !!next && next.type === 'title' && next.kindDetail === 'office';
}

/** "... X بن |Y": the token follows a name word and بن/ابن/بنت in the same sentence. */
function afterPatronym(w: Work, i: number): boolean {
  const link = w.toks[i - 1];
  return i >= 2 && NASAB.has(link.norm) && sameSentence(w, i - 2, i) && isWord(w.toks[i - 2]) && nameWord(w, i - 2) !== null;
}

/** Registry person names and aliases found in the text (longest first at each position). */
function registryPersons(w: Work): Cand[] {
  const out: Cand[] = [];
  const n = w.toks.length;
  const reg = w.res.registry;
  const rw = w.res.names.registryWords;
  let i = 0;
  while (i < n) {
    const first = nameWord(w, i);
    // (a name after "X بن" is the tail of a longer chain: "عبدالعزيز بن سلمان بن عبدالعزيز" is not "سلمان بن عبدالعزيز")
    if (!first || !rw.has(first.key) || w.gazAt[i]?.type === 'title' || afterPatronym(w, i)) {
      i++;
      continue;
    }
    let runEnd = i + 1;
    while (runEnd < n && runEnd - i < MAX_NAME && sameSentence(w, i, runEnd) && isWord(w.toks[runEnd]) && rw.has(stripAl(w.toks[runEnd].norm))) runEnd++;
    let found = 0;
    for (let len = runEnd - i; len >= 1 && !found; len--) {
      const start = w.toks[i].start + first.skip;
      const surface = w.doc.text.slice(start, w.toks[i + len - 1].end);
      const all = (reg.byKey.get(nameKey(surface)) ?? []).filter((e) => reg.actors.get(e.actorId)?.kind === 'person');
      let entries = all.filter((e) => e.type !== 'surname');
      if (entries.length === 0 && len === 1 && all.length === 1 && !all[0].ambiguous && familyNameInContext(w, i)) entries = all;
      if (entries.length === 0) continue;
      if (len === 1 && (entries.some((e) => e.ambiguous) || w.gazAt[i] || w.toks[i].norm.length < 4)) continue;
      const single = entries[0].type === 'surname' ? 0.6 : 0.8;
      const c = personCand(w, i, i + len, `registry:${entries[0].type}`, len >= 2 ? 0.96 : 0.85, len >= 2 ? 0.97 : single, first.skip);
      if (entries.length === 1 && !entries[0].ambiguous) c.actor = entries[0].actorId;
      out.push(c);
      found = len;
    }
    i += found || 1;
  }
  return out;
}

/**
 * Names right after a title, rank or honorific: "TITLE، X Y،", "RANK «X Y»", "TITLE X Y" when
 * X is a known name word or tagged PERS. The name ends at punctuation, a stop word or another
 * gazetteer hit, and has 1 to 4 words.
 */
function namesAfterTitles(w: Work, titles: Cand[]): Cand[] {
  const out: Cand[] = [];
  const n = w.toks.length;
  for (const t of titles) {
    if (t.type !== 'title' || t.kindDetail === 'qualifier') continue;
    let k = t.te;
    let comma = false;
    let quote = false;
    for (;;) {
      const tok = w.toks[k];
      if (!tok || !sameSentence(w, t.ts, k)) break;
      if (isComma(tok) && !comma && !quote && t.kindDetail !== 'rank' && t.kindDetail !== 'honorific') {
        comma = true;
        k++;
      } else if (isOpenQuote(tok) && !quote) {
        quote = true;
        k++;
      } else if (w.gazAt[k] && w.gazAt[k]!.ts === k && w.gazAt[k]!.type === 'title' && (w.gazAt[k]!.kindDetail === 'rank' || w.gazAt[k]!.kindDetail === 'honorific')) {
        k = w.gazAt[k]!.te;
      } else break;
    }
    const s = k;
    if (!nameish(w, s)) continue;
    // a word with a coordination و starts a clause, not a name (، وتوقع اتفاقيتين), unless
    // the bare word is a known name (، ومحمد X)
    const f0 = w.toks[s].norm;
    if (f0.startsWith('و') && !w.res.names.all.has(stripAl(f0)) && !nameWord(w, s)) continue;
    k++;
    while (k < n && k - s < 4 && sameSentence(w, s, k) && innerNameish(w, k)) k++;
    const after = w.toks[k];
    const end = !after || !sameSentence(w, s, k);
    const closed = end || isPunct(after);
    const firstKnown = known(w, s);
    let ok = false;
    let rule = '';
    let prio = 0.9;
    if (quote && closed && (end || isCloseQuote(after))) {
      ok = k - s >= 2 || firstKnown;
      rule = 'ent.person.quoted_after_title';
    } else if (comma && closed) {
      ok = k - s >= 2 || firstKnown;
      rule = 'ent.person.apposition_after_title';
    } else if (!comma && firstKnown) {
      prio = 0.7;
      // no punctuation closes the name: keep the words known as names or tagged PERS
      let e = s + 1;
      // known name words, or words the tagger never saw that do not look like Arabic nouns (أيدن،
      // يلدز); the latter only when punctuation or a stop word ends the name right after them
      let lastKnown = s + 1;
      while (e < k && (known(w, e) || (!seenWord(w, w.toks[e].norm) && !w.toks[e].norm.startsWith('ال')))) {
        if (known(w, e)) lastKnown = e + 1;
        e++;
      }
      const endTok = w.toks[e];
      const ends = !endTok || !sameSentence(w, s, e) || isPunct(endTok) || w.res.words.stopWords.has(endTok.norm);
      if (e > lastKnown && !ends) e = lastKnown;
      // one more word when punctuation closes the name right after it (عثمان الطيب المكي،)
      if (k - e === 1 && closed) {
        e = k;
        prio = 0.85;
      }
      k = e;
      ok = k - s >= 2 || taggedPers(w, s) || w.res.names.registryWords.has(stripAl(w.toks[s].norm));
      rule = 'ent.person.after_title';
    } else if (!comma && isPunct(after) && k - s >= 2 && k - s <= 3 && foreignTail(w, s + 1, k)) {
      // "السفير التركي في بغداد فاتح يلدز،": a first word the tagger knows, then words it never saw
      // (a foreign family name), closed by punctuation
      ok = true;
      rule = 'ent.person.after_title';
      prio = 0.7;
    }
    if (!ok) continue;
    // a leading clitic و never starts a name
    const nw = nameWord(w, s);
    const skip = nw && nw.skip > 0 && w.toks[s].norm.startsWith('و') ? nw.skip : 0;
    out.push(personCand(w, s, k, rule, prio === 0.9 ? 0.85 : 0.75, prio, skip));
  }
  return out;
}

/**
 * Names right before an office title: "FIRST LAST TITLE" and "FIRST LAST، TITLE". Going left
 * from the title over up to 4 name words, the name starts at the leftmost known given name or
 * tagger B-PERS.
 */
function namesBeforeTitles(w: Work, titles: Cand[]): Cand[] {
  const out: Cand[] = [];
  for (const t of titles) {
    if (t.type !== 'title' || t.kindDetail !== 'office') continue;
    let k = t.ts - 1;
    const comma = isComma(w.toks[k]);
    if (comma) k--;
    if (isCloseQuote(w.toks[k])) k--;
    const end = k + 1;
    let start = -1;
    for (let n = 0; n < 6 && k >= 0 && sameSentence(w, k, t.ts) && nameish(w, k, n > 0); n++, k--) {
      // every word is known as a name or tagged PERS; the family name right before the title may
      // be new when it has the article or the tagger never saw it (الخليفي)
      const fam = n === 0 && (comma || w.toks[k].norm.startsWith('ال') || !seenWord(w, w.toks[k].norm));
      if (!known(w, k) && !fam) break;
      if (w.res.names.given.has(w.toks[k].norm) || w.ner[k] === 'B-PERS') start = k;
    }
    if (start < 0 || end - start < 2) continue;
    out.push(personCand(w, start, end, 'ent.person.before_title', 0.75, 0.7));
  }
  return out;
}

/** Possessive title words (ونائبه، مستشاره) as title candidates. */
export function possessiveTitles(w: Work): Cand[] {
  const out: Cand[] = [];
  const ROLE: Record<string, string> = { نايب: 'deputy', مساعد: 'assistant', مستشار: 'advisor', مبعوث: 'envoy', ممثل: 'representative', خليفت: 'successor' };
  for (let i = 0; i < w.toks.length; i++) {
    const t = w.toks[i];
    if (!isWord(t) || w.gazAt[i]) continue;
    let norm = t.norm;
    let skip = 0;
    if (!w.res.words.possessiveTitles.has(norm) && norm.startsWith('و') && w.res.words.possessiveTitles.has(norm.slice(1))) {
      norm = norm.slice(1);
      skip = 1;
    }
    if (!w.res.words.possessiveTitles.has(norm)) continue;
    const stem = Object.keys(ROLE).find((k) => norm.startsWith(k));
    out.push({
      start: t.start + skip,
      end: t.end,
      type: 'title',
      norm: '',
      source: 'ent.title.possessive',
      confidence: 0.8,
      ts: i,
      te: i + 1,
      prio: 0.9,
      kindDetail: 'possessive',
      role: `title.${stem ? ROLE[stem] : 'deputy'}`,
    });
  }
  return out;
}

/** Lineage after a name: "ابن/بن/بنت X" (عبدالله الثاني ابن الحسين). */
const NASAB = new Set(['بن', 'ابن', 'بنت']);
function extendNasab(w: Work, c: Cand): Cand {
  let te = c.te;
  while (te + 1 < w.toks.length && te - c.ts < 8 && NASAB.has(w.toks[te].norm) && sameSentence(w, c.ts, te + 1) && nameish(w, te + 1)) te += 2;
  if (te === c.te) return c;
  return { ...c, te, end: w.toks[te - 1].end, source: `${c.source}+ent.person.nasab` };
}

/** All person candidates (overlapping; resolved later by priority). `titles`: title candidates. */
export function personCandidates(w: Work, titles: Cand[]): Cand[] {
  return [...registryPersons(w), ...namesAfterTitles(w, titles), ...namesBeforeTitles(w, titles), ...taggerPersons(w)]
    .filter((c) => !afterPlaceHead(w, c.ts))
    .map((c) => extendNasab(w, c));
}

/** "بمركز عيسى الثقافي", "جامعة محمد الخامس": a name after the head of a named place or body is that place's. */
function afterPlaceHead(w: Work, ts: number): boolean {
  return ts > 0 && sameSentence(w, ts - 1, ts) && NAMED_PLACE_HEADS.has(stripProclitics(w.toks[ts - 1].norm));
}


/** Tagger LOC/ORG/MISC chunks (low priority: the gazetteer wins where it has an answer). */
export function taggerOthers(w: Work): Cand[] {
  const out: Cand[] = [];
  const n = w.toks.length;
  const source = `ner:perceptron@${w.res.ner.info.version}`;
  const TYPES: Record<string, Cand['type']> = { LOC: 'location', ORG: 'organization', MISC: 'misc' };
  let i = 0;
  while (i < n) {
    const tag = w.ner[i];
    const type = tag ? TYPES[tag.slice(2)] : undefined;
    if (!type) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && w.ner[j] === 'I-' + tag.slice(2) && sameSentence(w, i, j)) j++;
    let m = Infinity;
    let ts = i;
    while (ts < j && !isWord(w.toks[ts]) && w.toks[ts].kind !== 'latin') ts++;
    let te = j;
    while (te > ts && isPunct(w.toks[te - 1])) te--;
    for (let k = ts; k < te; k++) m = Math.min(m, w.margin[k]);
    i = j;
    if (ts >= te) continue;
    const first = w.toks[ts].norm;
    const skip = first.startsWith('و') && first.length >= 4 ? 1 : 0;
    const conf = Math.round((1 / (1 + Math.exp(-m / 4))) * 1000) / 1000;
    out.push({ start: w.toks[ts].start + skip, end: w.toks[te - 1].end, type, norm: '', source, confidence: conf, ts, te, prio: 0.2 + 0.2 * conf });
  }
  return out;
}

/** Whether tokens [from, to) are all words the tagger never saw and that carry no article (يلدز). */
function foreignTail(w: Work, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const norm = w.toks[j].norm;
    if (seenWord(w, norm) || norm.startsWith('ال') || norm.startsWith('و')) return false;
  }
  return true;
}
