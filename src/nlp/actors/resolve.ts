/**
 * Resolving names and titles to canonical actors: pure functions over an ActorRegistry.
 *
 * findByName: normalized name/alias match (spelling variants, عبد ال spacing, ال-less
 * surnames, dropped middle names). A family name shared by several persons (حفتر) returns an
 * ambiguous list, never a definite actor.
 * findByRole: who held an office (as written in the news) in a country/institution on a date.
 */
import { normalizeArabic } from '../../text/normalize.ts';
import { nameTokens } from './names.ts';
import type { ActorRegistry, KeyType } from './registry.ts';
import { dateBounds, roleOverlaps, type Actor, type ActorKind, type Role } from './schema.ts';
import { institutionChain, officeForms, parseTitle, roleTitleScore, type ParsedTitle } from './titles.ts';

export interface Candidate {
  actor: Actor;
  /** 0..1, higher is better. */
  score: number;
  /** What matched: a name key type, or 'role' for findByRole. */
  via: KeyType | 'role';
  /** The key or office is shared by several actors: not a definite answer on its own. */
  ambiguous: boolean;
  /** For findByRole: the role that matched. */
  role?: Role;
}

const KEY_SCORE: Record<KeyType, number> = { name: 1, alias: 0.95, 'given-surname': 0.9, surname: 0.6 };
/** Honorifics and ranks before a name, as nameTokens leaves them (leading ال dropped). */
const LEADING_HONORIFICS = new Set(normalizedWords(['سيد', 'سيده', 'دكتور', 'دكتوره', 'د', 'مهندس', 'فريق', 'اول', 'ركن', 'لواء', 'عميد', 'عقيد', 'مشير', 'شيخ', 'جنرال', 'رئيس', 'امير', 'ملك']));
function normalizedWords(ws: string[]): string[] {
  return ws.map(normalizeArabic);
}

function lookup(reg: ActorRegistry, key: string, factor: number, kinds?: readonly ActorKind[], types?: KeyType[]): Candidate[] {
  const out: Candidate[] = [];
  for (const e of reg.byKey.get(key) ?? []) {
    if (types && !types.includes(e.type)) continue;
    const actor = reg.actors.get(e.actorId)!;
    if (kinds && !kinds.includes(actor.kind)) continue;
    out.push({ actor, score: KEY_SCORE[e.type] * factor, via: e.type, ambiguous: e.ambiguous });
  }
  return out;
}

/**
 * Actors whose name or alias matches `surface`, best first. Multi-word surfaces match whole
 * names only (a different given name with a known family name matches nothing); one-word
 * surfaces may match a family name, ambiguously when several persons share it.
 */
export function findByName(reg: ActorRegistry, surface: string, opts: { kinds?: readonly ActorKind[] } = {}): Candidate[] {
  return findByNameTokens(reg, nameTokens(surface), opts);
}

/** findByName for a surface already split by nameTokens. */
export function findByNameTokens(reg: ActorRegistry, nameWords: readonly string[], opts: { kinds?: readonly ActorKind[] } = {}): Candidate[] {
  let tokens = nameWords;
  let found = lookup(reg, tokens.join(' '), 1, opts.kinds);
  // honorifics and titles before the name (السيد، المشير، الشيخ)
  while (found.length === 0 && tokens.length > 1 && LEADING_HONORIFICS.has(tokens[0])) {
    tokens = tokens.slice(1);
    found = lookup(reg, tokens.join(' '), 0.98, opts.kinds);
  }
  // a middle name the registry does not list (given + father's name + family name)
  if (found.length === 0 && tokens.length >= 3) {
    found = lookup(reg, `${tokens[0]} ${tokens[tokens.length - 1]}`, 0.9, opts.kinds, ['name', 'alias', 'given-surname']);
  }
  return sortCandidates(found);
}

/** The single definite candidate, if any: unique best score and not ambiguous. */
export function definite(cands: Candidate[]): Candidate | undefined {
  const [a, b] = cands;
  if (!a || a.ambiguous) return undefined;
  if (b && b.score >= a.score) return undefined;
  return a;
}

function sortCandidates(c: Candidate[]): Candidate[] {
  return c.sort((x, y) => y.score - x.score || x.actor.id.localeCompare(y.actor.id));
}

