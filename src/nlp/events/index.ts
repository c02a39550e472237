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

export { extractEvents, type EventResources } from './extract.ts';
export { loadContextCues, countContexts, pickContexts, type ContextCues } from './contexts.ts';
export { loadPlaceCues, placeRole, type PlaceCues } from './places.ts';

export const DEFAULT_PARTIES_FILE = new URL('../../../data/events/parties.yaml', import.meta.url).pathname;

const PartiesSchema = z.object({ organs: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/)) }).strict();

/**
 * The parent organization of each organ of data/events/parties.yaml (UNSC → UN), from the
 * gazetteer's parent field. An organ that is no gazetteer organization with a parent is an error.
 */
export function loadOrganParents(file: string = DEFAULT_PARTIES_FILE, gazetteer: Gazetteer = loadGazetteer()): Map<string, string> {
  const parsed = PartiesSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new Error(`${file}: entry ${i.path.join('.')}: ${i.message}`);
  }
  const entities = gazetteer.entities;
  const out = new Map<string, string>();
  for (const code of parsed.data.organs) {
    const parent = entities.get(`org:${code}`)?.parent;
    if (!parent) throw new Error(`${file}: entry organs.${code}: not an organization with a parent in data/gazetteer/orgs.yaml`);
    out.set(code, parent);
  }
  return out;
}

/** Loads the event stage's data; `gazetteer` is the one the entity stage already loaded, when at hand. */
export function loadEventResources(opts: { gazetteer?: Gazetteer } = {}): EventResources {
  return {
    triggers: loadTriggers(),
    modeCues: loadModeCues(),
    contextCues: loadContextCues(),
    placeCues: loadPlaceCues(),
    orgParents: loadOrganParents(DEFAULT_PARTIES_FILE, opts.gazetteer),
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
