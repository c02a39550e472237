/**
 * Gazetteer hits → mention candidates: countries, nisbas (country, kindDetail nisba), capitals
 * (a place after a preposition, the state as the subject of a verb), places, IGOs,
 * institutions (with country and host), titles/ranks/honorifics (type title). Adjacent
 * qualifiers and nisbas are folded into the title before them ("وزير الخارجية المكلف",
 * "رئيس المجلس الرئاسي" + "الليبي").
 */
import type { GazetteerMatch } from '../gazetteer/index.ts';
import type { MentionType } from '../doc.ts';
import { isWord, tokenAt, type Cand, type Work } from './work.ts';

const TITLE_KINDS = new Set(['title', 'rank', 'qualifier', 'honorific']);
/** Words that make the next word part of a compound name (عبد الملك). */
const NAME_HEADS = new Set(['عبد', 'ابو', 'ابي', 'بو']);

/** Confidence of a gazetteer hit: exact multi-word names highest, ambiguous single words lower. */
function gazConfidence(m: GazetteerMatch, tokens: number): number {
  let c = tokens >= 2 ? 0.97 : 0.92;
  if (m.ambiguous) c -= 0.15;
  return c;
}

function typeOf(m: GazetteerMatch): MentionType {
  switch (m.kind) {
    case 'country':
    case 'nisba':
      return m.country ? 'country' : 'misc';
    case 'capital_metonymy':
    case 'place':
      return 'location';
    case 'org':
    case 'institution':
      return 'organization';
    default:
      return 'title';
  }
}

/** Verb-like neighbours that make a capital the state acting ("رحبت واشنطن", "موسكو تؤكد"). */
function looksLikeVerbBefore(norm: string): boolean {
  // feminine past verbs: أكدت، رحبت، دعت، أعلنت (not plurals in ات, not words with ال)
  return norm.length >= 3 && norm.endsWith('ت') && !norm.endsWith('ات') && !norm.startsWith('ال');
}
function looksLikeVerbAfter(norm: string): boolean {
  // imperfect verbs: تؤكد، ترفض، تعتزم (not definite nouns, not nouns in ة)
  return norm.length >= 4 && norm.startsWith('ت') && !norm.endsWith('ه') && !norm.endsWith('ات');
}

function capitalAsState(w: Work, m: GazetteerMatch, ts: number, te: number): boolean {
  const t = w.toks[ts];
  if (m.start > t.start) return false; // a preposition clitic (بواشنطن، لموسكو)
  const prev = w.toks[ts - 1];
  if (prev && isWord(prev) && w.res.words.placePrepositions.has(prev.norm)) return false;
  const next = w.toks[te];
  if (prev && isWord(prev) && looksLikeVerbBefore(prev.norm) && w.sentOf[ts - 1] === w.sentOf[ts]) return true;
  return !!next && isWord(next) && looksLikeVerbAfter(next.norm) && w.sentOf[te] === w.sentOf[ts];
}

/** Mention candidates from one gazetteer pass over the document's tokens (matchGazetteerTokens). */
export function gazetteerCandidates(w: Work, matches: GazetteerMatch[]): Cand[] {
  const { toks } = w;
  const out: Cand[] = [];
  for (const m of matches) {
    const ts = tokenAt(toks, m.start);
    const te = tokenAt(toks, m.end - 1) + 1;
    // عبد الملك، أبو الأمير: a title word after عبد/أبو is part of a name
    if (TITLE_KINDS.has(m.kind) && te - ts === 1 && ts > 0 && NAME_HEADS.has(toks[ts - 1].norm)) continue;
    const c: Cand = {
      start: m.start,
      end: m.end,
      type: typeOf(m),
      norm: '',
      source: `gaz:${m.rule}`,
      confidence: gazConfidence(m, te - ts),
      ts,
      te,
      prio: te - ts >= 2 ? 0.95 : 0.85,
    };
    c.gazId = m.id;
    if (m.country) c.country = m.country;
    if (m.org) c.org = m.org;
    if (m.host) c.host = m.host;
    if (m.hostOrg) c.hostOrg = m.hostOrg;
    switch (m.kind) {
      case 'nisba':
        c.kindDetail = 'nisba';
        c.prio = 0.4; // a person's family name may look like a nisba (الطرابلسي)
        break;
      case 'capital_metonymy':
        if (capitalAsState(w, m, ts, te)) {
          c.type = 'country';
          c.kindDetail = 'metonymy';
        } else c.kindDetail = 'capital';
        break;
      case 'org':
        c.kindDetail = 'igo';
        break;
      case 'institution':
        c.kindDetail = w.res.gazetteer.entities.get(`institution:${m.id}`)?.type ?? m.id.replace(/^inst\./, '');
        c.institution = m.id;
        break;
      case 'title':
        c.role = m.id;
        c.kindDetail = 'office';
        if (m.owner?.startsWith('institution:')) c.institution = m.owner.slice('institution:'.length);
        break;
      case 'rank':
        c.role = m.id;
        c.kindDetail = 'rank';
        break;
      case 'honorific':
        c.role = m.id;
        c.kindDetail = 'honorific';
        break;
      case 'qualifier':
        c.role = m.id;
        c.kindDetail = 'qualifier';
        c.qualifier = m.id.replace(/^qual\./, '');
        break;
      default:
        break;
    }
    if (TITLE_KINDS.has(m.kind)) c.prio = Math.max(c.prio, 0.9);
    out.push(c);
  }
  return foldIntoTitles(w, out);
}

/** Next candidate in text order starting right at token `tok` (same sentence). */
function startingAt(cands: Cand[], k: number, tok: number): Cand | undefined {
  const c = cands[k];
  return c && c.ts === tok ? c : undefined;
}

/**
 * Qualifiers right after an office title join it (وزير الخارجية المكلف); a qualifier right
 * before an institution reads as its acting head (المكلف بتسيير شؤون وزارة الخارجية); a singular
 * nisba right after an office title gives its country (رئيس المجلس الرئاسي + الليبي).
 */
function foldIntoTitles(w: Work, cands: Cand[]): Cand[] {
  const out: Cand[] = [];
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    if (c.kindDetail === 'qualifier') {
      const inst = startingAt(cands, k + 1, c.te);
      if (inst && inst.type === 'organization' && inst.kindDetail !== 'igo' && w.sentOf[inst.ts] === w.sentOf[c.ts]) {
        const t: Cand = {
          ...inst,
          start: c.start,
          type: 'title',
          kindDetail: 'office',
          role: inst.kindDetail === 'ministry' ? 'title.minister' : 'title.head',
          qualifier: c.qualifier,
          institution: inst.institution,
          source: `${c.source}+${inst.source}+ent.title.acting_head`,
          ts: c.ts,
          prio: 0.95,
        };
        out.push(t);
        k++;
        continue;
      }
    }
    if (c.type === 'title' && c.kindDetail === 'office') {
      let cur = c;
      for (;;) {
        const n = startingAt(cands, k + 1, cur.te);
        if (!n || w.sentOf[n.ts] !== w.sentOf[cur.ts]) break;
        if (n.kindDetail === 'qualifier' && !cur.qualifier) {
          cur = { ...cur, end: n.end, te: n.te, qualifier: n.qualifier, source: `${cur.source}+ent.title.qualifier` };
        } else if (n.kindDetail === 'nisba' && n.country && !cur.country && !cur.org) {
          cur = { ...cur, end: n.end, te: n.te, country: n.country, source: `${cur.source}+ent.title.nisba` };
        } else break;
        k++;
      }
      out.push(cur);
      continue;
    }
    out.push(c);
  }
  return out;
}
