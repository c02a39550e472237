/**
 * PLOVER contexts from cue words (data/events/contexts.yaml): a context applies to an event when
 * its cues occur in the event's sentences, or at least twice in its story.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Token } from '../doc.ts';
import { normalizeArabic } from '../../text/normalize.ts';

const CueSchema = z.array(
  z
    .object({
      id: z.string().regex(/^ctx\.[a-z_]+$/),
      context: z.string().regex(/^[a-z_]+$/),
      words: z.array(z.string().min(1)).min(1),
    })
    .strict(),
);

/** The context of phrases whose cue words say nothing of the topic (a ministry's name). */
export const NO_CONTEXT = 'none';

export interface ContextCues {
  /** First word of a cue phrase → the phrases starting with it (normalized words) and their context. */
  byFirst: Map<string, Array<{ words: string[]; context: string; id: string }>>;
}

export const DEFAULT_CONTEXTS_FILE = new URL('../../../data/events/contexts.yaml', import.meta.url).pathname;

export function loadContextCues(file: string = DEFAULT_CONTEXTS_FILE): ContextCues {
  const parsed = CueSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new Error(`${file}: entry ${i.path.join('.')}: ${i.message}`);
  }
  const byFirst: ContextCues['byFirst'] = new Map();
  for (const entry of parsed.data) {
    for (const w of entry.words) {
      const words = normalizeArabic(w).split(/\s+/).map(bare);
      const list = byFirst.get(words[0]) ?? [];
      list.push({ words, context: entry.context, id: entry.id });
      byFirst.set(words[0], list);
    }
  }
  return { byFirst };
}

/** A word without the conjunction, preposition and article clitics (for cue comparison). */
export function bare(word: string): string {
  let w = word;
  if (w.length > 3 && (w[0] === 'و' || w[0] === 'ف')) w = w.slice(1);
  if (w.length > 3 && (w[0] === 'ب' || w[0] === 'ل' || w[0] === 'ك') && w[1] === 'ا' && w[2] === 'ل') w = w.slice(1);
  if (w.startsWith('لل') && w.length > 4) w = 'ال' + w.slice(2);
  if (w.startsWith('ال') && w.length > 4) w = w.slice(2);
  return w;
}

/** The words countContexts compares: each token's normalized form without its clitics. */
export function contextWords(tokens: readonly Token[]): string[] {
  return tokens.map((t) => bare(t.norm));
}

/** Counts of each context's cues in the tokens. */
export function countContexts(tokens: readonly Token[], cues: ContextCues): Map<string, number> {
  return countContextWords(contextWords(tokens), cues);
}

/** countContexts over words already made by contextWords. */
export function countContextWords(words: readonly string[], cues: ContextCues): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    const list = cues.byFirst.get(words[i]);
    if (!list) continue;
    const hits = list.filter((c) => c.words.every((w, k) => words[i + k] === w));
    // a phrase of context "none" ("وزير الخارجية والهجرة") hides the cues inside it
    const none = hits.find((c) => c.context === NO_CONTEXT);
    if (none) {
      i += none.words.length - 1;
      continue;
    }
    for (const c of hits) counts.set(c.context, (counts.get(c.context) ?? 0) + 1);
  }
  return counts;
}

/**
 * Contexts of an event (at most three): the contexts cued in its own sentences (most cues first),
 * then the context its act carries by itself (`own`, data/ontology/actions.yaml: a meeting is
 * diplomatic), then contexts cued at least twice in its story; `fallback` when none.
 */
export function pickContexts(local: Map<string, number>, story: Map<string, number>, own: string | null = null, fallback = 'diplomatic'): string[] {
  const weight = (c: string) => (local.get(c) ?? 0) * 3 + (story.get(c) ?? 0);
  const byWeight = (a: string, b: string) => weight(b) - weight(a);
  const out = [...local.keys()].sort(byWeight);
  if (own && !out.includes(own)) out.push(own);
  out.push(...[...story].filter(([c, n]) => n >= 2 && !out.includes(c)).map(([c]) => c).sort(byWeight));
  if (out.length === 0) out.push(fallback);
  return out.slice(0, 3);
}
