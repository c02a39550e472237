/**
 * Titles and persons: the phrase a title heads (up to the comma or the name: "مدير إدارة المراسم
 * العامة بوزارة الخارجية ... الليبية") gives its country, organization and institution; then
 * titles are linked to persons in both orders and across commas, quotes and ranks, and persons
 * inherit country/org/host/role from their title.
 */
import { matchGazetteer } from '../gazetteer/index.ts';
import { roleOverlaps } from '../actors/index.ts';
import { isCloseQuote, isComma, isOpenQuote, isPunct, isWord, sameSentence, type Cand, type Work } from './work.ts';

/** Longest title phrase after the title itself, in units (words or whole mentions). */
const MAX_PHRASE_UNITS = 6;

function isOffice(c: Cand): boolean {
  return c.type === 'title' && (c.kindDetail === 'office' || c.kindDetail === 'possessive');
}
function isRankLike(c: Cand): boolean {
  return c.type === 'title' && (c.kindDetail === 'rank' || c.kindDetail === 'honorific');
}

/** Candidate starting at each token (accepted candidates only). */
export function startIndex(w: Work, acc: Cand[]): Array<Cand | null> {
  const at: Array<Cand | null> = new Array(w.toks.length).fill(null);
  for (const c of acc) at[c.ts] = c;
  return at;
}

