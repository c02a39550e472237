/**
 * Actor resolution per story with the registry's MentionResolver: full names introduce persons
 * (registry or discovered), family names and titles alone resolve to persons introduced
 * earlier in the story (or to the registry's office holder on the story's date).
 */
import { normalizeArabic } from '../../text/normalize.ts';
import { MentionResolver, nameTokens, type Actor } from '../actors/index.ts';
import { matchGazetteer } from '../gazetteer/index.ts';
import type { Cand, Work } from './work.ts';

export interface StoryInfo {
  date?: string;
  /** Home country: the dateline's state agency's country, else its place's country, else the country the story names most. */
  country?: string;
  /** The home country comes from a dateline (the story's, or the last one before it). */
  homeFromDateline?: boolean;
}

/** Date and home country of each story (index → info). */
export function storyInfo(w: Work, acc: Cand[]): Map<number, StoryInfo> {
  const out = new Map<number, StoryInfo>();
  const published = w.doc.meta.published ? w.doc.meta.published.slice(0, 10) : undefined;
  const counts = new Map<number, Map<string, number>>();
  for (const c of acc) {
    const s = w.storyOf[c.ts];
    // (a body several states have, "مجلس النواب", takes its state from the story: it does not count)
    const code = c.type === 'person' || c.type === 'title' || isSharedBody(w, c) ? undefined : c.country ?? c.host;
    if (!code || s < 0) continue;
    let m = counts.get(s);
    if (!m) counts.set(s, (m = new Map()));
    m.set(code, (m.get(code) ?? 0) + 1);
  }
  const stories = w.doc.stories.length > 0 ? w.doc.stories : [{ index: 0, dateline: undefined }];
  // a story without a dateline ("وفي سياق آخر، ...") is the same outlet's: its last dateline's country and date
  let lastPlaceCountry: string | undefined;
  let lastDate: string | undefined;
  for (const st of stories) {
    const info: StoryInfo = {};
    const dl = st.dateline;
    info.date = dl?.date ?? published ?? (dl ? undefined : lastDate);
    if (dl?.agencyCountry) {
      // a state agency reports its own state's offices, wherever it files from
      info.country = dl.agencyCountry;
      lastPlaceCountry = info.country;
    } else if (dl?.place) {
      // a dateline names a city: عمان is Amman there, not Oman
      const hits = matchGazetteer(dl.place, w.res.gazetteer);
      const places = hits.flatMap((m) => [m, ...(m.alternatives ?? [])]).filter((m) => (m.kind === 'capital_metonymy' || m.kind === 'place') && m.country);
      const hit = places[0] ?? hits.find((m) => m.country);
      if (hit) info.country = hit.country;
      lastPlaceCountry = info.country;
    } else if (!dl) info.country = lastPlaceCountry;
    info.homeFromDateline = Boolean(info.country);
    if (dl?.date) lastDate = dl.date;
    if (!info.country) {
      let best = 0;
      for (const [code, n] of counts.get(st.index) ?? []) {
        if (n > best) {
          best = n;
          info.country = code;
        }
      }
    }
    out.set(st.index, info);
  }
  return out;
}

/** Bare names of bodies several states have ("مجلس النواب", "المجلس الرئاسي", "البرلمان"), normalized. */
const SHARED_BODIES = new Set(['مجلس النواب', 'المجلس الرياسي', 'مجلس الدوله', 'البرلمان', 'مجلس الشيوخ', 'مجلس الشوري', 'مجلس الامه']);

/** The state the document's country, place and organization mentions name most often ('' when none). */
function mostNamedState(w: Work, acc: Cand[]): string {
  const n = new Map<string, number>();
  for (const c of acc) {
    if (c.type === 'person' || c.type === 'title' || !c.country || isSharedBody(w, c)) continue;
    n.set(c.country, (n.get(c.country) ?? 0) + 1);
  }
  let best = '';
  for (const [code, k] of n) if (k > (n.get(best) ?? 0)) best = code;
  return best;
}

/** An organization named by a shared body's bare name, or whose owner is one ("الخارجية في مجلس النواب"). */
function isSharedBody(w: Work, c: Cand): boolean {
  if (c.type !== 'organization') return false;
  const norm = normalizeArabic(w.doc.text.slice(c.start, c.end));
  if (SHARED_BODIES.has(norm)) return true;
  const k = norm.lastIndexOf(' في ');
  return k >= 0 && SHARED_BODIES.has(norm.slice(k + 4));
}

/**
 * A body named bare ("لجنة العلاقات الخارجية في مجلس النواب") is the story's state's when the
 * story's state is known and is not the one the gazetteer gives the name by default (Libya's House
 * of Representatives): rule ent.org.home_body.
 */
export function homeBodies(w: Work, acc: Cand[], info: Map<number, StoryInfo>): void {
  let docState: string | undefined;
  for (const c of acc) {
    if (!c.country || !isSharedBody(w, c)) continue;
    // the story's state, else the state the document names most
    docState ??= mostNamedState(w, acc);
    const home = info.get(Math.max(0, w.storyOf[c.ts]))?.country ?? docState;
    if (!home || home === c.country) continue;
    c.country = home;
    delete c.institution;
    c.source += '+ent.org.home_body';
  }
}

