/**
 * Training data for the NER model: ANERcorp (CAMeL Lab train split) and, optionally, AQMAR.
 * The development split is carved deterministically from the END of the ANERcorp train file
 * (contiguous sentences, since ANERcorp sentences come in articles).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanTag, readConll } from './conll.ts';
import type { TaggedSentence } from './model.ts';

export const ANERCORP_FILE = 'ner/anercorp/ANERCorp_CamelLab_train.txt';
export const AQMAR_DIR = 'ner/aqmar';

/** Reads a tagged CoNLL file, cleaning tags to Rasid's IOB2 set. Throws if a sentence is untagged. */
export function readTaggedFile(path: string): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  for (const s of readConll(readFileSync(path, 'utf8'), path)) {
    if (!s.tags) throw new Error(`${path}: a sentence has no tag column`);
    out.push({ tokens: s.tokens, tags: s.tags.map(cleanTag) });
  }
  return out;
}

/** Splits off the last `devFraction` of the sentences (by count) as the development split. */
export function splitTrainDev<T>(sentences: T[], devFraction: number): { train: T[]; dev: T[] } {
  const cut = sentences.length - Math.round(sentences.length * devFraction);
  return { train: sentences.slice(0, cut), dev: sentences.slice(cut) };
}

/**
 * Splits off block `k` of `parts` contiguous blocks (by sentence count) as the development split
 * (the rest, in order, is the training split). Block parts-1 with parts=10 is the default dev.
 */
export function splitBlock<T>(sentences: T[], k: number, parts = 10): { train: T[]; dev: T[] } {
  const lo = Math.round((sentences.length * k) / parts);
  const hi = Math.round((sentences.length * (k + 1)) / parts);
  return { train: [...sentences.slice(0, lo), ...sentences.slice(hi)], dev: sentences.slice(lo, hi) };
}

/** All AQMAR articles (sorted by file name). */
export function readAqmar(sharedDir: string): TaggedSentence[] {
  const dir = join(sharedDir, AQMAR_DIR);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return files.flatMap((f) => readTaggedFile(join(dir, f)));
}
