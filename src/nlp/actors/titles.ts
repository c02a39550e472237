/**
 * Reading Arabic office titles for findByRole and the story resolver.
 *
 * A title such as "وزير الخارجية التركي" or "رئيس جمهورية العراق" is parsed into a core
 * (the office words, feminine forms folded to masculine), the country it names (adjective or
 * name), a qualifier (المكلف → acting, السابق → former) and the institutions it mentions.
 * Role offices go through the same parsing, so the two sides compare word for word.
 */
import { normalizeArabic } from '../../text/normalize.ts';
import { words } from './names.ts';
import { getActor, type ActorRegistry } from './registry.ts';
import type { Actor, Role } from './schema.ts';

export interface ParsedTitle {
  /** Office words after folding and removing country phrases, honorifics and qualifiers. */
  core: string[];
  /** ISO3 code of a country the title names as its own (التركي, العراق in رئيس جمهورية العراق). */
  country?: string;
  qualifier?: 'acting' | 'former';
  /** Institutions named in the title (actor ids, longest matches first). */
  institutions: string[];
}

/** Feminine title words folded to masculine so رئيسة الوزراء meets رئيس الوزراء. */
const FEMININE: Record<string, string> = normalizeKeys({
  وزيره: 'وزير', الوزيره: 'الوزير', رئيسه: 'رئيس', الرئيسه: 'الرئيس', مديره: 'مدير', المديره: 'المدير',
  نائبه: 'نائب', الامينه: 'الامين', امينه: 'امين', سفيره: 'سفير', السفيره: 'السفير', المبعوثه: 'المبعوث',
  مبعوثه: 'مبعوث', الممثله: 'الممثل', ممثله: 'ممثل', المستشاره: 'المستشار', مستشاره: 'مستشار',
  المفوضه: 'المفوض', مفوضه: 'مفوض', الناطقه: 'الناطق', المتحدثه: 'المتحدث', المكلفه: 'المكلف',
  العليا: 'الاعلي', الخاصه: 'الخاص', التنفيذيه: 'التنفيذي', الامميه: 'الاممي',
});
/** العامة after a folded person title (المديرة العامة → المدير العام). */
const GENERAL_AFTER = normalizedSet(['المدير', 'الامين', 'مدير', 'امين', 'المفوض', 'المنسق']);
const HONORIFICS = normalizedSet(['السيد', 'السيده', 'معالي', 'فخامه', 'سعاده', 'سمو', 'الدكتور', 'الدكتوره', 'د', 'المهندس', 'الفريق', 'اول', 'ركن', 'الركن', 'اللواء', 'العميد', 'العقيد', 'المشير', 'الشيخ', 'الجنرال']);
const PREPOSITIONS = normalizedSet(['لدي', 'في', 'الي', 'مع', 'من', 'عن', 'بين', 'ضد']);
const ACTING = normalizedSet(['المكلف', 'بالانابه', 'بالوكاله', 'المؤقت']);
const FORMER = normalizedSet(['السابق', 'الاسبق']);
/** First word of a state phrase that stands for "the republic/the state" in the office. */
const STATE_HEADS: Record<string, string> = normalizeKeys({ جمهوريه: 'الجمهوريه', الجمهوريه: 'الجمهوريه', دوله: 'الدوله' });

/** Constants are written readably and compared in normalized form. */
function normalizedSet(ws: string[]): Set<string> {
  return new Set(ws.map(normalizeArabic));
}
function normalizeKeys(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [normalizeArabic(k), normalizeArabic(v)]));
}


function fold(ws: string[]): string[] {
  const out: string[] = [];
  for (const w of ws) {
    const f = FEMININE[w] ?? w;
    out.push(f === 'العامه' && out.length > 0 && GENERAL_AFTER.has(out[out.length - 1]) ? 'العام' : f);
  }
  return out;
}

function withAl(w: string): string {
  return w.startsWith('ال') ? w : 'ال' + w;
}

/** Parsed titles by registry and text (the registry does not change while it is in use). */
const parsedCache = new WeakMap<ActorRegistry, Map<string, ParsedTitle>>();
/** Most titles kept per registry before the memo is emptied. */
const PARSED_CACHE_LIMIT = 50_000;

/**
 * Parses a title (an office as written in a role, or as met in the news). The result is shared
 * by every caller with the same registry and title: read it, never change it.
 */
export function parseTitle(reg: ActorRegistry, title: string): ParsedTitle {
  let memo = parsedCache.get(reg);
  if (!memo) parsedCache.set(reg, (memo = new Map()));
  let parsed = memo.get(title);
  if (!parsed) {
    if (memo.size >= PARSED_CACHE_LIMIT) memo.clear();
    parsed = parseTitleOnce(reg, title);
    Object.freeze(parsed.core);
    Object.freeze(parsed.institutions);
    memo.set(title, Object.freeze(parsed));
  }
  return parsed;
}

