/**
 * Compiles the validated gazetteer sources into data/compiled/gazetteer.json: expands country
 * names (Intl), nisba inflections, institution/title patterns, checks duplicate ids and aliases,
 * and serializes deterministically.
 */
import type { AliasRef, CompiledEntity, CompiledGazetteer, GazetteerKind, OwnerMode } from '../../src/nlp/gazetteer/types.ts';
import { aliasKey } from '../../src/nlp/gazetteer/keys.ts';
import {
  type ComplementSource,
  type Loc,
  type SourceError,
  type SourceFile,
  readCountries,
  readInstitutions,
  readOrgs,
  readPeoples,
  readPlaces,
  readTitles,
} from './sources.ts';

export interface GazetteerSources {
  countries: SourceFile;
  peoples: SourceFile;
  places: SourceFile;
  orgs: SourceFile;
  institutions: SourceFile;
  titles: SourceFile;
}

export interface CompileOptions {
  /** Arabic name of an ISO 3166-1 alpha-2 region (default: Intl.DisplayNames(['ar'])). */
  regionName?: (alpha2: string) => string | undefined;
}

export interface CompileResult {
  gazetteer: CompiledGazetteer | null;
  errors: SourceError[];
}

const NISBA_SUFFIXES: Array<{ suffix: string; form: 'sg' | 'du' | 'pl' }> = [
  { suffix: '', form: 'sg' },
  { suffix: 'ة', form: 'sg' },
  { suffix: 'ان', form: 'du' },
  { suffix: 'تان', form: 'du' },
  { suffix: 'تين', form: 'du' },
  { suffix: 'ين', form: 'pl' },
  { suffix: 'ون', form: 'pl' },
  { suffix: 'ات', form: 'pl' },
];

/**
 * Regular inflections of a nisba base (masculine singular without ال): every word ending in ي takes
 * the suffix; for a multi-word base the later inflected words also appear with ال
 * (كوري شمالي → كورية شمالية, كورية الشمالية).
 */
export function inflectNisba(base: string): Array<{ text: string; form: 'sg' | 'du' | 'pl' }> {
  const words = base.split(/\s+/);
  const out: Array<{ text: string; form: 'sg' | 'du' | 'pl' }> = [];
  for (const { suffix, form } of NISBA_SUFFIXES) {
    const plain = words.map((w) => (w.endsWith('ي') ? w + suffix : w));
    out.push({ text: plain.join(' '), form });
    if (words.length > 1) {
      const definite = plain.map((w, i) => (i > 0 && words[i].endsWith('ي') && !w.startsWith('ال') ? 'ال' + w : w));
      out.push({ text: definite.join(' '), form });
    }
  }
  return out;
}

function defaultRegionName(): (alpha2: string) => string | undefined {
  const names = new Intl.DisplayNames(['ar'], { type: 'region', fallback: 'none' });
  return (a2) => names.of(a2) ?? undefined;
}

interface PendingRef {
  ref: AliasRef;
  loc: Loc;
  alias: string;
}

/** Collects entities and aliases, checking duplicates as they come. */
class Builder {
  readonly entities = new Map<string, { entity: CompiledEntity; loc: Loc }>();
  readonly aliases = new Map<string, PendingRef[]>();
  constructor(readonly errors: SourceError[]) {}

  entity(entity: CompiledEntity, loc: Loc): string {
    const key = `${entity.kind}:${entity.id}`;
    const prev = this.entities.get(key);
    if (prev) {
      this.errors.push({ ...loc, entry: entity.id, field: 'id', message: `duplicate id '${entity.id}' (${entity.kind}), first defined at ${prev.loc.file}:${prev.loc.line}` });
    } else this.entities.set(key, { entity, loc });
    return key;
  }

