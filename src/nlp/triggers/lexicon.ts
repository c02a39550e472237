/**
 * The trigger lexicon: data/triggers/*.yaml (see data/triggers/README.md), validated and
 * compiled into a stem index for matching.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadYamlList, entryError, type LoadedEntry } from '../../ontology/yaml.ts';
import { defaultOntology, isValidMode, type Ontology } from '../../ontology/index.ts';
import { normalizeArabic } from '../../text/normalize.ts';
import { StemIndex } from './morph.ts';

export const ROLES = ['actor', 'recipient', 'participant', 'destination', 'location', 'topic'] as const;
export type Role = (typeof ROLES)[number];

const role = z.enum(ROLES);
const verbSpec = z.string().regex(/^[\u0621-\u064a\u0670]+\/[\u0621-\u064a\u0670]+$/, 'verb as past/imperfect, e.g. التقى/يلتقي');
const arabicPhrase = z.string().regex(/^=?[\u0621-\u064a\u0670|]+( =?[\u0621-\u064a\u0670|]+)*$/, 'Arabic words; | between alternatives; =word for a literal');

const ArgsSchema = z
  .object({
    subject: role.optional(),
    object: role.optional(),
    possessor: role.optional(),
    /** Preposition → role of its object. In a loaded lexicon the keys are normalized (الى → الي). */
    preps: z.record(z.string(), role).optional(),
    by: role.optional(),
    between: role.optional(),
    /** Role of the party right after the complement, in construct with it ("أوراق اعتماد سفير X"). */
    genitive: role.optional(),
    /** Role of the persons named after "عن الجانب X" later in the sentence ("وقعها عن الجانب الليبي X، وعن الجانب التركي Y"). */
    sides: role.optional(),
    /** Which argument is the host (استقبل: the subject). */
    host: z.enum(['subject', 'object']).optional(),
  })
  .strict();
export type ArgHints = z.infer<typeof ArgsSchema>;

const EntrySchema = z
  .object({
    id: z.string().regex(/^[a-z_]+\.[a-z_0-9]+$/, 'id as family.name (lower case)'),
    verb: z.union([verbSpec, z.array(verbSpec).min(1)]).optional(),
    noun: arabicPhrase.optional(),
    with: z.array(arabicPhrase).min(1).optional(),
    gap: z.number().int().min(0).max(40).default(12),
    unless: z.array(z.string()).default([]),
    hamza: z.boolean().default(false),
    /** false: the verb's forms are also a common preposition (عبر), so they never close another trigger's gap. */
    barrier: z.boolean().default(true),
    /** false: a verb of expression (أكد دعم) is never read as passive from word order alone. */
    passive: z.boolean().default(true),
    action: z.string(),
    event: z.string().optional(),
    mode: z.string().nullable().optional(),
    cameo: z.string().regex(/^\d{2,4}$/).optional(),
    priority: z.number().int().default(0),
    strength: z.number().min(0).max(1).default(0.9),
    args: ArgsSchema.default({}),
  })
  .strict()
  .refine((e) => (e.verb ? 1 : 0) + (e.noun ? 1 : 0) === 1, { message: 'give exactly one of verb or noun', path: ['verb'] });

const ModifierSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['mode', 'passive_aux', 'adverb', 'marker', 'noun_context', 'party_head']),
    words: z.array(z.string()).min(1),
    mode: z.string().optional(),
    action: z.string().optional(),
    events: z.array(z.string()).optional(),
    window: z.number().int().min(0).max(20).default(3),
    role: z.enum(['by', 'between']).optional(),
  })
  .strict();

/** A complement: alternatives; each a sequence of word positions; each position the lemma keys it accepts. */
export type Complement = string[][][];

export interface TriggerEntry {
  id: string;
  file: string;
  /** Head lemma keys (any one) and the head as written (first alternative). */
  headKeys: string[];
  lemma: string;
  nominal: boolean;
  with: Complement | null;
  gap: number;
  unless: Set<string>;
  hamza: boolean;
  passive: boolean;
  action: string;
  event: string;
  mode: string | null;
  cameo: string | null;
  priority: number;
  strength: number;
  args: ArgHints;
}

export interface ModeCue {
  id: string;
  mode: string;
  action?: string;
  events: string[];
  window: number;
  /** Sequences of lemma keys. */
  cues: string[][];
}

export interface TriggerLexicon {
  entries: TriggerEntry[];
  index: StemIndex;
  /** Head key → entries using it as head. */
  byHead: Map<string, TriggerEntry[]>;
  /** Keys that are verb heads (they stop a complement search). */
  verbHeads: Set<string>;
  modeCues: ModeCue[];
  /** Normalized words. */
  passiveAux: Set<string>;
  adverbs: Set<string>;
  markers: { by: Set<string>; between: Set<string> };
  nounContext: Set<string>;
  /** Head words of a party's title (نائب، وزير، نظير): an attached ب before one opens a complement ("التقى X بنائب الرئيس"). */
  partyHeads: Set<string>;
  ontology: Ontology;
}

export const DEFAULT_TRIGGER_DIR = new URL('../../../data/triggers/', import.meta.url).pathname;