/** Sets `extent` of office titles and takes a country/org/institution from inside the phrase. */
export function titlePhrases(w: Work, acc: Cand[], at: Array<Cand | null>): void {
  // the family names of the document's persons ("ودعا الوزير الحضرمي ...": the name, not the phrase)
  const surnames = new Set<string>();
  for (const c of acc) if (c.type === 'person' && c.te - c.ts >= 2) surnames.add(w.toks[c.te - 1].norm);
  for (const t of acc) {
    if (!isOffice(t) || t.kindDetail === 'possessive') continue;
    let k = t.te;
    let last = t.te;
    let units = 0;
    let owner: Cand | undefined;
    let prevDefinite = w.toks[t.te - 1].norm.startsWith('ال') || w.toks[t.te - 1].norm.startsWith('وال');
    while (k < w.toks.length && units < MAX_PHRASE_UNITS && sameSentence(w, t.ts, k)) {
      const c = at[k];
      if (c && c.kindDetail === 'qualifier') {
        t.qualifier ??= c.qualifier;
        k = c.te;
        last = k;
        continue;
      }
      if (c && c.kindDetail === 'nisba' && !c.country && c.gazId && w.res.words.summitOrgs.has(c.gazId)) {
        // a group adjective right after a title or its first noun: المفوض الأوروبي، رئيس الآلية
        // الأفريقية → EU, AU (further on it describes a portfolio: وزير ... والشؤون الإفريقية)
        if (!t.country && !t.org && units <= 1) t.org = w.res.words.summitOrgs.get(c.gazId);
        k = c.te;
        last = k;
        units++;
        continue;
      }
      if (c && !(c.type !== 'person' && c.source.startsWith('ner:'))) {
        // "المبعوث الخاص للرئيس الروسي": the office after ل is whose envoy or adviser this is
        if (c.type === 'title' && isOffice(c) && c.kindDetail !== 'possessive' && w.toks[c.ts].norm.startsWith('لل') && (c.country || c.org)) {
          if (!owner) owner = c;
          prevDefinite = true;
          k = endTok(c, w);
          last = k;
          units++;
          continue;
        }
        if (c.type === 'person' || c.type === 'title' || c.type === 'date' || c.kindDetail === 'metonymy') break;
        // "وطالب الوزير الأمم المتحدة": a definite title is not in construct with a definite name
        if (units === 0 && prevDefinite && w.toks[c.ts].norm.startsWith('ال') && c.kindDetail !== 'nisba') break;
        // "وطالب نائب الرئيس المجتمع الدولي والأمم المتحدة": a coordinated name is not the owner
        if (c.start > w.toks[c.ts].start && w.doc.text[w.toks[c.ts].start] === 'و') break;
        const prev = w.toks[k - 1];
        // "وزير الخارجية في جمهورية العراق": في names a minister's own state, an ambassador's post
        const posted = prev && (prev.norm === 'لدي' || prev.norm === 'الي' || (prev.norm === 'في' && !OWN_STATE_OFFICES.has(t.role ?? '')));
        if (posted && (c.country || c.org)) {
          // "لدى ليبيا": where the office sits, not whose it is
          if (!t.host && !t.hostOrg) {
            if (c.country) t.host = c.country;
            else t.hostOrg = c.org;
          }
        } else if (!owner && (c.country || c.org)) owner = c;
        prevDefinite = w.toks[c.te - 1].norm.startsWith('ال') || w.toks[c.ts].norm.startsWith('ال');
        k = c.te;
        last = k;
        units++;
        continue;
      }
      const tok = w.toks[k];
      if (!isWord(tok)) break;
      const n = tok.norm;
      if (surnames.has(n)) break;
      if ((n === 'لدي' || n === 'الي' || n === 'في') && at[k + 1] && (at[k + 1]!.country || at[k + 1]!.org) && at[k + 1]!.type !== 'person') {
        k++;
        continue;
      }
      const orgAdj = w.res.words.orgAdjectives.get(n);
      if (orgAdj) {
        if (!t.country && !t.org && units <= 1) t.org = orgAdj;
        k++;
        last = k;
        units++;
        continue;
      }
      if (w.res.words.stopWords.has(n) || (n.startsWith('و') && !n.startsWith('وال'))) break;
      const definite = n.startsWith('ال') || n.startsWith('بال') || n.startsWith('لل') || n.startsWith('كال') || n.startsWith('وال');
      const nameLike = w.res.names.all.has(n) || w.ner[k].endsWith('PERS');
      // a bare noun in construct (إدارة) follows an indefinite head (مدير إدارة) or a prepositional
      // one (بديوان وزارة); after a definite word it goes on only before another definite word
      // (الأفريقية رفيعة المستوى), else it starts something else (... الدولي زينة طوقان)
      const prep = (n.startsWith('ب') || n.startsWith('ل')) && n.length >= 4;
      const nextDefinite = !!w.toks[k + 1] && w.toks[k + 1].norm.startsWith('ال') && sameSentence(w, k, k + 1);
      const construct = !nameLike && (prep || (n.endsWith('ه') && (!prevDefinite || nextDefinite)));
      if (!definite && !construct) break;
      // right after a title ending in a definite word only an adjective goes on ("الممثل الخاص"); a
      // definite noun is the verb's object ("وطالب نائب الرئيس المجتمع الدولي")
      if (units === 0 && prevDefinite && n.startsWith('ال') && !adjectiveLike(n)) break;
      prevDefinite = definite;
      k++;
      last = k;
      units++;
    }
    if (last > t.te) t.extent = { start: t.start, end: w.toks[last - 1].end };
    if (t.extent && t.org && t.te - t.ts >= 2) refineOrg(w, t);
    if (!t.country && !t.org && !owner && t.te - t.ts >= 3) peopleInTitle(w, t);
    if (owner && !t.country && !t.org) {
      if (owner.org) t.org = owner.org;
      else t.country = owner.country;
      if (owner.host && !t.host) t.host = owner.host;
      if (owner.institution && !t.institution) t.institution = owner.institution;
      t.source += '+ent.title.phrase_owner';
    }
  }
}

/** Offices that "في + state" gives their own state, not a post abroad. */
const OWN_STATE_OFFICES = new Set(['title.minister', 'title.deputy_minister', 'title.minister_of_state', 'title.prime_minister', 'title.deputy_prime_minister', 'title.president', 'title.vice_president']);

/** Definite adjectives that may follow a definite word in a title phrase. */
const TITLE_ADJECTIVES = new Set(['العام', 'العامه', 'الخاص', 'الخاصه', 'الاعلي', 'الاول', 'الاولي', 'الثاني', 'الثانيه', 'الدائم', 'الدائمه', 'المساعد', 'المساعده', 'المشترك', 'المشتركه', 'المستقل', 'المستقله', 'العليا', 'العظمي', 'الموحد', 'الموحده', 'الانتقالي', 'الكبير', 'الكبري', 'المركزي', 'المركزيه']);

