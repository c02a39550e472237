/** Event extraction stage: triggers + entity mentions → events with evidence and rule ids. */
import type { Stage } from '../pipeline.ts';
import { loadTriggers } from '../triggers/index.ts';
import { loadGazetteer } from '../gazetteer/index.ts';
import { loadModeCues } from '../modes/index.ts';
import { loadContextCues } from './contexts.ts';
import { loadPlaceCues } from './places.ts';
import { extractEvents, type EventResources } from './extract.ts';

export { extractEvents, type EventResources } from './extract.ts';
export { loadContextCues, countContexts, pickContexts, type ContextCues } from './contexts.ts';
export { loadPlaceCues, placeRole, type PlaceCues } from './places.ts';

/** Parent organization of each organization code that has one (UNSC → UN), from the gazetteer. */
function orgParents(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, e] of loadGazetteer().entities) {
    if (key.startsWith('org:') && e.parent) out.set(key.slice(4), e.parent);
  }
  return out;
}

export function loadEventResources(): EventResources {
  return { triggers: loadTriggers(), modeCues: loadModeCues(), contextCues: loadContextCues(), placeCues: loadPlaceCues(), orgParents: orgParents(), wordMemo: new Map() };
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
