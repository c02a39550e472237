/**
 * Rasid's event ontology: PLOVER event types (+ STATEMENT), their modes and quad classes, PLOVER
 * contexts, and the fine `action` labels with their default types and CAMEO codes. Everything is
 * read from data/ontology/*.yaml and validated; lookups are pure functions of a loaded Ontology.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { loadYamlList, entryError, type LoadedEntry } from './yaml.ts';

export { DataFileError, loadYamlList, parseYamlList, entryError, type LoadedEntry } from './yaml.ts';

export const QUAD_CLASSES = ['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'] as const;
export type QuadClass = (typeof QUAD_CLASSES)[number];

const cameoCode = z.string().regex(/^\d{2,4}$/, 'a CAMEO code is 2 to 4 digits, quoted');
const ident = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'lower-case name (a-z, 0-9, _ and -)');

const ModeSchema = z.object({ name: ident, description: z.string().min(1) }).strict();

const EventTypeSchema = z
  .object({
    name: z.string().regex(/^[A-Z]+$/, 'upper-case event type name'),
    aliases: z.array(z.string().regex(/^[A-Z]+$/)).default([]),
    extension: z.boolean().default(false),
    quad: z.enum(QUAD_CLASSES),
    cameo: cameoCode,
    score: z.number().min(-10).max(10),
    requires_recipient: z.boolean(),
    description: z.string().min(1),
    modes: z.array(ModeSchema),
  })
  .strict();

const ContextSchema = z
  .object({
    name: ident,
    kind: z.enum(['topic', 'temporal']),
    source: z.enum(['plover', 'cameo2plover']).default('plover'),
    description: z.string().min(1),
  })
  .strict();

const ActionSchema = z
  .object({
    name: ident,
    event: z.string(),
    alt_events: z.array(z.string()).default([]),
    mode: z.string().nullable().default(null),
    cameo: cameoCode,
    cameo_by_mode: z.record(z.string(), cameoCode).default({}),
    why: z.string().min(1),
    description: z.string().min(1),
    /** The PLOVER context the act carries by itself (a meeting between states is diplomatic work). */
    context: z.string().nullable().default(null),
  })
  .strict();

export type EventTypeInfo = z.infer<typeof EventTypeSchema>;
export type ContextInfo = z.infer<typeof ContextSchema>;
export type ActionInfo = z.infer<typeof ActionSchema>;

export interface Ontology {
  eventTypes: readonly EventTypeInfo[];
  contexts: readonly ContextInfo[];
  actions: readonly ActionInfo[];
  /** Event type by name or alias (DEMAND → REQUEST). */
  byEvent: ReadonlyMap<string, EventTypeInfo>;
  byAction: ReadonlyMap<string, ActionInfo>;
  byContext: ReadonlyMap<string, ContextInfo>;
}

export const DEFAULT_ONTOLOGY_DIR = new URL('../../data/ontology/', import.meta.url).pathname;

/** Loads and cross-checks data/ontology (or `dir`). Throws DataFileError naming file/line/entry/field. */
export function loadOntology(dir: string = DEFAULT_ONTOLOGY_DIR): Ontology {
  const shown = (f: string) => (dir === DEFAULT_ONTOLOGY_DIR ? `data/ontology/${f}` : join(dir, f));
  const evFile = shown('event_types.yaml');
  const types = loadYamlList(join(dir, 'event_types.yaml'), EventTypeSchema, evFile);
  const contexts = loadYamlList(join(dir, 'contexts.yaml'), ContextSchema, shown('contexts.yaml'));
  const acFile = shown('actions.yaml');
  const actions = loadYamlList(join(dir, 'actions.yaml'), ActionSchema, acFile);

  const byEvent = new Map<string, EventTypeInfo>();
  for (const t of types) {
    for (const key of [t.value.name, ...t.value.aliases]) {
      if (byEvent.has(key)) throw entryError(evFile, t, 'name', `duplicate event type or alias "${key}"`);
      byEvent.set(key, t.value);
    }
  }
  const byContext = unique(contexts, shown('contexts.yaml'));
  const byAction = unique(actions, acFile);
  for (const a of actions) {
    const ev = byEvent.get(a.value.event);
    if (!ev || ev.name !== a.value.event) throw entryError(acFile, a, 'event', `unknown event type "${a.value.event}" (use the canonical name)`);
    a.value.alt_events.forEach((alt, i) => {
      if (!byEvent.has(alt)) throw entryError(acFile, a, `alt_events.${i}`, `unknown event type "${alt}"`);
    });
    const modes = new Set(ev.modes.map((m) => m.name));
    if (a.value.mode !== null && !modes.has(a.value.mode)) {
      throw entryError(acFile, a, 'mode', `"${a.value.mode}" is not a mode of ${ev.name} (${[...modes].join(', ') || 'none'})`);
    }
    for (const m of Object.keys(a.value.cameo_by_mode)) {
      if (!modes.has(m)) throw entryError(acFile, a, `cameo_by_mode.${m}`, `"${m}" is not a mode of ${ev.name}`);
    }
    if (a.value.context !== null && !byContext.has(a.value.context)) throw entryError(acFile, a, 'context', `unknown context "${a.value.context}"`);
  }
  return {
    eventTypes: types.map((t) => t.value),
    contexts: contexts.map((c) => c.value),
    actions: actions.map((a) => a.value),
    byEvent,
    byAction,
    byContext,
  };
}

