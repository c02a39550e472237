/**
 * Word resources learned from the training data and stored in the model: a vocabulary of
 * non-rare normalized words (to mark rare/unseen words) and an entity lexicon (the entity type a
 * word most often carries). During training the lexicon for each fold of sentences is built
 * from the OTHER folds (jackknifing), so the model learns how far to trust it on unseen text.
 */
import { normalizeArabic } from '../../text/normalize.ts';
import { splitClitics } from './lexicon.ts';
import { EntityMatcher } from './lists.ts';
import { clusterLines, clustersFromLines } from './clusters.ts';

export interface FeatureResources {
  /** Normalized words seen at least twice in training. */
  vocab?: Set<string>;
  /** Normalized word (or `s:`+stem) → entity type it most often carries (PERS, LOC, ...). */
  lex?: Map<string, string>;
  /** Normalized words of person names from a list outside the training data (the `names` features). */
  names?: Set<string>;
  /** Listed entity names (data/ner/entities.tsv; the `lists` features). */
  entities?: EntityMatcher;
  /** Normalized word (or stem) → cluster path induced from unlabelled text (clusters.ts; the `clusters` features). */
  clusters?: Map<string, string>;
}

export interface SerializedResources {
  vocab?: string[];
  lex?: Record<string, string>;
  names?: string[];
  /** `TYPE<TAB>normalized name` lines. */
  entities?: string[];
  /** `word<TAB>cluster path` lines, sorted by word. */
  clusters?: string[];
}

/** Builds the vocabulary and entity lexicon from tagged sentences. */
export function buildResources(sentences: Array<{ tokens: string[]; tags: string[] }>, minVocab = 2): FeatureResources {
  const counts = new Map<string, number>();
  const typeCounts = new Map<string, Map<string, number>>();
  const add = (key: string, type: string) => {
    let m = typeCounts.get(key);
    if (!m) typeCounts.set(key, (m = new Map()));
    m.set(type, (m.get(type) ?? 0) + 1);
  };
  for (const s of sentences) {
    for (let i = 0; i < s.tokens.length; i++) {
      const norm = normalizeArabic(s.tokens[i]);
      counts.set(norm, (counts.get(norm) ?? 0) + 1);
      const type = s.tags[i] === 'O' ? 'O' : s.tags[i].slice(2);
      add(norm, type);
      const { stem } = splitClitics(norm);
      if (stem !== norm) add('s:' + stem, type);
      else add('s:' + norm, type);
    }
  }
  const vocab = new Set<string>();
  for (const [w, c] of counts) if (c >= minVocab) vocab.add(w);
  const lex = new Map<string, string>();
  for (const [key, m] of typeCounts) {
    let total = 0;
    let best = '';
    let bestN = 0;
    for (const [t, n] of m) {
      total += n;
      if (t !== 'O' && (n > bestN || (n === bestN && t < best))) {
        best = t;
        bestN = n;
      }
    }
    if (bestN > 0 && bestN * 2 >= total) lex.set(key, best);
  }
  return { vocab, lex };
}

export function serializeResources(r: FeatureResources): SerializedResources {
  return {
    vocab: r.vocab ? [...r.vocab].sort() : undefined,
    lex: r.lex ? Object.fromEntries([...r.lex].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) : undefined,
    names: r.names ? [...r.names].sort() : undefined,
    entities: r.entities ? r.entities.lines() : undefined,
    clusters: r.clusters ? clusterLines(r.clusters) : undefined,
  };
}

export function deserializeResources(s: SerializedResources | undefined): FeatureResources {
  return {
    vocab: s?.vocab ? new Set(s.vocab) : undefined,
    lex: s?.lex ? new Map(Object.entries(s.lex)) : undefined,
    names: s?.names ? new Set(s.names) : undefined,
    entities: s?.entities ? EntityMatcher.fromLines(s.entities) : undefined,
    clusters: s?.clusters ? clustersFromLines(s.clusters) : undefined,
  };
}