/** Bare national offices that, without an owner, are the home country's ("رئيس الجمهورية", "الوزير"). */
const HOME_OFFICES = /^(?:ال)?(?:رئيس الجمهورية|رئيس الدولة|رئيس الوزراء|رئيس الحكومة|رئيس مجلس الوزراء|الوزير|وزير الخارجية|وزيرة الخارجية|الوزيرة|ولي العهد|نائب الأمير|الملك|الأمير|السلطان|أمير البلاد|ملك البلاد|رئيس البلاد)$/u;

/** "السيد الرئيس", "فخامة الرئيس": the bare office with a form of address is the home president. */
const ADDRESSED_BEFORE = /(?:^|\s)[وف]?(?:السيد|السيدة|فخامة|سيادة)\s+$/u;

function honouredPresident(w: Work, c: Cand): boolean {
  return /^(?:ال)?(?:رئيس|رئيسة)$/u.test(w.doc.text.slice(c.start, c.end)) && ADDRESSED_BEFORE.test(w.doc.text.slice(Math.max(0, c.start - 8), c.start));
}

function titleText(w: Work, t: Cand | undefined): string | undefined {
  if (!t || t.kindDetail === 'possessive') return undefined;
  const span = t.extent ?? t;
  return w.doc.text.slice(span.start, span.end);
}

function countryOf(a: Actor | undefined): string | undefined {
  return a && typeof a.country === 'string' ? a.country : undefined;
}

/**
 * Sets `actor` on persons (and on title-only mentions that name an office holder), and fills a
 * person's missing country from the registry actor, or from the story's home country when the
 * person holds an office title that names no country.
 */
export function resolveActors(w: Work, acc: Cand[], info: Map<number, StoryInfo>): void {
  const resolvers = new Map<number, MentionResolver>();
  const resolverFor = (s: number) => {
    let r = resolvers.get(s);
    if (!r) {
      const i = info.get(s) ?? {};
      r = new MentionResolver(w.res.registry, { date: i.date, country: i.country, source: w.doc.id });
      resolvers.set(s, r);
    }
    return r;
  };
  const linked = new Set<Cand>();
  /** First mention of each actor that carries a title or a country/org: later mentions of him share them. */
  const firstOf = new Map<string, Cand>();
  for (const c of acc) {
    if (c.titleC) linked.add(c.titleC);
    if (c.chainC) linked.add(c.chainC);
  }
  for (const c of acc) {
    const story = Math.max(0, w.storyOf[c.ts]);
    const r = resolverFor(story);
    const surface = c.lookup ?? w.doc.text.slice(c.start, c.end);
    if (c.type === 'person') {
      // the first office of a chain is the person's office ("وزير الخارجية السفير X": the minister)
      const title = titleText(w, c.chainC ?? c.titleC);
      const home = info.get(story)?.country;
      let fromHome = false;
      if (!c.country && !c.org && c.titleC && c.titleC.kindDetail === 'office' && home) {
        c.country = home;
        fromHome = true;
      }
      const res = nameTokens(surface).length >= 2 || c.actor
        ? r.person(surface, { title, country: c.country ?? null })
        : r.person(surface);
      if (res.actor) {
        c.actor = res.actor.id;
        const ac = countryOf(res.actor);
        if (ac && (!c.country || fromHome) && !c.org && !(fromHome && res.actor.discovered)) {
          c.country = ac;
          c.source += '+ent.person.actor_country';
          fromHome = false;
        }
      }
      if (fromHome) c.source += '+ent.person.story_country';
      // the first office of a title chain stands for the same person
      if (c.chainC && c.actor) c.chainC.actor = c.actor;
      if (c.actor) {
        const first = firstOf.get(c.actor);
        if (first && first !== c) {
          if (!c.titleC && first.titleC) {
            c.titleC = first.titleC;
            for (const k of ['role', 'host', 'hostOrg', 'institution', 'qualifier'] as const) if (first[k] && !c[k]) c[k] = first[k];
          }
          if (!c.country && !c.org && (first.country || first.org)) {
            if (first.country) c.country = first.country;
            if (first.org) c.org = first.org;
            c.source += '+ent.person.coref';
          } else if (c.source.includes('+ent.person.actor_country') && first.org && !first.country) {
            // an organization's envoy keeps the organization, not his nationality
            delete c.country;
            c.org = first.org;
            c.source = c.source.replace('+ent.person.actor_country', '+ent.person.coref');
          }
        } else if (!first && (c.titleC || c.country || c.org)) firstOf.set(c.actor, c);
        // (the first mention with his office is what his later titles stand for: "يوسف" in the
        // headline, then "رئيس مفوضية الاتحاد الأفريقي محمود علي يوسف")
        if (first && first !== c && !first.titleC && c.titleC) firstOf.set(c.actor, c);
      }
    } else if (c.type === 'title' && c.kindDetail === 'office' && !linked.has(c)) {
      const text = titleText(w, c) ?? surface;
      // "السيد الوزير", "رئيس الجمهورية" with no owner: the office of the outlet's country
      const home = info.get(story);
      if (!c.country && !c.org && !c.host && home?.homeFromDateline && (HOME_OFFICES.test(w.doc.text.slice(c.start, c.end)) || honouredPresident(w, c))) {
        c.country = home.country;
        c.source += '+ent.title.home_country';
      }
      // a one-word office ("السيد الوزير") is first a person of the story; with no owner, only that
      const oneWord = nameTokens(text).length < 2;
      const short = oneWord && !c.country;
      // without a date only a person introduced in the story can answer
      if ((short || !info.get(story)?.date) && r.actors.length === 0) continue;
      const country = c.country ? { country: c.country } : {};
      let res = r.title(text, { ...country, storyOnly: oneWord });
      if (!res.actor && oneWord && !short) res = r.title(text, country);
      // the registry's office holder only when the story's date says who held it then, and the
      // title names whose office it is ("المبعوث الخاص" alone could be anyone's envoy)
      const owned = Boolean(c.country || c.org || c.institution);
      if (res.actor && (res.via === 'story-title' || (info.get(story)?.date && owned))) {
        c.actor = res.actor.id;
        // the title stands for that person: it carries his country or organization
        const first = firstOf.get(res.actor.id);
        if (!c.country && !c.org) {
          if (first?.org) c.org = first.org;
          else if (first?.country) c.country = first.country;
          else if (countryOf(res.actor)) c.country = countryOf(res.actor);
          if (c.country || c.org) c.source += '+ent.title.holder';
        }
      }
    }
  }
}