  /** Adds an alias as written ('?' prefix = ambiguous) for entity `e`. */
  alias(written: string, e: string, rule: string, loc: Loc, extra: Partial<AliasRef> = {}, field = 'names'): void {
    let text = written.trim();
    let amb = false;
    if (text.startsWith('?')) {
      amb = true;
      text = text.slice(1).trim();
    }
    const key = aliasKey(text);
    if (!key) {
      this.errors.push({ ...loc, entry: e.split(':').slice(1).join(':'), field, message: `alias '${written}' has no word or holds punctuation the matcher cannot cross` });
      return;
    }
    const ref: AliasRef = { e, r: rule, ...extra };
    if (amb) ref.amb = 1;
    const list = this.aliases.get(key);
    if (!list) {
      this.aliases.set(key, [{ ref, loc, alias: written }]);
      return;
    }
    const same = list.find((p) => p.ref.e === e);
    if (same) {
      // same entity, same key: keep the first reading; a '?' on any listing marks it ambiguous
      if (amb) same.ref.amb = 1;
      return;
    }
    list.push({ ref, loc, alias: written });
  }

  /** Two or more unmarked readings of one key are an error: mark all but the default with '?'. */
  checkAliases(): void {
    for (const [key, list] of this.aliases) {
      const unmarked = list.filter((p) => !p.ref.amb);
      if (unmarked.length < 2) continue;
      const [a, b] = unmarked;
      this.errors.push({
        file: b.loc.file,
        line: b.loc.line,
        entry: b.ref.e,
        field: 'alias',
        message: `duplicate alias '${b.alias}' (normalized '${key}') → ${b.ref.e}, already → ${a.ref.e} (${a.loc.file}:${a.loc.line}); mark the non-default one ambiguous with '?'`,
      });
    }
  }

  result(): CompiledGazetteer {
    const entities: Record<string, CompiledEntity> = {};
    for (const k of [...this.entities.keys()].sort(byCodeUnit)) entities[k] = this.entities.get(k)!.entity;
    const aliases: Record<string, AliasRef[]> = {};
    for (const k of [...this.aliases.keys()].sort(byCodeUnit)) {
      const list = this.aliases.get(k)!;
      // default reading first, then the ambiguous ones; stable within each group
      aliases[k] = [...list.filter((p) => !p.ref.amb), ...list.filter((p) => p.ref.amb)].map((p) => p.ref);
    }
    return { version: 1, entities, aliases };
  }
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A construct (indefinite) last word: a country/org name may follow as owner. */
function isConstruct(alias: string): boolean {
  const key = aliasKey(alias.replace(/^\?/, ''));
  if (!key) return false;
  const last = key.split(' ').pop()!;
  return !last.startsWith('ال') && /^[\u0621-\u064a]/.test(last);
}

/** Construct variant of a one-word complement with ال (الخارجية → خارجية), or null. */
function constructOf(form: string): string | null {
  const amb = form.startsWith('?') ? '?' : '';
  const f = form.replace(/^\?/, '');
  if (/\s/.test(f) || !/^[اأإآ]ل/.test(f) || f.length < 5) return null;
  return amb + f.slice(2);
}

/** Compiles all sources; `gazetteer` is null when any error was found. */
export function compileGazetteer(src: GazetteerSources, options: CompileOptions = {}): CompileResult {
  const errors: SourceError[] = [];
  const b = new Builder(errors);
  const regionName = options.regionName ?? defaultRegionName();

  // countries and their nisbas
  for (const c of readCountries(src.countries, errors)) {
    const entity: CompiledEntity = { kind: 'country', id: c.alpha3, country: c.alpha3, type: c.status === 'S' ? 'state' : 'territory' };
    if (c.groups.length) entity.groups = [...c.groups].sort();
    const key = b.entity(entity, c.loc);
    const intl = regionName(c.alpha2);
    if (!intl || intl === c.alpha2) errors.push({ ...c.loc, entry: c.alpha3, field: 'alpha2', message: `Intl.DisplayNames has no Arabic name for '${c.alpha2}'` });
    else b.alias(intl.replace(/\s*\([^)]*\)\s*/g, ' ').trim(), key, 'gaz.country.intl', c.loc, {}, 'alpha2');
    for (const v of c.variants) b.alias(v, key, 'gaz.country.variant', c.loc, {}, 'variants');
    if (c.nisba.length || c.plurals.length) {
      const nkey = b.entity({ kind: 'nisba', id: c.alpha3, country: c.alpha3 }, c.loc);
      addNisbas(b, nkey, c.nisba, c.plurals, c.loc, key);
    }
  }
  for (const p of readPeoples(src.peoples, errors)) {
    const nkey = b.entity({ kind: 'nisba', id: p.id }, p.loc);
    addNisbas(b, nkey, p.nisba, p.plurals, p.loc);
  }

