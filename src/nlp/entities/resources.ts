/**
 * Resources of the entity stage, loaded once: the gazetteer, the NER model, the actor registry,
 * the stage's word lists, and the name-word sets derived from the registry's person names.
 */
import { loadGazetteer, stateWordings, type Gazetteer } from '../gazetteer/index.ts';
import { loadNerModel, type NerModel } from '../ner/index.ts';
import { loadRegistry, withStateTerms, type ActorRegistry } from '../actors/index.ts';
import { words } from '../actors/names.ts';
import { loadEntityWords, type EntityWords } from './words.ts';

export interface NameParts {
  /** Given names (words.yaml + first words of registry person names), normalized. */
  given: Set<string>;
  /** Every word of a registry person name or alias, normalized, a leading ال dropped. */
  registryWords: Set<string>;
  /** Every name word known (given names and registry words), normalized, ال dropped. */
  all: Set<string>;
}

export interface EntityResources {
  gazetteer: Gazetteer;
  ner: NerModel;
  registry: ActorRegistry;
  words: EntityWords;
  names: NameParts;
}

export interface LoadEntityOptions {
  gazetteer?: Gazetteer;
  ner?: NerModel;
  registry?: ActorRegistry;
  words?: EntityWords;
}

/** A word without a leading ال (as the registry's name keys drop it). */
export function stripAl(w: string): string {
  return w.startsWith('ال') && w.length > 4 ? w.slice(2) : w;
}

export function buildNameParts(reg: ActorRegistry, ew: EntityWords): NameParts {
  const given = new Set(ew.givenNames);
  const registryWords = new Set<string>();
  for (const a of reg.actors.values()) {
    if (a.kind !== 'person') continue;
    const names = [a.name, ...(a.aliases ?? []).map((x) => (typeof x === 'string' ? x : x.name))];
    for (const n of names) {
      const ws = words(n);
      if (ws.length >= 2) given.add(ws[0]);
      for (const w of ws) registryWords.add(stripAl(w));
    }
  }
  const all = new Set<string>(registryWords);
  for (const g of given) all.add(stripAl(g));
  return { given, registryWords, all };
}

/** Loads the gazetteer, NER model, registry and word lists (any of them may be passed in). */
export function loadEntityResources(opts: LoadEntityOptions = {}): EntityResources {
  const gazetteer = opts.gazetteer ?? loadGazetteer();
  // newer loadNerModel versions take the gazetteer to share (models trained with gazetteer features)
  const loadNer = loadNerModel as (path?: string, o?: { gazetteer?: Gazetteer }) => NerModel;
  const ner = opts.ner ?? loadNer(undefined, { gazetteer });
  // titles may name any state the gazetteer knows ("الوزير الهندي"), not only the registry's states
  const registry = withStateTerms(opts.registry ?? loadRegistry(), stateWordings(gazetteer));
  const ew = opts.words ?? loadEntityWords();
  return { gazetteer, ner, registry, words: ew, names: buildNameParts(registry, ew) };
}