/**
 * "الرئيس السريلانكي المنتخب" in the headline, "فخامة الرئيس X" in the body: a discovered person
 * whose office named no country, and who took the story's home country for want of one, holds
 * the office of the one other country that a title-only mention of the same office in the story
 * names (rule ent.person.story_title_country).
 */
export function countryFromStoryTitles(w: Work, acc: Cand[]): void {
  const linked = new Set<Cand>();
  for (const c of acc) {
    if (c.titleC) linked.add(c.titleC);
    if (c.chainC) linked.add(c.chainC);
  }
  for (const p of acc) {
    if (p.type !== 'person' || !p.role || !p.country || !p.source.endsWith('+ent.person.story_country')) continue;
    if (!p.actor?.startsWith('per:disc-')) continue;
    const story = w.storyOf[p.ts];
    const others = new Set<string>();
    for (const t of acc) {
      if (t.type !== 'title' || linked.has(t) || t.role !== p.role || !t.country || t.country === p.country) continue;
      // only a country the title names itself (الرئيس السريلانكي), not one read further on
      if (t.source.includes('phrase_owner') || t.source.includes('home_country')) continue;
      if (w.storyOf[t.ts] === story) others.add(t.country);
    }
    if (others.size !== 1) continue;
    const country = [...others][0];
    // "الوزير البريطاني" in the headline is the British minister the body names, not this one
    if (acc.some((o) => o !== p && o.type === 'person' && o.country === country && w.storyOf[o.ts] === story)) continue;
    p.country = country;
    p.source += '+ent.person.story_title_country';
  }
}

/**
 * A family name alone in a later story of the document ("وفي سياق آخر، تسلم السيد بوريطة ...") or
 * in the headline of the story that names him in full is the one person of the document who bears it: it takes his actor, country or organization. Two
 * persons with that family name (the Haftars) leave it unresolved.
 */
export function linkSurnamesAcrossStories(w: Work, acc: Cand[]): void {
  const bySurname = new Map<string, Cand | null>();
  for (const c of acc) {
    if (c.type !== 'person' || !c.actor) continue;
    const toks = nameTokens(c.lookup ?? w.doc.text.slice(c.start, c.end));
    if (toks.length < 2) continue;
    const key = toks[toks.length - 1];
    const seen = bySurname.get(key);
    bySurname.set(key, seen === undefined || seen?.actor === c.actor ? c : null);
  }
  for (const c of acc) {
    if (c.type !== 'person' || c.actor) continue;
    const toks = nameTokens(c.lookup ?? w.doc.text.slice(c.start, c.end));
    if (toks.length !== 1) continue;
    const holder = bySurname.get(toks[0]);
    // a headline names by family name the person its story names in full further on
    const inHeadline = w.doc.stories.some((s) => s.headline && c.start >= s.headline.start && c.end <= s.headline.end && holder && holder.start >= s.headline.end && holder.start < s.end);
    if (!holder || (holder.start > c.start && !inHeadline)) continue;
    c.actor = holder.actor;
    if (!c.country && !c.org) {
      if (holder.country) c.country = holder.country;
      if (holder.org) c.org = holder.org;
    }
    c.source += '+ent.person.document_surname';
  }
}
