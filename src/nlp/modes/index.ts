/**
 * Auxiliary modes of a trigger inside its clause: negated (لم يلتق), future or scheduled
 * (سيلتقي، من المقرر أن، غدا), hypothetical (إذا، في حال، قد يلتقي). Cues live in cues.yaml;
 * `cues` in the result are the ids of the cue rules that fired.
 */
import { z } from 'zod';
import type { Span, Token } from '../doc.ts';
import { tokenize } from '../../text/tokenize.ts';
import { normalizeArabic } from '../../text/normalize.ts';
import { loadYamlList, entryError, type LoadedEntry } from '../../ontology/yaml.ts';

export interface ModeResult {
  negated: boolean;
  future: boolean;
  hypothetical: boolean;
  /** Ids of the cue rules that fired (e.g. `neg.lam`, `fut.prefix`). */
  cues: string[];
}

const CueSchema = z
  .object({
    id: z.string().regex(/^(neg|fut|hyp)\.[a-z_]+$/, 'id as neg.x, fut.x or hyp.x'),
    kind: z.enum(['negation', 'future', 'hypothetical']),
    words: z.array(z.string()).min(1).optional(),
    before: z.number().int().min(0).max(20).default(0),
    after: z.number().int().min(0).max(20).default(0),
    clause: z.boolean().default(false),
    next_imperfect: z.boolean().default(false),
    prefix: z.boolean().default(false),
  })
  .strict();

export interface ModeCue {
  id: string;
  kind: 'negation' | 'future' | 'hypothetical';
  /** Normalized phrases, as word lists. */
  phrases: string[][];
  before: number;
  after: number;
  clause: boolean;
  nextImperfect: boolean;
  prefix: boolean;
}

export const DEFAULT_CUES_FILE = new URL('./cues.yaml', import.meta.url).pathname;

export function loadModeCues(file: string = DEFAULT_CUES_FILE): ModeCue[] {
  const shown = file === DEFAULT_CUES_FILE ? 'src/nlp/modes/cues.yaml' : file;
  return loadYamlList(file, CueSchema, shown).map((l) => {
    const c = l.value;
    if (!c.prefix && !c.words) throw entryError(shown, l as LoadedEntry<unknown>, 'words', 'a cue needs words (or prefix: true)');
    return {
      id: c.id,
      kind: c.kind,
      phrases: (c.words ?? []).map((w) => normalizeArabic(w).split(/\s+/)),
      before: c.before,
      after: c.after,
      clause: c.clause,
      nextImperfect: c.next_imperfect,
      prefix: c.prefix,
    };
  });
}

let cached: ModeCue[] | undefined;
const defaultCues = () => (cached ??= loadModeCues());

const FUTURE_PREFIX = /^[وف]?س[يتنا][\u0621-\u064a]{2,}$/;
const IMPERFECT_LIKE = /^[يتن][\u0621-\u064a]{2,}$/;
const PAST_WITH_TA = new Set(['تم', 'تمت', 'تلقي', 'تلقت', 'تسلم', 'تسلمت', 'تباحث', 'تناول', 'تناولت', 'توجه', 'توجهت']);

/**
 * Modes of the trigger at `trigger` within the clause text[clauseStart, clauseEnd).
 * `tokens` (e.g. doc.tokens) may be passed to avoid tokenizing again.
 */
export function detectModes(
  text: string,
  clauseStart: number,
  clauseEnd: number,
  trigger: Span,
  cues: ModeCue[] = defaultCues(),
  tokens?: Token[],
): ModeResult {
  const toks = (tokens ?? tokenize(text, clauseStart, clauseEnd)).filter(
    (t) => t.start >= clauseStart && t.end <= clauseEnd && (!t.kind || t.kind === 'word' || t.kind === 'number'),
  );
  const words = toks.map((t) => t.norm);
  const first = toks.findIndex((t) => t.end > trigger.start);
  const lastIdx = toks.reduce((acc, t, i) => (t.start < trigger.end ? i : acc), -1);
  const res: ModeResult = { negated: false, future: false, hypothetical: false, cues: [] };
  if (first < 0) return res;
  const fire = (c: ModeCue) => {
    if (res.cues.includes(c.id)) return;
    res.cues.push(c.id);
    if (c.kind === 'negation') res.negated = true;
    else if (c.kind === 'future') res.future = true;
    else res.hypothetical = true;
  };
  const matchAt = (phrase: string[], i: number): boolean =>
    phrase.every((w, k) => {
      const t = words[i + k];
      if (t === undefined) return false;
      return t === w || (k === 0 && (t === 'و' + w || t === 'ف' + w));
    });

  for (const c of cues) {
    if (c.prefix) {
      for (let i = first; i <= lastIdx; i++) if (FUTURE_PREFIX.test(words[i])) fire(c);
      continue;
    }
    for (const phrase of c.phrases) {
      const ranges: [number, number][] = [];
      if (c.clause) ranges.push([0, words.length - 1]);
      if (c.before) ranges.push([Math.max(0, first - c.before - phrase.length + 1), first - phrase.length]);
      if (c.after) ranges.push([lastIdx + 1, Math.min(words.length - 1, lastIdx + c.after)]);
      for (const [from, to] of ranges) {
        for (let i = from; i <= to; i++) {
          if (i >= first && i <= lastIdx && !c.clause) continue;
          if (!matchAt(phrase, i)) continue;
          if (c.nextImperfect) {
            const next = words[i + phrase.length];
            if (!next || !IMPERFECT_LIKE.test(next) || PAST_WITH_TA.has(next)) continue;
          }
          fire(c);
        }
      }
    }
  }
  return res;
}