/** A definite word that reads as an adjective: listed, or a nisba (ـي، ـية، ـيين، ـيون). */
function adjectiveLike(n: string): boolean {
  return TITLE_ADJECTIVES.has(n) || /(?:ي|يه|يين|يون|يان|يتين)$/u.test(n);
}

/**
 * A portfolio that names a state's own people gives the title its country: "وزير الشؤون الخارجية
 * والتعاون والموريتانيين في الخارج" is Mauritania's, "... والتونسيين بالخارج" Tunisia's. Only a
 * plural nisba inside the title itself counts, and only when it names one country.
 */
function peopleInTitle(w: Work, t: Cand): void {
  const countries = new Set<string>();
  // word by word: the whole portfolio is itself a gazetteer complement and would hide the nisba
  for (let k = t.ts + 1; k < t.te; k++) {
    for (const m of matchGazetteer(w.doc.text, w.res.gazetteer, w.toks[k].start, w.toks[k].end)) {
      if (m.kind === 'nisba' && m.form === 'pl' && m.country) countries.add(m.country);
    }
  }
  if (countries.size !== 1) return;
  t.country = [...countries][0];
  t.source += '+ent.title.portfolio_people';
}

/**
 * The phrase may name a more precise body of the title's organization than the gazetteer's
 * owner: "رئيسة بعثة الأمم المتحدة" + "للدعم في ليبيا" is the head of UNSMIL, not just of a UN mission.
 */
function refineOrg(w: Work, t: Cand): void {
  const from = w.toks[t.ts + 1].start;
  for (const m of matchGazetteer(w.doc.text, w.res.gazetteer, from, t.extent!.end)) {
    if (m.kind !== 'org' || !m.org || m.org === t.org || m.end <= t.end) continue;
    if (w.res.gazetteer.entities.get(`org:${m.id}`)?.parent !== t.org) continue;
    t.org = m.org;
    if (t.host === undefined && m.host) t.host = m.host;
    t.source += '+ent.title.org_refined';
    return;
  }
}

/**
 * A delegation right before an office title that names no country is the one that official
 * heads ("ترأس الوفد السوداني وزير الطاقة", "وفد تركي برئاسة نائب وزير الخارجية").
 */
export function delegationHeads(w: Work, acc: Cand[], at: Array<Cand | null>): void {
  const endAt: Array<Cand | null> = new Array(w.toks.length + 1).fill(null);
  for (const c of acc) endAt[c.te] = c;
  for (const t of acc) {
    if (!isOffice(t) || t.kindDetail === 'possessive' || t.country || t.org) continue;
    let b = t.ts;
    if (w.toks[b - 1]?.norm === 'برياسه') b--;
    const d = endAt[b];
    if (!d || d.kindDetail !== 'delegation' || !sameSentence(w, d.ts, t.ts)) continue;
    if (d.country) t.country = d.country;
    else if (d.org) t.org = d.org;
    else continue;
    t.source += '+ent.title.delegation_head';
  }
  void at;
}

/** Words opening the remit of a body in an office's name ("بشأن السودان"). */
const ABOUT = new Set(['بشان', 'بشأن', 'حول']);

/** Whether office c belongs to office t's organization or to one of its missions (UNAMI under the UN). */
function sameOrgChain(w: Work, t: Cand, c: Cand): boolean {
  if (!t.org || !c.org || c.country) return false;
  const parent = w.res.gazetteer.entities.get(`org:${c.org}`)?.parent;
  return c.org === t.org || parent === t.org;
}

/**
 * "الوزير الموريتاني", "السفير الإيطالي": a definite office word with its nisba only, a title
 * that names a person of the story by itself; the construct office after it ("كما التقى الوزير
 * الموريتاني رئيس المجلس ... X") is the next noun phrase (the verb's object), not a second office
 * of the same person.
 */
function definiteHeadOnly(w: Work, t: Cand, next: Cand): boolean {
  const end = endTok(t, w);
  if (end - t.ts > 3 || /^ال/u.test(w.toks[next.ts]?.norm ?? 'ال')) return false;
  for (let k = t.ts; k < end; k++) if (!/^و?ال/u.test(w.toks[k].norm)) return false;
  return true;
}