function parseTitleOnce(reg: ActorRegistry, title: string): ParsedTitle {
  const all = fold(words(title));
  const institutions = institutionHints(reg, all);
  let ws = all.slice();
  while (ws.length > 1 && HONORIFICS.has(ws[0])) ws = ws.slice(1);
  let qualifier: ParsedTitle['qualifier'];
  // المكلف بتسيير (شؤون|أعمال) وزارة X → وزير X, acting
  if (ws[0] === 'المكلف' && ws[1] === 'بتسيير') {
    let k = 2;
    if (ws[k] === 'شوون' || ws[k] === 'اعمال') k++;
    if (ws[k] === 'وزاره') {
      ws = ['وزير', ...ws.slice(k + 1)];
      qualifier = 'acting';
    }
  }
  const core: string[] = [];
  let country: string | undefined;
  for (let i = 0; i < ws.length; ) {
    const w = ws[i];
    const prev = core[core.length - 1];
    const term = prev !== undefined && PREPOSITIONS.has(prev) ? undefined : stateTermAt(reg, ws, i);
    if (term && core.length > 0) {
      country ??= term.code;
      const head = STATE_HEADS[ws[i]];
      if (head) core.push(head);
      else if (term.type === 'name' && !core[core.length - 1].startsWith('ال')) core[core.length - 1] = withAl(core[core.length - 1]);
      i += term.length;
      continue;
    }
    // المكلف/المكلفة من (appointed by) names a body, not an acting office holder
    if (ACTING.has(w) && ws[i + 1] !== 'من') qualifier ??= 'acting';
    else if (FORMER.has(w)) qualifier = 'former';
    else core.push(w);
    i++;
  }
  return { core, country, qualifier, institutions };
}

function stateTermAt(reg: ActorRegistry, ws: string[], i: number): { code: string; type: 'name' | 'adjective'; length: number } | undefined {
  for (const t of reg.stateTerms) {
    if (t.words.length === 0 || i + t.words.length > ws.length) continue;
    let ok = true;
    for (let k = 0; k < t.words.length && ok; k++) ok = ws[i + k] === t.words[k];
    if (ok) return { code: t.code, type: t.type, length: t.words.length };
  }
  return undefined;
}

interface InstTerm {
  words: string[];
  id: string;
}

const instTermCache = new WeakMap<ActorRegistry, InstTerm[]>();

function institutionTerms(reg: ActorRegistry): InstTerm[] {
  let terms = instTermCache.get(reg);
  if (!terms) {
    terms = [];
    for (const a of reg.actors.values()) {
      if (a.kind !== 'institution' && a.kind !== 'igo') continue;
      for (const n of [a.name, ...(a.aliases ?? []).map((x) => (typeof x === 'string' ? x : x.name))]) terms.push({ words: fold(words(n)), id: a.id });
    }
    terms.sort((x, y) => y.words.length - x.words.length);
    instTermCache.set(reg, terms);
  }
  return terms;
}

/** The word `w` is `target` with a clitic (و ف ب ل ك) or with ال contracted after ل (للجيش). */
function wordMatches(w: string, target: string, first: boolean): boolean {
  if (w === target) return true;
  if (!first) return false;
  if (target.startsWith('ال') && w === 'لل' + target.slice(2)) return true;
  if (target.startsWith('ال') && (w === 'ولل' + target.slice(2) || w === 'فلل' + target.slice(2))) return true;
  return /^[وفبلك]{1,2}$/.test(w.slice(0, w.length - target.length)) && w.endsWith(target);
}

/** Institutions whose name or alias occurs in the words (longest, non-overlapping). */
export function institutionHints(reg: ActorRegistry, ws: string[]): string[] {
  const used = new Array<boolean>(ws.length).fill(false);
  const found: string[] = [];
  for (const t of institutionTerms(reg)) {
    const n = t.words.length;
    if (n === 0) continue;
    for (let i = 0; i + n <= ws.length; i++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = !used[i + k] && wordMatches(ws[i + k], t.words[k], k === 0);
      if (!ok) continue;
      for (let k = 0; k < n; k++) used[i + k] = true;
      if (!found.includes(t.id)) found.push(t.id);
    }
  }
  return found;
}

/**
 * How well a query title's core matches an office's core: 1 same words; 0.8 the office is the
 * start of the query (وزير الخارجية ⊂ وزير الخارجية والتعاون الدولي بالحكومة ...); 0.6 the query
 * is the start of the office (title-only mention رئيس المجلس → رئيس المجلس الرئاسي). 0: no match.
 */
export function coreMatch(query: string[], office: string[]): number {
  if (query.length === 0 || office.length === 0) return 0;
  const n = Math.min(query.length, office.length);
  for (let k = 0; k < n; k++) if (query[k] !== office[k]) return 0;
  if (query.length === office.length) return 1;
  if (office.length < query.length) return office.length >= 2 ? 0.8 : 0;
  return query.length >= 2 ? 0.6 : 0;
}

const officeCache = new WeakMap<Role, ParsedTitle[]>();

/** Parsed forms of a role's office and office aliases. */
export function officeForms(reg: ActorRegistry, role: Role): ParsedTitle[] {
  let forms = officeCache.get(role);
  if (!forms) {
    forms = [role.office, ...(role.office_aliases ?? [])].map((o) => parseTitle(reg, o));
    officeCache.set(role, forms);
  }
  return forms;
}

/** Best core match of a parsed query against a role's office forms. */
export function roleTitleScore(reg: ActorRegistry, q: ParsedTitle, role: Role): number {
  let best = 0;
  for (const f of officeForms(reg, role)) best = Math.max(best, coreMatch(q.core, f.core));
  return best;
}

/** The institution and its ancestors (parent chain), for matching institution hints. */
export function institutionChain(reg: ActorRegistry, id: string | undefined): string[] {
  const chain: string[] = [];
  let cur: Actor | undefined = id ? getActor(reg, id) : undefined;
  while (cur && !chain.includes(cur.id)) {
    chain.push(cur.id);
    cur = cur.parent ? getActor(reg, cur.parent) : undefined;
  }
  return chain;
}
