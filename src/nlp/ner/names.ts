/**
 * Person-name words for the NER `names` features, from Rasid's actor registry
 * (data/actors/*.yaml: `name`, `aliases`, `surname` of `kind: person` entries). The list is
 * stored in the trained model (resources.names), so tagging does not read the registry.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { normalizeArabic } from '../../text/normalize.ts';
import { LOCATION_TRIGGERS, ORG_TRIGGERS, PERSON_TRIGGERS } from './lexicon.ts';

export const DEFAULT_ACTORS_DIR = new URL('../../../data/actors', import.meta.url).pathname;

/** Normalized words (≥ 2 letters, not trigger words) of the registry's person names, sorted. */
export function personNameWords(dir: string = DEFAULT_ACTORS_DIR): string[] {
  const skip = new Set([...PERSON_TRIGGERS, ...LOCATION_TRIGGERS, ...ORG_TRIGGERS, 'ال', 'عبد']);
  const words = new Set<string>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml')).sort()) {
    let doc: unknown;
    try {
      doc = parse(readFileSync(join(dir, f), 'utf8'));
    } catch (err) {
      throw new Error(`${join(dir, f)}: not valid YAML (${(err as Error).message})`);
    }
    const actors = (doc as { actors?: unknown })?.actors;
    if (!Array.isArray(actors)) continue;
    for (const a of actors as Array<Record<string, unknown>>) {
      if (a?.kind !== 'person') continue;
      const names = [a.name, a.surname, ...(Array.isArray(a.aliases) ? a.aliases : [])];
      for (const n of names) {
        if (typeof n !== 'string') continue;
        for (const w of normalizeArabic(n).split(/\s+/)) {
          if (w.length >= 2 && /^[\u0621-\u064a]+$/.test(w) && !skip.has(w)) words.add(w);
        }
      }
    }
  }
  return [...words].sort();
}