function endTok(t: Cand, w: Work): number {
  if (!t.extent) return t.te;
  let k = t.te;
  while (k < w.toks.length && w.toks[k].end <= t.extent.end) k++;
  return k;
}

/**
 * Links titles and persons. Each office title looks at the person right after it (across «,
 * ranks and honorifics) and the person right before it, with or without a comma between; the
 * pairs are taken best first, each person and each title once:
 *   TITLE PERSON (4) > PERSON TITLE (3) > PERSON، TITLE (2) > TITLE، PERSON (1).
 * So "X TITLE1، والسيد Y TITLE2" gives TITLE1 to X, and "TITLE، X،" gives TITLE to X. A rank or
 * honorific right before a name is kept as `rankC`.
 */
export function linkTitles(w: Work, acc: Cand[], at: Array<Cand | null>): void {
  const endAt: Array<Cand | null> = new Array(w.toks.length + 1).fill(null);
  for (const c of acc) if (c.type === 'person') endAt[c.te] = c;
  const pairs: Array<{ t: Cand; p: Cand; score: number; rank?: Cand; dist: number; chain?: boolean }> = [];
  for (const t of acc) {
    if (t.type !== 'title' || t.kindDetail === 'qualifier') continue;
    // after the title (its phrase)
    let k = endTok(t, w);
    let comma = false;
    let chain = false;
    let rank: Cand | undefined = isRankLike(t) ? t : undefined;
    for (;;) {
      const tok = w.toks[k];
      if (!tok || !sameSentence(w, t.ts, k)) break;
      const c = at[k];
      if (isComma(tok) && !comma && !isRankLike(t)) {
        comma = true;
        k++;
      } else if (isOpenQuote(tok)) k++;
      else if (ABOUT.has(tok.norm) && !comma && (t.org || t.country) && (at[k + 1]?.type === 'country' || at[k + 1]?.type === 'location')) {
        // "رئيس الفريق الأفريقي رفيع المستوى بشأن السودان الدكتور X": the body's remit, then the name
        k = at[k + 1]!.te;
      } else if (tok.norm === 'لدي' && !comma && isOffice(t) && (w.toks[k + 1]?.norm === 'البلاد' || at[k + 1]?.type === 'country' || at[k + 1]?.type === 'location')) {
        // "سفير اليابان لدى البلاد X": the posting, then the name
        k = at[k + 1]?.te ?? k + 2;
      } else if (c && isRankLike(c) && c !== t) {
        rank = c;
        k = c.te;
      } else if (c && isOffice(c) && c !== t && !comma && !chain && isOffice(t) && ((!c.country && !c.org) || sameOrgChain(w, t, c)) && !definiteHeadOnly(w, t, c)) {
        // "رئيس مجلس السيادة القائد العام للقوات المسلحة الفريق أول ركن X": a second office
        // that names no owner (or a mission of the first's organization: "الممثلة الخاصة للأمين
        // العام للأمم المتحدة في العراق رئيسة بعثة يونامي X") continues the first one's chain
        chain = true;
        k = endTok(c, w);
      } else break;
    }
    // before the title
    let b = t.ts;
    if (isCloseQuote(w.toks[b - 1])) b--;
    const bComma = isComma(w.toks[b - 1]);
    if (bComma) b--;
    if (isCloseQuote(w.toks[b - 1])) b--;
    // "X، ووزير الخارجية التونسي، Y": a title after "، و" opens the next item of a list, not X's
    // (so does "X وسفير Y": a title with the conjunction attached)
    const conj = w.doc.text.slice(Math.max(0, t.start - 2), t.start);
    const listItem = /(?:^|\s)و$/u.test(conj) || (bComma && /[،,]و$/u.test(conj));
    const before = isOffice(t) && !listItem ? endAt[b] : null;
    const after = at[k];
    if (after && after.type === 'person' && sameSentence(w, t.ts, k)) {
      if (isRankLike(t)) after.rankC ??= t;
      else {
        // "TITLE، NAME،" closed on both sides is a full apposition, unless a name precedes the
        // title too (a list: "X، TITLE، Y، TITLE2")
        const closed = comma && (isPunct(w.toks[after.te]) || !sameSentence(w, after.ts, after.te));
        const score = chain ? 0.5 : !comma ? 4 : closed && !before ? 3.5 : 1;
        pairs.push({ t, p: after, score, rank, dist: k - t.te, chain });
      }
    }
    if (!isOffice(t)) continue;
    if (before && sameSentence(w, before.ts, t.ts)) {
      // without a comma the title may be the object of a verb (استقبل المنفي سفير إيطاليا): a
      // known person of another country does not take it
      const known = before.actor ? w.res.registry.actors.get(before.actor) : undefined;
      // "وسلم مسجدي رئيس الجمهورية دعوة": a family name alone, then an office naming no owner
      // that the sentence goes on after, is the verb's subject and its object
      const objectAfterSurname = !bComma && before.te - before.ts === 1 && !t.country && !t.org && !!w.toks[endTok(t, w)] && isWord(w.toks[endTok(t, w)]);
      // (nor an international organization's office while he holds a national one: "استقبل السيد
      // مساهل الممثل الخاص للأمين العام X" in 2017; a former minister may be a UN envoy)
      const published = w.doc.meta.published?.slice(0, 10);
      const national = !!published && (known?.roles ?? []).some((r) => r.country && roleOverlaps(r, published) === 'certain');
      if (!objectAfterSurname && (bComma || !(known?.country && ((t.country && known.country !== t.country) || (t.org && !t.country && national))))) {
        pairs.push({ t, p: before, score: bComma ? 2 : 3, dist: t.ts - before.te });
      }
    }
  }
  pairs.sort((x, y) => y.score - x.score || x.dist - y.dist || x.t.start - y.t.start);
  const usedT = new Set<Cand>();
  for (const { t, p, rank, chain, score } of pairs) {
    if (usedT.has(t)) continue;
    if (chain && p.titleC) {
      p.chainC ??= t;
      usedT.add(t);
      continue;
    }
    if (p.titleC) {
      // "السفير X سفيرا لجمهورية كينيا لدى السودان": the same office again, naming whose it is
      // (right after the name, with no comma: "X، ووزير الخارجية التونسي" is the next person's)
      if (score === 3 && !p.chainC && !p.titleC.country && !p.titleC.org && (t.country || t.org) && t.role === p.titleC.role && t.start > p.end) {
        p.chainC = t;
        usedT.add(t);
      }
      continue;
    }
    p.titleC = t;
    if (rank) p.rankC ??= rank;
    usedT.add(t);
  }
}