  // places
  for (const p of readPlaces(src.places, errors)) {
    const kind: GazetteerKind = p.type === 'capital' ? 'capital_metonymy' : 'place';
    const entity: CompiledEntity = { kind, id: p.id, type: p.type };
    if (p.country !== '-') entity.country = p.country;
    const key = b.entity(entity, p.loc);
    for (const n of p.names) b.alias(n, key, p.type === 'capital' ? 'gaz.place.capital' : 'gaz.place', p.loc);
  }

  // organizations
  const orgs = readOrgs(src.orgs, errors);
  const orgIds = new Set(orgs.map((o) => o.id));
  for (const o of orgs) {
    const entity: CompiledEntity = { kind: 'org', id: o.id, org: o.id };
    if (o.parent) {
      if (!orgIds.has(o.parent)) errors.push({ ...o.loc, entry: o.id, field: 'parent', message: `unknown organization '${o.parent}'` });
      entity.parent = o.parent;
    }
    const key = b.entity(entity, o.loc);
    for (const n of o.names) b.alias(n, key, 'gaz.org.name', o.loc);
    for (const a of o.acronyms) b.alias(a, key, 'gaz.org.acronym', o.loc, {}, 'acronyms');
  }

  // institutions: named bodies, then head patterns
  const inst = readInstitutions(src.institutions, errors);
  for (const n of inst.named) {
    const entity: CompiledEntity = { kind: 'institution', id: n.id, type: n.type, owner: n.owner };
    if (n.country) entity.country = n.country;
    if (n.org) {
      if (!orgIds.has(n.org)) errors.push({ ...n.loc, entry: n.id, field: 'org', message: `unknown organization '${n.org}'` });
      entity.org = n.org;
    }
    const key = b.entity(entity, n.loc);
    for (const name of n.names) b.alias(name, key, 'gaz.inst.named', n.loc, isConstruct(name) ? { construct: 1 } : {});
  }
  for (const h of inst.heads) {
    const entity: CompiledEntity = { kind: 'institution', id: h.id, owner: h.owner };
    if (h.type) entity.type = h.type;
    if (h.host) entity.host = true;
    const key = b.entity(entity, h.loc);
    const comps = h.complements ? complementList(inst.complements, h.complements, h.loc, h.id, errors) : [];
    for (const f of h.forms) {
      const extra: Partial<AliasRef> = isConstruct(f) && h.owner !== 'none' ? { construct: 1 } : {};
      if (h.complement_required) extra.needsOwner = 1;
      b.alias(f, key, 'gaz.inst.head', h.loc, extra, 'forms');
      addComplements(b, key, f, comps, 'gaz.inst.complement', h.loc, h.owner);
    }
    if (h.bare_complement) {
      for (const c of comps) for (const form of c.forms) b.alias(form, key, 'gaz.inst.bare', h.loc, { portfolio: c.id, needsOwner: 1 }, 'complements');
    }
  }

