/**
 * Titles and persons: the phrase a title heads (up to the comma or the name: "مدير إدارة المراسم
 * العامة بوزارة الخارجية ... الليبية") gives its country, organization and institution; then
 * titles are linked to persons in both orders and across commas, quotes and ranks, and persons
 * inherit country/org/host/role from their title.
 */
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
  for (const t of acc) {
    if (!isOffice(t) || t.kindDetail === 'possessive') continue;
    let k = t.te;
    let last = t.te;
    let units = 0;
    let owner: Cand | undefined;
    while (k < w.toks.length && units < MAX_PHRASE_UNITS && sameSentence(w, t.ts, k)) {
      const c = at[k];
      if (c && c.kindDetail === 'qualifier') {
        t.qualifier ??= c.qualifier;
        k = c.te;
        last = k;
        continue;
      }
      if (c && c.kindDetail === 'nisba' && !c.country && c.gazId && w.res.words.summitOrgs.has(c.gazId)) {
        // a group adjective after a title: المفوض الأوروبي → EU
        if (!t.country && !t.org) t.org = w.res.words.summitOrgs.get(c.gazId);
        k = c.te;
        last = k;
        units++;
        continue;
      }
      if (c) {
        if (c.type === 'person' || c.type === 'title' || c.type === 'date' || c.kindDetail === 'metonymy') break;
        const prev = w.toks[k - 1];
        if (prev && (prev.norm === 'لدي' || prev.norm === 'الي') && (c.country || c.org)) {
          // "لدى ليبيا": where the office sits, not whose it is
          if (!t.host && !t.hostOrg) {
            if (c.country) t.host = c.country;
            else t.hostOrg = c.org;
          }
        } else if (!owner && (c.country || c.org)) owner = c;
        k = c.te;
        last = k;
        units++;
        continue;
      }
      const tok = w.toks[k];
      if (!isWord(tok)) break;
      const n = tok.norm;
      if ((n === 'لدي' || n === 'الي') && at[k + 1] && (at[k + 1]!.country || at[k + 1]!.org) && at[k + 1]!.type !== 'person') {
        k++;
        continue;
      }
      const orgAdj = w.res.words.orgAdjectives.get(n);
      if (orgAdj) {
        if (!t.country && !t.org) t.org = orgAdj;
        k++;
        last = k;
        units++;
        continue;
      }
      if (w.res.words.stopWords.has(n) || n.startsWith('و')) break;
      const definite = n.startsWith('ال') || n.startsWith('بال') || n.startsWith('لل') || n.startsWith('كال');
      const construct = n.endsWith('ه') || ((n.startsWith('ب') || n.startsWith('ل')) && n.length >= 4);
      if (!definite && !construct) break;
      k++;
      last = k;
      units++;
    }
    if (last > t.te) t.extent = { start: t.start, end: w.toks[last - 1].end };
    if (owner && !t.country && !t.org) {
      if (owner.org) t.org = owner.org;
      else t.country = owner.country;
      if (owner.host && !t.host) t.host = owner.host;
      if (owner.institution && !t.institution) t.institution = owner.institution;
      t.source += '+ent.title.phrase_owner';
    }
  }
}

function endTok(t: Cand, w: Work): number {
  if (!t.extent) return t.te;
  let k = t.te;
  while (k < w.toks.length && w.toks[k].end <= t.extent.end) k++;
  return k;
}

/**
 * Links titles and persons: TITLE [،] [«] [RANK] PERSON first, then PERSON [»] [،] TITLE for
 * persons still without one. A rank or honorific right before a name is kept as `rankC`.
 */
export function linkTitles(w: Work, acc: Cand[], at: Array<Cand | null>): void {
  const used = new Set<Cand>();
  for (const t of acc) {
    if (t.type !== 'title' || t.kindDetail === 'qualifier') continue;
    let k = endTok(t, w);
    let comma = false;
    let rank: Cand | undefined = isRankLike(t) ? t : undefined;
    for (;;) {
      const tok = w.toks[k];
      if (!tok || !sameSentence(w, t.ts, k)) break;
      const c = at[k];
      if (isComma(tok) && !comma && !isRankLike(t)) {
        comma = true;
        k++;
      } else if (isOpenQuote(tok)) k++;
      else if (c && isRankLike(c) && c !== t) {
        rank = c;
        k = c.te;
      } else break;
    }
    const p = at[k];
    if (!p || p.type !== 'person' || !sameSentence(w, t.ts, k)) continue;
    if (isRankLike(t)) {
      p.rankC ??= t;
      used.add(t);
    } else if (!p.titleC) {
      p.titleC = t;
      if (rank) p.rankC ??= rank;
      used.add(t);
    }
  }
  for (const p of acc) {
    if (p.type !== 'person' || p.titleC) continue;
    let k = p.te;
    if (isCloseQuote(w.toks[k])) k++;
    const comma = isComma(w.toks[k]);
    if (comma) k++;
    const t = at[k];
    if (!t || !isOffice(t) || used.has(t) || !sameSentence(w, p.ts, k)) continue;
    // without a comma the title may be the object of a verb (استقبل المنفي سفير إيطاليا): a known
    // person of another country does not take it
    const known = p.actor ? w.res.registry.actors.get(p.actor) : undefined;
    if (!comma && known?.country && t.country && known.country !== t.country) continue;
    p.titleC = t;
    used.add(t);
  }
}

/** Persons take country, org, host, role and institution from their title (or rank), unless they have them. */
export function inheritFromTitles(acc: Cand[]): void {
  for (const p of acc) {
    if (p.type !== 'person') continue;
    const t = p.titleC;
    const from = t && (t.country || t.org) ? t : p.rankC && p.rankC.country ? p.rankC : t;
    if (from && !p.country && !p.org) {
      if (from.country) p.country = from.country;
      if (from.org) p.org = from.org;
      if (from.country || from.org) p.source += '+ent.person.title_country';
    }
    if (t) {
      if (t.host && !p.host) p.host = t.host;
      if (t.hostOrg && !p.hostOrg) p.hostOrg = t.hostOrg;
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