function unique<T extends { name: string }>(entries: LoadedEntry<T>[], file: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const e of entries) {
    if (map.has(e.value.name)) throw entryError(file, e, 'name', `duplicate name "${e.value.name}"`);
    map.set(e.value.name, e.value);
  }
  return map;
}

let cached: Ontology | undefined;
/** The ontology from data/ontology, loaded once (read-only). */
export function defaultOntology(): Ontology {
  cached ??= loadOntology();
  return cached;
}

/** The canonical event type names (PLOVER's 16 + STATEMENT), in file order. */
export function eventTypes(ont: Ontology = defaultOntology()): string[] {
  return ont.eventTypes.map((t) => t.name);
}

/** True when `type` is a canonical event type name (aliases such as DEMAND are not). */
export function isValidEvent(type: string, ont: Ontology = defaultOntology()): boolean {
  return ont.byEvent.get(type)?.name === type;
}

/** Canonical name for a type or a legacy alias (DEMAND → REQUEST, DISAPPROVE → ACCUSE); undefined if unknown. */
export function canonicalEvent(type: string, ont: Ontology = defaultOntology()): string | undefined {
  return ont.byEvent.get(type.toUpperCase())?.name;
}

export function eventInfo(type: string, ont: Ontology = defaultOntology()): EventTypeInfo | undefined {
  return ont.byEvent.get(type);
}

/** Modes allowed for an event type. */
export function modesOf(type: string, ont: Ontology = defaultOntology()): string[] {
  return ont.byEvent.get(type)?.modes.map((m) => m.name) ?? [];
}

export function isValidMode(type: string, mode: string | null, ont: Ontology = defaultOntology()): boolean {
  return mode === null || modesOf(type, ont).includes(mode);
}

/** PLOVER quad class of an event type; throws on an unknown type. */
export function quadClass(type: string, ont: Ontology = defaultOntology()): QuadClass {
  const info = ont.byEvent.get(type);
  if (!info) throw new Error(`unknown event type "${type}"`);
  return info.quad;
}

export function actionInfo(action: string, ont: Ontology = defaultOntology()): ActionInfo | undefined {
  return ont.byAction.get(action);
}

export function actionNames(ont: Ontology = defaultOntology()): string[] {
  return ont.actions.map((a) => a.name);
}

/**
 * The nearest CAMEO code for an event: the action's code refined by mode (meet+visit → 042),
 * or, when the event type differs from the action's default (e.g. an `invite` coded CONSULT),
 * the type's own root code (`04` → `040`). Unknown action: the event type's root + `0`.
 */
export function cameoFor(event: string, action: string | null, mode: string | null = null, ont: Ontology = defaultOntology()): string | null {
  const ev = ont.byEvent.get(event);
  const act = action ? ont.byAction.get(action) : undefined;
  if (act && (!ev || act.event === ev.name)) {
    return (mode && act.cameo_by_mode[mode]) || act.cameo;
  }
  if (!ev) return null;
  if (ev.name === 'CONSULT' && mode) {
    const consultByMode: Record<string, string> = { phone: '041', visit: '042', host: '043', 'third-party': '044' };
    if (consultByMode[mode]) return consultByMode[mode];
  }
  return ev.cameo.length === 2 ? `${ev.cameo}0` : ev.cameo;
}

/** PLOVER context names (topic and temporal). */
export function contextNames(ont: Ontology = defaultOntology(), kind?: 'topic' | 'temporal'): string[] {
  return ont.contexts.filter((c) => !kind || c.kind === kind).map((c) => c.name);
}

export function isValidContext(name: string, ont: Ontology = defaultOntology()): boolean {
  return ont.byContext.has(name);
}
