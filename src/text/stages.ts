/**
 * Pipeline stages of the text core: sentences inside each story, then tokens inside each
 * sentence. Offsets are into `doc.text`.
 */
import type { Doc, Sentence, Span, Token } from '../nlp/doc.ts';
import type { Stage } from '../nlp/pipeline.ts';
import { splitSentences } from './sentences.ts';
import { tokenize } from './tokenize.ts';

/**
 * Adds `sentences`: the sentences of each story (Sentence.story = Story.index). A doc without
 * stories is read as one story (index 0) covering the whole text. Furniture spans
 * (doc.furniture) inside a story are left out: sentences are split in the pieces between them.
 * When stories overlap (a pivot story opening inside its parent), the text from the later
 * story's start belongs to the later story only, so no sentence is listed twice.
 */
export const sentencesStage: Stage<unknown> = {
  name: 'sentences',
  needs: ['stories'],
  adds: ['sentences'],
  run(doc: Doc): Doc {
    const stories = doc.stories.length > 0 ? doc.stories : [{ start: 0, end: doc.text.length, index: 0 }];
    const sentences: Sentence[] = [];
    for (const story of stories) {
      // a headline outside the story's body span is a sentence of the story too (flagged)
      const head = 'headline' in story ? story.headline : undefined;
      if (head && (head.end <= story.start || head.start >= story.end)) {
        sentences.push({ start: head.start, end: head.end, story: story.index, headline: true });
      }
      // a story opening inside this one (a pivot such as وفي سياق آخر) takes over its text
      const later = stories.filter((o) => o !== story && (o.start > story.start || (o.start === story.start && o.index > story.index)) && o.start < story.end);
      const holes = [...doc.furniture, ...later.map((o) => ({ start: o.start, end: story.end }))].sort((a, b) => a.start - b.start);
      for (const piece of withoutSpans(story, holes)) {
        for (const span of splitSentences(doc.text, piece.start, piece.end)) {
          sentences.push({ start: span.start, end: span.end, story: story.index });
        }
      }
    }
    sentences.sort((a, b) => a.start - b.start);
    return { ...doc, sentences };
  },
};

/** The parts of `span` not covered by `holes` (sorted by start). */
export function withoutSpans(span: Span, holes: readonly Span[]): Span[] {
  const out: Span[] = [];
  let from = span.start;
  for (const h of holes) {
    if (h.end <= from) continue;
    if (h.start >= span.end) break;
    if (h.start > from) out.push({ start: from, end: h.start });
    from = Math.max(from, h.end);
  }
  if (from < span.end) out.push({ start: from, end: span.end });
  return out;
}

/** Adds `tokens`: the tokens of every sentence, in text order. */
export const tokensStage: Stage<unknown> = {
  name: 'tokens',
  needs: ['sentences'],
  adds: ['tokens'],
  run(doc: Doc): Doc {
    const tokens: Token[] = [];
    for (const sentence of doc.sentences) {
      for (const token of tokenize(doc.text, sentence.start, sentence.end)) tokens.push(token);
    }
    return { ...doc, tokens };
  },
};

/**
 * Index range [from, to) of the tokens lying inside `span` (tokens sorted by offset, as the
 * tokens stage leaves them): binary search, for sentences, stories or mentions.
 */
export function tokenRange(tokens: readonly Token[], span: Span): [number, number] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid].start < span.start) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < tokens.length && tokens[to].end <= span.end) to++;
  return [lo, to];
}
