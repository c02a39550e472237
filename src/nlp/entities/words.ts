/**
 * Word lists of the entity stage (src/nlp/entities/words.yaml), validated with zod and kept in
 * normalized form. Load once with loadEntityWords() and pass the result around.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { normalizeArabic } from '../../text/normalize.ts';

export const DEFAULT_WORDS_PATH = fileURLToPath(new URL('./words.yaml', import.meta.url));

const WordList = z.array(z.string().min(1));
const WordsSchema = z.object({
  given_names: WordList,
  stop_words: WordList,
  not_names: WordList,
  possessive_titles: WordList,
  place_prepositions: WordList,
  summit_heads: WordList,
  summit_orgs: z.record(z.string().min(1), z.string().min(1)),
  org_heads: WordList,
  person_cues: WordList,
  not_surnames: WordList,
  org_adjectives: z.record(z.string().min(1), z.string().min(1)),
}).strict();

export interface EntityWords {
  givenNames: Set<string>;
  stopWords: Set<string>;
  /** Words never part of a name, whatever the tagger says (برقية after a title). */
  notNames: Set<string>;
  possessiveTitles: Set<string>;
  placePrepositions: Set<string>;
  summitHeads: Set<string>;
  /** Gazetteer nisba id of a group (ARAB) → organization code (ARAB_LEAGUE). */
  summitOrgs: Map<string, string>;
  orgHeads: Set<string>;
  personCues: Set<string>;
  notSurnames: Set<string>;
  /** Normalized adjective (الأممي) → organization code (UN). */
  orgAdjectives: Map<string, string>;
}

export class EntityWordsError extends Error {}

function normSet(ws: string[]): Set<string> {
  return new Set(ws.map((w) => normalizeArabic(w.trim())).filter((w) => w.length > 0));
}

/** Validates parsed word lists; `origin` names the file in errors. */
export function parseEntityWords(data: unknown, origin = 'words.yaml'): EntityWords {
  const r = WordsSchema.safeParse(data);
  if (!r.success) {
    const is = r.error.issues[0];
    throw new EntityWordsError(`${origin}: ${is.path.join('.') || '(top)'}: ${is.message}`);
  }
  return {
    givenNames: normSet(r.data.given_names),
    stopWords: normSet(r.data.stop_words),
    notNames: normSet(r.data.not_names),
    possessiveTitles: normSet(r.data.possessive_titles),
    placePrepositions: normSet(r.data.place_prepositions),
    summitHeads: normSet(r.data.summit_heads),
    summitOrgs: new Map(Object.entries(r.data.summit_orgs)),
    orgHeads: normSet(r.data.org_heads),
    personCues: normSet(r.data.person_cues),
    notSurnames: normSet(r.data.not_surnames),
    orgAdjectives: new Map(Object.entries(r.data.org_adjectives).map(([k, v]) => [normalizeArabic(k), v])),
  };
}

export function loadEntityWords(path: string = DEFAULT_WORDS_PATH): EntityWords {
  let data: unknown;
  try {
    data = parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new EntityWordsError(`${path}: cannot read word lists (${(e as Error).message})`);
  }
  return parseEntityWords(data, path);
}
