/**
 * Loads and validates the canonical actor registry (data/actors/*.yaml).
 *
 * `loadRegistry()` reads the files; `buildRegistry(inputs)` validates in-memory inputs (one per
 * file) and throws a RegistryError listing every problem, each naming the file, the actor
 * (index and id), the line when known, and the field. The caller keeps the registry: there is
 * no global state.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { ActorFileSchema, ActorSchema, dateBounds, type Actor } from './schema.ts';
import { givenSurnameKey, nameKey, surnameKey, words } from './names.ts';

export type KeyType = 'name' | 'alias' | 'given-surname' | 'surname';

export interface KeyEntry {
  actorId: string;
  type: KeyType;
  /** Declared ambiguous in the data, or a surname shared by several actors. */
  ambiguous: boolean;
}

export interface StateTerm {
  /** Normalized words of the name or adjective. */
  words: string[];
  code: string;
  type: 'name' | 'adjective';
}

export interface ActorRegistry {
  actors: Map<string, Actor>;
  /** Name key (see names.ts) → the actors that carry it. */
  byKey: Map<string, KeyEntry[]>;
  /** ISO3 code → state actor (listed ones). */
  states: Map<string, Actor>;
  /** Country names and adjectives, longest first. */
  stateTerms: StateTerm[];
  /** File each actor came from. */
  fileOf: Map<string, string>;
}

export interface RegistryInput {
  /** File name used in messages (e.g. data/actors/igos.yaml). */
  file: string;
  /** YAML text, or already-parsed data. */
  text?: string;
  data?: unknown;
}

export class RegistryError extends Error {
  constructor(readonly issues: string[]) {
    super(`actor registry is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n  ${issues.join('\n  ')}`);
    this.name = 'RegistryError';
  }
}

export const DEFAULT_ACTORS_DIR = fileURLToPath(new URL('../../../data/actors/', import.meta.url));

/** Reads and validates every *.yaml file of `dir` (default: data/actors). */
export function loadRegistry(dir: string = DEFAULT_ACTORS_DIR): ActorRegistry {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  return buildRegistry(files.map((f) => ({ file: join('data/actors', f), text: readFileSync(join(dir, f), 'utf8') })));
}

/** Whether `id` names a state (state:XXX, any ISO3 code). */
export function isStateId(id: string): boolean {
  return /^state:[A-Z]{3}$/.test(id);
}

/** The actor with this id; state ids resolve even when the state is not listed. */
export function getActor(reg: ActorRegistry, id: string): Actor | undefined {
  const a = reg.actors.get(id);
  if (a || !isStateId(id)) return a;
  const code = id.slice(6);
  return { id, kind: 'state', name: code, country: code };
}

interface Parsed {
  file: string;
  actors: unknown[];
  lineOf: (i: number) => number | undefined;
}

function parseInput(input: RegistryInput, issues: string[]): Parsed | undefined {
  let data = input.data;
  let lineOf: (i: number) => number | undefined = () => undefined;
  if (input.text !== undefined) {
    const lc = new LineCounter();
    const doc = parseDocument(input.text, { lineCounter: lc });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) issues.push(`${input.file}: YAML: ${e.message.split('\n')[0]}`);
      return undefined;
    }
    data = doc.toJS();
    lineOf = (i) => {
      const node = doc.getIn(['actors', i], true);
      return isNode(node) && node.range ? lc.linePos(node.range[0]).line : undefined;
    };
  }
  const file = ActorFileSchema.safeParse(data);
  if (!file.success) {
    for (const is of file.error.issues) issues.push(`${input.file}: ${is.path.join('.') || '(top)'}: ${is.message}`);
    return undefined;
  }
  return { file: input.file, actors: file.data.actors, lineOf };
}

function where(file: string, i: number, id: string | undefined, line: number | undefined): string {
  return `${file}${line ? `:${line}` : ''}: actors[${i}]${id ? ` (${id})` : ''}`;
}

function fieldPath(path: PropertyKey[]): string {
  return path.map((p, k) => (typeof p === 'number' ? `[${p}]` : `${k > 0 ? '.' : ''}${String(p)}`)).join('');
}

/** Validates the inputs and builds the registry; throws RegistryError listing every problem. */
export function buildRegistry(inputs: RegistryInput[]): ActorRegistry {
  const issues: string[] = [];
  const actors = new Map<string, Actor>();
  const fileOf = new Map<string, string>();
  const whereOf = new Map<string, string>();
  for (const input of inputs) {
    const parsed = parseInput(input, issues);
    if (!parsed) continue;
    parsed.actors.forEach((raw, i) => {
      const rawId = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
      const r = ActorSchema.safeParse(raw);
      const at = where(parsed.file, i, rawId, parsed.lineOf(i));
      if (!r.success) {
        for (const is of r.error.issues) issues.push(`${at}: ${fieldPath(is.path) || '(entry)'}: ${is.message}`);
        return;
      }
      const a = r.data;
      const prev = whereOf.get(a.id);
      if (prev) {
        issues.push(`${at}: id: duplicate id ${a.id} (first defined at ${prev})`);
        return;
      }
      const kindOk = { person: 'per:', institution: 'org:', igo: 'igo:', state: 'state:' }[a.kind];
      if (!a.id.startsWith(kindOk)) issues.push(`${at}: kind: kind ${a.kind} needs an id starting with ${kindOk}`);
      if (a.kind === 'state' && a.country !== a.id.slice(6)) issues.push(`${at}: country: a state's country must be its own code ${a.id.slice(6)}`);
      actors.set(a.id, a);
      fileOf.set(a.id, parsed.file);
      whereOf.set(a.id, at);
    });
  }
  for (const a of actors.values()) checkReferences(a, actors, whereOf.get(a.id)!, issues);
  const byKey = indexKeys(actors, whereOf, issues);
  if (issues.length > 0) throw new RegistryError(issues);
  const states = new Map<string, Actor>();
  for (const a of actors.values()) if (a.kind === 'state') states.set(a.id.slice(6), a);
  return { actors, byKey, states, stateTerms: buildStateTerms(states), fileOf };
}