/** Loads every data/triggers/*.yaml (modifiers.yaml holds the modifiers). */
export function loadTriggers(dir: string = DEFAULT_TRIGGER_DIR, ontology: Ontology = defaultOntology()): TriggerLexicon {
  const shown = (f: string) => (dir === DEFAULT_TRIGGER_DIR ? `data/triggers/${f}` : join(dir, f));
  const index = new StemIndex();
  const entries: TriggerEntry[] = [];
  const byHead = new Map<string, TriggerEntry[]>();
  const verbHeads = new Set<string>();
  const seen = new Map<string, string>();
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'modifiers.yaml').sort();

  const phrase = (p: string): string[][] =>
    p.split(' ').map((word) =>
      word.startsWith('=') ? [index.addLiteral(word.slice(1))] : word.split('|').map((alt) => index.addNoun(alt)),
    );

  for (const f of files) {
    for (const loaded of loadYamlList(join(dir, f), EntrySchema, shown(f))) {
      const e = loaded.value;
      const fail = (field: string, msg: string) => entryError(shown(f), loaded as LoadedEntry<unknown>, field, msg);
      if (seen.has(e.id)) throw fail('id', `duplicate id (also in ${seen.get(e.id)})`);
      seen.set(e.id, shown(f));
      const action = ontology.byAction.get(e.action);
      if (!action) throw fail('action', `unknown action "${e.action}" (see data/ontology/actions.yaml)`);
      const event = e.event ?? action.event;
      if (ontology.byEvent.get(event)?.name !== event) throw fail('event', `unknown event type "${event}"`);
      const mode = e.mode !== undefined ? e.mode : action.event === event ? action.mode : null;
      if (!isValidMode(event, mode, ontology)) throw fail('mode', `"${mode}" is not a mode of ${event}`);
      for (const p of Object.keys(e.args.preps ?? {})) {
        if (!/^[\u0621-\u064a]+$/.test(p)) throw fail(`args.preps.${p}`, 'preposition must be an Arabic word');
      }
      let headKeys: string[];
      let lemma: string;
      if (e.verb) {
        const specs = Array.isArray(e.verb) ? e.verb : [e.verb];
        headKeys = specs.map((s) => index.addVerb(s));
        lemma = specs[0].split('/')[0];
        if (e.barrier) headKeys.forEach((k) => verbHeads.add(k));
      } else {
        if (e.noun!.includes(' ')) {
          // a multi-word noun head: the first word is the head, the rest a required complement
          const [first, ...rest] = e.noun!.split(' ');
          headKeys = first.split('|').map((a) => index.addNoun(a));
          e.with = [rest.join(' '), ...(e.with ?? [])];
          e.gap = 0;
        } else {
          headKeys = e.noun!.split('|').map((a) => index.addNoun(a));
        }
        lemma = e.noun!.split(/[| ]/)[0];
      }
      const entry: TriggerEntry = {
        id: e.id,
        file: shown(f),
        headKeys,
        lemma,
        nominal: !e.verb,
        with: e.with ? e.with.map(phrase) : null,
        gap: e.gap,
        unless: new Set(e.unless.map(normalizeArabic)),
        hamza: e.hamza,
        passive: e.passive,
        action: e.action,
        event,
        mode,
        cameo: e.cameo ?? null,
        priority: e.priority,
        strength: e.strength,
        args: e.args.preps ? { ...e.args, preps: Object.fromEntries(Object.entries(e.args.preps).map(([p, r]) => [normalizeArabic(p), r])) } : e.args,
      };
      entries.push(entry);
      for (const k of headKeys) {
        const list = byHead.get(k) ?? [];
        list.push(entry);
        byHead.set(k, list);
      }
    }
  }

  const modFile = shown('modifiers.yaml');
  const modeCues: ModeCue[] = [];
  const passiveAux = new Set<string>();
  const adverbs = new Set<string>();
  const markers = { by: new Set<string>(), between: new Set<string>() };
  const nounContext = new Set<string>();
  const partyHeads = new Set<string>();
  for (const loaded of loadYamlList(join(dir, 'modifiers.yaml'), ModifierSchema, modFile)) {
    const m = loaded.value;
    const fail = (field: string, msg: string) => entryError(modFile, loaded as LoadedEntry<unknown>, field, msg);
    const norm = m.words.map(normalizeArabic);
    if (m.kind === 'mode') {
      if (!m.mode || !m.events?.length) throw fail('mode', 'a mode cue needs mode and events');
      for (const ev of m.events) if (!isValidMode(ev, m.mode, ontology)) throw fail('mode', `"${m.mode}" is not a mode of ${ev}`);
      if (m.action && !ontology.byAction.has(m.action)) throw fail('action', `unknown action "${m.action}"`);
      const cues = m.words.map((w) => w.split(' ').map((x) => index.addNoun(x)));
      modeCues.push({ id: m.id, mode: m.mode, action: m.action, events: m.events, window: m.window, cues });
    } else if (m.kind === 'passive_aux') norm.forEach((w) => passiveAux.add(w));
    else if (m.kind === 'adverb') norm.forEach((w) => adverbs.add(w));
    else if (m.kind === 'noun_context') norm.forEach((w) => nounContext.add(w));
    else if (m.kind === 'party_head') norm.forEach((w) => partyHeads.add(w));
    else {
      if (!m.role) throw fail('role', 'a marker needs a role (by or between)');
      norm.forEach((w) => markers[m.role!].add(w));
    }
  }
  return { entries, index, byHead, verbHeads, modeCues, passiveAux, adverbs, markers, nounContext, partyHeads, ontology };
}