/** Persons take country, org, host, role and institution from their title (or rank), unless they have them. */
export function inheritFromTitles(acc: Cand[]): void {
  for (const p of acc) {
    if (p.type !== 'person') continue;
    const t = p.titleC;
    const c = p.chainC;
    const from = t && (t.country || t.org) ? t : c && (c.country || c.org) ? c : p.rankC && p.rankC.country ? p.rankC : t;
    if (from && !p.country && !p.org) {
      if (from.country) p.country = from.country;
      if (from.org) p.org = from.org;
      if (from.country || from.org) p.source += '+ent.person.title_country';
    }
    if (t) {
      const hosting = t.host || t.hostOrg || !c ? t : c;
      if (hosting.host && !p.host) p.host = hosting.host;
      if (hosting.hostOrg && !p.hostOrg) p.hostOrg = hosting.hostOrg;
      if (t.role && !p.role) p.role = t.role;
      if (t.institution && !p.institution) p.institution = t.institution;
      if (t.qualifier && !p.qualifier) p.qualifier = t.qualifier;
    }
  }
}

/** A possessive title (ونائبه) belongs to the country/org of the person named just before it. */
export function possessiveOwners(w: Work, acc: Cand[]): void {
  for (let i = 0; i < acc.length; i++) {
    const t = acc[i];
    if (t.kindDetail !== 'possessive' || t.country || t.org) continue;
    for (let j = i - 1; j >= 0; j--) {
      const p = acc[j];
      if (!sameSentence(w, p.ts, t.ts)) break;
      if (p.type === 'person' && (p.country || p.org)) {
        if (p.country) t.country = p.country;
        if (p.org) t.org = p.org;
        t.source += '+ent.title.possessive_owner';
        break;
      }
    }
  }
  void isPunct;
}