function exists(id: string, actors: Map<string, Actor>): boolean {
  return actors.has(id) || isStateId(id);
}

function checkReferences(a: Actor, actors: Map<string, Actor>, at: string, issues: string[]): void {
  if (a.parent && !exists(a.parent, actors)) issues.push(`${at}: parent: unknown actor id ${a.parent}`);
  if (a.from && a.to && dateBounds(a.from)!.start > dateBounds(a.to)!.end) issues.push(`${at}: from: ${a.from} is after to ${a.to}`);
  (a.roles ?? []).forEach((role, j) => {
    if (role.institution && !exists(role.institution, actors)) issues.push(`${at}: roles[${j}].institution: unknown actor id ${role.institution}`);
    if (!a.discovered && role.from === undefined) issues.push(`${at}: roles[${j}].from: required (YYYY, YYYY-MM or YYYY-MM-DD)`);
    if (!a.discovered && role.to === undefined) issues.push(`${at}: roles[${j}].to: required (a date, or null while in office)`);
    if (role.from && role.to && dateBounds(role.from)!.start > dateBounds(role.to)!.end) issues.push(`${at}: roles[${j}].from: ${role.from} is after to ${role.to}`);
  });
}

function aliasName(al: string | { name: string }): string {
  return typeof al === 'string' ? al : al.name;
}

function indexKeys(actors: Map<string, Actor>, whereOf: Map<string, string>, issues: string[]): Map<string, KeyEntry[]> {
  const byKey = new Map<string, KeyEntry[]>();
  const declaredAmbiguous = new Set<string>(); // `${id}\u0000${key}`
  const add = (key: string, actorId: string, type: KeyType, ambiguous: boolean) => {
    if (!key) return;
    const list = byKey.get(key) ?? [];
    const same = list.find((e) => e.actorId === actorId);
    if (same) {
      // keep the strongest type for an actor; a declaration of ambiguity sticks
      const rank: Record<KeyType, number> = { name: 0, alias: 1, 'given-surname': 2, surname: 3 };
      if (rank[type] < rank[same.type]) same.type = type;
      same.ambiguous ||= ambiguous;
      return;
    }
    list.push({ actorId, type, ambiguous });
    byKey.set(key, list);
  };
  for (const a of actors.values()) {
    add(nameKey(a.name), a.id, 'name', false);
    for (const al of a.aliases ?? []) {
      const amb = typeof al !== 'string';
      const key = nameKey(aliasName(al));
      if (amb) declaredAmbiguous.add(`${a.id}\u0000${key}`);
      add(key, a.id, 'alias', amb);
    }
    if (a.kind === 'person') {
      add(givenSurnameKey(a.name, a.surname), a.id, 'given-surname', false);
      add(surnameKey(a.name, a.surname), a.id, 'surname', false);
    }
  }
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    // A family name shared by several persons is ambiguous by nature; a declared name or alias
    // shared with another actor must be declared ambiguous by every actor that declares it.
    for (const e of list) {
      if (e.type === 'name' || e.type === 'alias') {
        if (!declaredAmbiguous.has(`${e.actorId}\u0000${key}`)) {
          const others = list.filter((o) => o.actorId !== e.actorId).map((o) => o.actorId);
          issues.push(`${whereOf.get(e.actorId)}: aliases: "${key}" is shared with ${others.join(', ')}; declare it { name: ..., ambiguous: true } or remove it`);
        }
      }
      e.ambiguous = true;
    }
  }
  return byKey;
}

/**
 * The registry with more ways to name states in titles (the gazetteer's names and nisbas of all
 * states); the registry's own terms come first for a code they both know.
 */
export function withStateTerms(reg: ActorRegistry, more: readonly StateTerm[]): ActorRegistry {
  const seen = new Set(reg.stateTerms.map((t) => `${t.code}|${t.words.join(' ')}`));
  const added = more.filter((t) => t.words.length > 0 && !seen.has(`${t.code}|${t.words.join(' ')}`));
  if (added.length === 0) return reg;
  return { ...reg, stateTerms: [...reg.stateTerms, ...added].sort((x, y) => y.words.length - x.words.length) };
}

function buildStateTerms(states: Map<string, Actor>): StateTerm[] {
  const terms: StateTerm[] = [];
  for (const [code, s] of states) {
    for (const n of [s.name, ...(s.aliases ?? []).map(aliasName)]) terms.push({ words: words(n), code, type: 'name' });
    if (s.adjective) {
      const m = words(s.adjective);
      terms.push({ words: m, code, type: 'adjective' });
      terms.push({ words: [...m.slice(0, -1), m[m.length - 1] + 'ه'], code, type: 'adjective' });
    }
  }
  return terms.sort((x, y) => y.words.length - x.words.length);
}