export interface RoleQuery {
  /** The office as written (وزير الخارجية المكلف، الرئيس الصيني، رئيس جمهورية العراق). */
  office: string;
  /** ISO3 of the office's country; defaults to the country the title itself names. */
  country?: string;
  /** Actor id, or an institution's name. */
  institution?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: who held the office then. */
  date?: string;
}

function resolveInstitution(reg: ActorRegistry, inst: string | undefined): string | undefined {
  if (!inst) return undefined;
  if (reg.actors.has(inst) || /^state:[A-Z]{3}$/.test(inst)) return inst;
  return definite(findByName(reg, inst, { kinds: ['institution', 'igo', 'state'] }))?.actor.id;
}

function endedBefore(role: Role, date: string | undefined): boolean {
  if (!role.to) return false;
  if (!date) return true;
  return dateBounds(role.to)!.end < dateBounds(date)!.start;
}

/** Score of one role for a parsed query, or 0. */
export function scoreRole(reg: ActorRegistry, q: ParsedTitle, role: Role, opts: { country?: string; institutions?: string[]; date?: string }): number {
  const s = roleTitleScore(reg, q, role);
  if (s === 0) return 0;
  if (opts.country && role.country !== opts.country) return 0;
  if (opts.institutions && opts.institutions.length > 0) {
    const chain = institutionChain(reg, role.institution);
    if (!opts.institutions.some((i) => chain.includes(i))) return 0;
  }
  let f = 1;
  if (q.qualifier === 'former') {
    if (!endedBefore(role, opts.date)) return 0;
  } else {
    const o = roleOverlaps(role, opts.date);
    if (!o) return 0;
    if (o === 'possible') f *= 0.85;
  }
  if (q.qualifier === 'acting') f *= role.qualifier === 'acting' || role.qualifier === 'interim' ? 1 : 0.6;
  else if (role.qualifier && role.qualifier !== 'disputed') f *= 0.95;
  else if (role.qualifier === 'disputed') f *= 0.9;
  return s * f;
}

const roleIndexCache = new WeakMap<ActorRegistry, Map<string, Array<{ actor: Actor; role: Role }>>>();

/**
 * Every (actor, role) by the first core word of the role's office forms, in registry order
 * (each pair once per word). The registry does not change while it is in use.
 */
function rolesByFirstWord(reg: ActorRegistry): Map<string, Array<{ actor: Actor; role: Role }>> {
  let index = roleIndexCache.get(reg);
  if (!index) {
    index = new Map();
    for (const actor of reg.actors.values()) {
      for (const role of actor.roles ?? []) {
        const firsts = new Set(officeForms(reg, role).map((f) => f.core[0]).filter((w) => w !== undefined));
        for (const w of firsts) {
          const list = index.get(w);
          if (list) list.push({ actor, role });
          else index.set(w, [{ actor, role }]);
        }
      }
    }
    roleIndexCache.set(reg, index);
  }
  return index;
}

/** Who held the office (on the date, in the country/institution), best first. */
export function findByRole(reg: ActorRegistry, query: RoleQuery): Candidate[] {
  const q = parseTitle(reg, query.office);
  const country = query.country ?? q.country;
  const explicit = resolveInstitution(reg, query.institution);
  if (query.institution && !explicit) return [];
  // institutions named in the title, unless they belong to another country
  const hinted = q.institutions.filter((id) => {
    const c = reg.actors.get(id)?.country;
    return !country || !c || c === country;
  });
  // only roles with an office form whose first core word is the query's can score (coreMatch)
  const pairs = q.core.length > 0 ? rolesByFirstWord(reg).get(q.core[0]) ?? [] : [];
  const run = (institutions: string[]): Candidate[] => {
    const best = new Map<string, Candidate>();
    for (const { actor, role } of pairs) {
      const score = scoreRole(reg, q, role, { country, institutions, date: query.date });
      if (score <= 0) continue;
      const prev = best.get(actor.id);
      if (!prev || score > prev.score) best.set(actor.id, { actor, score, via: 'role', ambiguous: false, role });
    }
    return [...best.values()];
  };
  let found = run(explicit ? [explicit] : hinted);
  if (found.length === 0 && !explicit && hinted.length > 0) found = run([]);
  sortCandidates(found);
  if (found.length > 1 && found[1].score >= found[0].score) {
    for (const c of found) if (c.score >= found[0].score) c.ambiguous = true;
  }
  return found;
}

