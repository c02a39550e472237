/**
 * Organization rules for names the gazetteer does not list: an organization head noun followed
 * by its complement with a country nisba (الهيئة الليبية للإغاثة والمساعدات الإنسانية → LBY), and
 * summits of regional organizations (القمة العربية → ARAB_LEAGUE).
 */
import { isWord, sameSentence, type Cand, type Work } from './work.ts';

const MAX_UNITS = 7;

function headWord(w: Work, i: number, set: Set<string>): number {
  const t = w.toks[i];
  if (!isWord(t)) return -1;
  const n = t.norm;
  if (set.has(n)) return 0;
  if (n.startsWith('لل') && set.has('ال' + n.slice(2))) return 1;
  if ((n[0] === 'و' || n[0] === 'ب' || n[0] === 'ل') && set.has(n.slice(1))) return 1;
  return -1;
}

/** "بالعاصمة", "بمدينة", "في منطقة" words (normalized) that open a place phrase. */
const IN_PLACE = /^(?:بال|ب)(?:عاصمه|مدينه|منطقه|محافظه|ولايه)$/u;

export function orgCandidates(w: Work): Cand[] {
  const out: Cand[] = [];
  const n = w.toks.length;
  const words = w.res.words;
  for (let i = 0; i < n; i++) {
    if (w.gazAt[i]) continue;
    // القمة العربية
    const sk = headWord(w, i, words.summitHeads);
    if (sk >= 0) {
      const nis = w.gazAt[i + 1];
      const code = nis && nis.ts === i + 1 && nis.kindDetail === 'nisba' && nis.gazId ? words.summitOrgs.get(nis.gazId) : undefined;
      if (code && sameSentence(w, i, i + 1)) {
        out.push({ start: w.toks[i].start + sk, end: nis!.end, type: 'organization', norm: '', source: 'ent.org.summit', confidence: 0.8, ts: i, te: nis!.te, prio: 0.95, org: code, kindDetail: 'summit' });
        continue;
      }
    }
    const hk = headWord(w, i, words.orgHeads);
    if (hk < 0) continue;
    let k = i + 1;
    let last = i + 1;
    let units = 0;
    let country: string | undefined;
    while (k < n && units < MAX_UNITS && sameSentence(w, i, k)) {
      const g = w.gazAt[k];
      if (g) {
        if (g.ts !== k || g.kindDetail !== 'nisba') break;
        if (!country && g.country) country = g.country;
        k = g.te;
        last = k;
        units++;
        continue;
      }
      const t = w.toks[k];
      if (!isWord(t) || words.stopWords.has(t.norm)) break;
      const nn = t.norm;
      // "المفوضية بالعاصمة الإثيوبية": a place phrase after the name, not part of it
      if (IN_PLACE.test(nn)) break;
      const ok = nn.startsWith('ال') || nn.startsWith('لل') || nn.startsWith('بال') || nn.startsWith('وال') || ((nn[0] === 'ب' || nn[0] === 'ل') && nn.length >= 4 && units > 0);
      if (!ok) break;
      k++;
      last = k;
      units++;
    }
    if (!country || units < 1) continue;
    out.push({ start: w.toks[i].start + hk, end: w.toks[last - 1].end, type: 'organization', norm: '', source: 'ent.org.nisba_phrase', confidence: 0.75, ts: i, te: last, prio: 0.88, country, kindDetail: 'institution' });
    i = last - 1;
  }
  return out;
}
