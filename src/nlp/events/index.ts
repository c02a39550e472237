/** Event extraction stage: triggers + entity mentions → events with evidence and rule ids. */
import type { Stage } from '../pipeline.ts';
import { loadTriggers } from '../triggers/index.ts';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadGazetteer, type Gazetteer } from '../gazetteer/index.ts';
import { loadModeCues } from '../modes/index.ts';
import { loadContextCues } from './contexts.ts';
import { loadPlaceCues } from './places.ts';
import { extractEvents, type EventResources } from './extract.ts';
import { compileNisbaRules, type NisbaRule } from './nisba-parties.ts';

export { extractEvents, type EventResources } from './extract.ts';
export { loadContextCues, countContexts, pickContexts, type ContextCues } from './contexts.ts';
export { loadPlaceCues, placeRole, type PlaceCues } from './places.ts';

export const DEFAULT_PARTIES_FILE = new URL('../../../data/events/parties.yaml', import.meta.url).pathname;

const PartiesSchema = z
  .object({
    organs: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/)),
    nisba_parties: z.array(
      z
        .object({
          rule: z.string().regex(/^args\.[a-z_]+$/),
          actions: z.array(z.string().min(1)).min(1),
          nouns: z.array(z.string().regex(/^[\u0621-\u064a]+$/)).min(1),
          within: z.number().int().min(1).optional(),
        })
        .strict(),
    ),
  })
  .strict();

function readParties(file: string): z.infer<typeof PartiesSchema> {
  const parsed = PartiesSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new Error(`${file}: entry ${i.path.join('.')}: ${i.message}`);
  }
  return parsed.data;
}

/** The nouns whose nisba names a party, and the actions they do so in (data/events/parties.yaml). */
export function loadNisbaRules(file: string = DEFAULT_PARTIES_FILE): NisbaRule[] {
  return compileNisbaRules(readParties(file).nisba_parties);
}

/**
 * The parent organization of each organ of data/events/parties.yaml (UNSC → UN), from the
 * gazetteer's parent field. An organ that is no gazetteer organization with a parent is an error.
 */
export function loadOrganParents(file: string = DEFAULT_PARTIES_FILE, gazetteer: Gazetteer = loadGazetteer()): Map<string, string> {
  return organParents(readParties(file).organs, file, gazetteer);
}

function organParents(organs: readonly string[], file: string, gazetteer: Gazetteer): Map<string, string> {
  const entities = gazetteer.entities;
  const out = new Map<string, string>();
  for (const code of organs) {
    const parent = entities.get(`org:${code}`)?.parent;
    if (!parent) throw new Error(`${file}: entry organs.${code}: not an organization with a parent in data/gazetteer/orgs.yaml`);
    out.set(code, parent);
  }
  return out;
}

/** Loads the event stage's data; `gazetteer` is the one the entity stage already loaded, when at hand. */
export function loadEventResources(opts: { gazetteer?: Gazetteer } = {}): EventResources {
  const parties = readParties(DEFAULT_PARTIES_FILE);
  return {
    triggers: loadTriggers(),
    modeCues: loadModeCues(),
    contextCues: loadContextCues(),
    placeCues: loadPlaceCues(),
    orgParents: organParents(parties.organs, DEFAULT_PARTIES_FILE, opts.gazetteer ?? loadGazetteer()),
    nisbaRules: compileNisbaRules(parties.nisba_parties),
    wordMemo: new Map(),
  };
}

export function eventsStage(res: EventResources): Stage<unknown> {
  return {
    name: 'events',
    needs: ['sentences', 'tokens', 'mentions'],
    adds: ['events'],
    run(doc) {
      return { ...doc, events: extractEvents(doc, res) };
    },
  };
}
