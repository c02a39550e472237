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
const PAST_WITH_TA = new Set(['تم', 'تمت', 'تلقي', 'تلقت', 'تسلم', 'تسلمت', 'تباحث', 'تناول', 'تناولت', 'توجه', 'توجهت', 'ترأس', 'ترأست', 'تراس', 'تراست', 'تحادث', 'توسط', 'تعهد', 'تبادل', 'تفقد']);

/** Cue phrases by their first word, for finding every cue of a clause in one pass. */
export interface ModeIndex {
  cues: readonly ModeCue[];
  byFirst: Map<string, Array<{ cue: number; phrase: string[] }>>;
}

/** Compiles cues for `modeClause` (cheap; once per document or per cue list). */
export function indexModeCues(cues: readonly ModeCue[]): ModeIndex {
  const byFirst: ModeIndex['byFirst'] = new Map();
  cues.forEach((c, cue) => {
    if (c.prefix) return;
    for (const phrase of c.phrases) {
      const list = byFirst.get(phrase[0]);
      if (list) list.push({ cue, phrase });
      else byFirst.set(phrase[0], [{ cue, phrase }]);
    }
  });
  return { cues, byFirst };
}

/** A clause prepared once for the mode cues of any trigger in it. */
export interface ModeClause {
  /** Normalized words (word and number tokens) of the clause. */
  words: string[];
  starts: number[];
  ends: number[];
  /** Every cue phrase occurrence: cue index, position, phrase length (next-imperfect condition already checked). */
  found: Array<{ cue: number; at: number; length: number }>;
  /** Short «...» spans (names of papers, programmes, documents) as character offsets. */
  quoted: Array<[number, number]>;
}

/** A short span in guillemets: a name («لو موند»), whose words are no cues for what is outside it. */
const QUOTED_NAME = /«[^«»\n]{1,60}»/gu;

/** The words of text[clauseStart, clauseEnd) and every cue phrase occurring in them. */
export function modeClause(text: string, clauseStart: number, clauseEnd: number, index: ModeIndex, tokens?: Token[]): ModeClause {
  const toks = (tokens ?? tokenize(text, clauseStart, clauseEnd)).filter(
    (t) => t.start >= clauseStart && t.end <= clauseEnd && (!t.kind || t.kind === 'word' || t.kind === 'number'),
  );
  const words = toks.map((t) => t.norm);
  const found: ModeClause['found'] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const own = index.byFirst.get(w);
    const bare = w[0] === 'و' || w[0] === 'ف' ? index.byFirst.get(w.slice(1)) : undefined;
    for (const list of [own, bare]) {
      if (!list) continue;
      for (const { cue, phrase } of list) {
        let ok = true;
        for (let k = 1; k < phrase.length && ok; k++) ok = words[i + k] === phrase[k];
        if (!ok) continue;
        if (index.cues[cue].nextImperfect) {
          const next = words[i + phrase.length];
          if (!next || !IMPERFECT_LIKE.test(next) || PAST_WITH_TA.has(next)) continue;
        }
        found.push({ cue, at: i, length: phrase.length });
      }
    }
  }
  const quoted: Array<[number, number]> = [];
  for (const m of text.slice(clauseStart, clauseEnd).matchAll(QUOTED_NAME)) quoted.push([clauseStart + m.index, clauseStart + m.index + m[0].length]);
  return { words, starts: toks.map((t) => t.start), ends: toks.map((t) => t.end), found, quoted };
}

/** How many words from the trigger a clause-wide cue may stand. */
const CLAUSE_WORDS = 12;

/** Modes of the trigger at `trigger` in a prepared clause. */
export function modesIn(clause: ModeClause, trigger: Span, index: ModeIndex): ModeResult {
  const { words, starts, ends } = clause;
  const res: ModeResult = { negated: false, future: false, hypothetical: false, cues: [] };
  let first = -1;
  let lastIdx = -1;
  for (let i = 0; i < words.length; i++) {
    if (first < 0 && ends[i] > trigger.start) first = i;
    if (starts[i] < trigger.end) lastIdx = i;
  }
  if (first < 0) return res;
  const fired = new Set<number>();
  index.cues.forEach((c, cue) => {
    // the trigger's first word is its verb; words inside a light verb's span (أجرى الشيخ سالم
    // ... اتصالا) are its arguments, whose names may look prefixed (سالم)
    if (c.prefix && FUTURE_PREFIX.test(words[first])) fired.add(cue);
  });
  // (a cue inside a quoted name the trigger is not in: "كتبت صحيفة «لو موند» أن X اجتمع")
  const outside = clause.quoted.filter(([a, b]) => !(a <= trigger.start && trigger.end <= b));
  for (const { cue, at, length } of clause.found) {
    const c = index.cues[cue];
    if (outside.some(([a, b]) => a <= starts[at] && ends[at] <= b)) continue;
    if (c.clause) {
      // anywhere in the clause, but not in another clause of a long sentence ("عقد الوزيران جلسة
      // مباحثات ...، اتفقا ...، تعقد اجتماعها الأول الشهر المقبل")
      if (at >= first - CLAUSE_WORDS && at <= lastIdx + CLAUSE_WORDS) fired.add(cue);
      continue;
    }
    if (at >= first && at <= lastIdx) continue;
    const before = c.before > 0 && at >= first - c.before - length + 1 && at <= first - length;
    const after = c.after > 0 && at >= lastIdx + 1 && at <= lastIdx + c.after;
    if (before || after) fired.add(cue);
  }
  for (const cue of [...fired].sort((a, b) => a - b)) {
    const c = index.cues[cue];
    if (res.cues.includes(c.id)) continue;
    res.cues.push(c.id);
    if (c.kind === 'negation') res.negated = true;
    else if (c.kind === 'future') res.future = true;
    else res.hypothetical = true;
  }
  return res;
}

/**
 * Modes of the trigger at `trigger` within the clause text[clauseStart, clauseEnd).
 * `tokens` (e.g. doc.tokens) may be passed to avoid tokenizing again. For several triggers of
 * one clause, prepare it once with `modeClause` and call `modesIn`.
 */
export function detectModes(
  text: string,
  clauseStart: number,
  clauseEnd: number,
  trigger: Span,
  cues: ModeCue[] = defaultCues(),
  tokens?: Token[],
): ModeResult {
  const index = indexModeCues(cues);
  return modesIn(modeClause(text, clauseStart, clauseEnd, index, tokens), trigger, index);
}
