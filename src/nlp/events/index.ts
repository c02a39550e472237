/** Event extraction stage: triggers + entity mentions → events with evidence and rule ids. */
import type { Stage } from '../pipeline.ts';
import { loadTriggers } from '../triggers/index.ts';
import { loadModeCues } from '../modes/index.ts';
import { loadContextCues } from './contexts.ts';
import { loadPlaceCues } from './places.ts';
import { extractEvents, type EventResources } from './extract.ts';

export { extractEvents, type EventResources } from './extract.ts';
export { loadContextCues, countContexts, pickContexts, type ContextCues } from './contexts.ts';
export { loadPlaceCues, placeRole, type PlaceCues } from './places.ts';

export function loadEventResources(): EventResources {
  return { triggers: loadTriggers(), modeCues: loadModeCues(), contextCues: loadContextCues(), placeCues: loadPlaceCues(), wordMemo: new Map() };
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
