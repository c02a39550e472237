/**
 * Actors met in the news that the registry does not know, and the rules for merging two
 * records that later text shows to be one actor.
 *
 * Merging never joins persons with different given names who share a family name
 * (صدام حفتر ≠ خالد حفتر ≠ خليفة حفتر), and never joins two canonical registry actors.
 */
import { givenKey, nameKey, nameTokens, shortHash, surnameKey } from './names.ts';
import { definite, findByName } from './resolve.ts';
import type { ActorRegistry } from './registry.ts';
import { dateBounds, type Actor, type Role } from './schema.ts';
import { coreMatch, officeForms } from './titles.ts';

export interface DiscoverInput {
  /** The fullest form of the name in the text. */
  name: string;
  kind?: 'person' | 'institution';
  /** Title as written (مدير إدارة المراسم بوزارة الخارجية). */
  title?: string;
  /** The institution the text ties the actor to: an actor id or a name. */
  affiliation?: string;
  /** ISO3 code of the actor's country, when the text gives it. */
  country?: string | null;
  /** Date of the story (YYYY[-MM[-DD]]): the role is known to be held then. */
  date?: string;
  /** Where it was met (document id), kept in the note. */
  source?: string;
}

/**
 * Deterministic id of a discovered actor: the same name (any spelling variant) and country
 * always give the same id; namesakes of different countries get different ids.
 */
export function discoveredId(name: string, kind: 'person' | 'institution' = 'person', country?: string | null): string {
  return `${kind === 'person' ? 'per' : 'org'}:disc-${shortHash(`${nameKey(name)}|${country ?? ''}`)}`;
}

/** A new actor record (discovered: true) for a name the registry does not know. */
export function discoverActor(reg: ActorRegistry, input: DiscoverInput): Actor {
  const kind = input.kind ?? 'person';
  let institution: string | undefined;
  if (input.affiliation) {
    institution = reg.actors.has(input.affiliation) || /^state:[A-Z]{3}$/.test(input.affiliation)
      ? input.affiliation
      : definite(findByName(reg, input.affiliation, { kinds: ['institution', 'igo', 'state'] }))?.actor.id;
  }
  const country = input.country ?? (institution ? reg.actors.get(institution)?.country ?? undefined : undefined);
  const actor: Actor = { id: discoveredId(input.name, kind, country), kind, name: input.name.trim(), discovered: true };
  if (country !== undefined) actor.country = country;
  if (input.title) {
    const role: Role = { office: input.title.trim(), from: input.date, to: null };
    if (institution) role.institution = institution;
    if (country !== undefined) role.country = country;
    actor.roles = [role];
  }
  if (input.source) actor.note = `discovered in ${input.source}`;
  return actor;
}

export type MergeRule = 'same-name' | 'given-and-surname' | 'surname-and-office';

export interface MergeVerdict {
  ok: boolean;
  rule?: MergeRule;
  why: string;
}

function allKeys(a: Actor): string[] {
  return [a.name, ...(a.aliases ?? []).map((x) => (typeof x === 'string' ? x : x.name))].map(nameKey);
}

function periodsOverlap(x: Role, y: Role): boolean {
  const xs = x.from ? dateBounds(x.from)!.start : '0000';
  const ys = y.from ? dateBounds(y.from)!.start : '0000';
  const xe = x.to ? dateBounds(x.to)!.end : '9999';
  const ye = y.to ? dateBounds(y.to)!.end : '9999';
  return xs <= ye && ys <= xe;
}

function shareOffice(reg: ActorRegistry, a: Actor, b: Actor): boolean {
  for (const ra of a.roles ?? []) {
    for (const rb of b.roles ?? []) {
      if (ra.country && rb.country && ra.country !== rb.country) continue;
      if (!periodsOverlap(ra, rb)) continue;
      for (const fa of officeForms(reg, ra)) for (const fb of officeForms(reg, rb)) if (coreMatch(fa.core, fb.core) >= 0.8) return true;
    }
  }
  return false;
}

/** Whether later text may treat `a` and `b` as one actor, by which rule, and why (not). */
export function canMerge(reg: ActorRegistry, a: Actor, b: Actor): MergeVerdict {
  if (a.id === b.id) return { ok: true, rule: 'same-name', why: 'same id' };
  if (a.kind !== b.kind) return { ok: false, why: `different kinds (${a.kind}, ${b.kind})` };
  if (!a.discovered && !b.discovered) return { ok: false, why: `${a.id} and ${b.id} are distinct registry actors` };
  if (a.country && b.country && a.country !== b.country) return { ok: false, why: `different countries (${a.country}, ${b.country})` };
  const ka = allKeys(a);
  const kb = allKeys(b);
  if (ka.some((k) => kb.includes(k))) return { ok: true, rule: 'same-name', why: 'same full name' };
  if (a.kind !== 'person') return { ok: false, why: 'different names' };
  const ga = givenKey(a.name, a.surname);
  const gb = givenKey(b.name, b.surname);
  const sa = surnameKey(a.name, a.surname);
  const sb = surnameKey(b.name, b.surname);
  if (ga && gb && ga !== gb) return { ok: false, why: `different given names (${ga}, ${gb})` };
  if (ga && gb && sa && sa === sb) return { ok: true, rule: 'given-and-surname', why: 'same given and family name (middle name differs or missing)' };
  // one side is a family name alone (الباعور): same family name and same office in the same period
  const onlyA = nameTokens(a.name).length === 1 ? nameKey(a.name) : '';
  const onlyB = nameTokens(b.name).length === 1 ? nameKey(b.name) : '';
  const famA = onlyA || sa;
  const famB = onlyB || sb;
  if ((onlyA || onlyB) && famA && famA === famB) {
    if (shareOffice(reg, a, b)) return { ok: true, rule: 'surname-and-office', why: 'same family name and same office in the same period' };
    return { ok: false, why: 'same family name but no shared office in the same period' };
  }
  return { ok: false, why: 'different names' };
}

/**
 * Folds `b` into `a` (keeping a registry actor's id when one side is canonical). Throws when
 * canMerge refuses, e.g. different given names with a shared family name.
 */
export function mergeActors(reg: ActorRegistry, a: Actor, b: Actor, reason: string): Actor {
  const v = canMerge(reg, a, b);
  if (!v.ok) throw new Error(`cannot merge ${a.id} and ${b.id}: ${v.why}`);
  const [keep, fold] = a.discovered && !b.discovered ? [b, a] : [a, b];
  const aliases = [...(keep.aliases ?? [])];
  const have = new Set(allKeys(keep));
  for (const n of [fold.name, ...(fold.aliases ?? []).map((x) => (typeof x === 'string' ? x : x.name))]) {
    if (!have.has(nameKey(n))) {
      aliases.push(n);
      have.add(nameKey(n));
    }
  }
  const roles = [...(keep.roles ?? [])];
  for (const r of fold.roles ?? []) if (!roles.some((x) => x.office === r.office && x.from === r.from)) roles.push(r);
  const merged: Actor = { ...keep, aliases, roles, merged_from: [...(keep.merged_from ?? []), { id: fold.id, reason: `${v.rule}: ${reason}` }] };
  if (!keep.discovered || !fold.discovered) delete merged.discovered;
  if (merged.country == null && fold.country) merged.country = fold.country;
  return merged;
}