  // titles, qualifiers, ranks, honorifics
  const titles = readTitles(src.titles, errors);
  const sections: Array<[GazetteerKind, typeof titles.titles, OwnerMode]> = [
    ['title', titles.titles, 'optional'],
    ['qualifier', titles.qualifiers, 'none'],
    ['rank', titles.ranks, 'none'],
    ['honorific', titles.honorifics, 'none'],
  ];
  for (const [kind, entries, defaultOwner] of sections) {
    for (const t of entries) {
      const owner = t.owner ?? defaultOwner;
      const entity: CompiledEntity = { kind, id: t.id };
      if (owner !== 'none') entity.owner = owner;
      if (t.host) entity.host = true;
      if (t.org) entity.org = t.org;
      if (t.owner_types) {
        for (const [type, target] of Object.entries(t.owner_types)) {
          if (!entries.some((x) => x.id === target)) errors.push({ ...t.loc, entry: t.id, field: `owner_types.${type}`, message: `unknown ${kind} '${target}'` });
        }
        entity.byOwnerType = t.owner_types;
      }
      const key = b.entity(entity, t.loc);
      const comps = t.complements ? complementList(inst.complements, t.complements, t.loc, t.id, errors) : [];
      for (const f of t.forms) {
        b.alias(f, key, `gaz.${kind}`, t.loc, isConstruct(f) && owner !== 'none' ? { construct: 1 } : {}, 'forms');
        addComplements(b, key, f, comps, `gaz.${kind}.complement`, t.loc, owner);
      }
    }
  }

  b.checkAliases();
  return { gazetteer: errors.length ? null : b.result(), errors };
}

/**
 * Nisba aliases of `key`. A base identical to a name of the same country (تشيلي, جيبوتي) reads as
 * the country by default: that one form is added as an ambiguous reading of the nisba.
 */
function addNisbas(b: Builder, key: string, bases: string[], plurals: string[], loc: Loc, countryKey?: string): void {
  for (const base of bases) {
    const amb = base.startsWith('?') ? '?' : '';
    for (const { text, form } of inflectNisba(base.replace(/^\?/, ''))) {
      const k = aliasKey(text);
      const sameAsCountry = countryKey !== undefined && k !== null && (b.aliases.get(k) ?? []).some((p) => p.ref.e === countryKey);
      b.alias((sameAsCountry ? '?' : amb) + text, key, 'gaz.nisba.inflect', loc, { form }, 'nisba');
    }
  }
  for (const p of plurals) b.alias(p, key, 'gaz.nisba.irregular', loc, { form: 'pl' }, 'plurals');
}

function complementList(all: Record<string, ComplementSource[]>, name: string, loc: Loc, id: string, errors: SourceError[]): ComplementSource[] {
  const list = all[name];
  if (!list) {
    errors.push({ ...loc, entry: id, field: 'complements', message: `unknown complement list '${name}' (known: ${Object.keys(all).join(', ') || 'none'})` });
    return [];
  }
  return list;
}

/** head + complement ("وزارة الخارجية") and head + construct complement ("وزارة خارجية"). */
function addComplements(b: Builder, key: string, head: string, comps: ComplementSource[], rule: string, loc: Loc, owner: OwnerMode): void {
  const h = head.replace(/^\?/, '');
  for (const c of comps) {
    for (const form of c.forms) {
      const f = form.replace(/^\?/, '');
      b.alias(`${h} ${f}`, key, rule, loc, isConstruct(f) && owner !== 'none' ? { portfolio: c.id, construct: 1 } : { portfolio: c.id }, 'complements');
      const cons = constructOf(f);
      if (cons && owner !== 'none') b.alias(`${h} ${cons}`, key, rule, loc, { portfolio: c.id, construct: 1 }, 'complements');
    }
  }
}

/** Deterministic, diff-friendly JSON: one entity or alias per line, keys sorted. */
export function serializeGazetteer(g: CompiledGazetteer): string {
  const lines: string[] = ['{', '"version": 1,', '"entities": {'];
  const ek = Object.keys(g.entities);
  ek.forEach((k, i) => lines.push(`${JSON.stringify(k)}: ${JSON.stringify(g.entities[k])}${i < ek.length - 1 ? ',' : ''}`));
  lines.push('},', '"aliases": {');
  const ak = Object.keys(g.aliases);
  ak.forEach((k, i) => lines.push(`${JSON.stringify(k)}: ${JSON.stringify(g.aliases[k])}${i < ak.length - 1 ? ',' : ''}`));
  lines.push('}', '}');
  return lines.join('\n') + '\n';
}
