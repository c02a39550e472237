import type { Doc, Story } from '../nlp/doc.ts';
import type { Stage } from '../nlp/pipeline.ts';
import { type CleanContext, datelineAgencies, defaultIngestData, documentLines, layoutHints, startsWithPhrase } from './clean.ts';
import { type SegmentationCues, phraseKey } from './data.ts';
import { parseDateline } from './dateline.ts';
import { type Line, layout } from './lines.ts';

/**
 * Story segmentation (needs furniture). A document can hold several stories (agency dumps,
 * pages with several items). A new story opens at:
 * - `headline`: a headline-like line followed by body text (also a headline glued to the last
 *   sentence of the previous story) — unless the paragraph after it opens with a continuation
 *   cue ("وفي التفاصيل،") or the line has at most two words, or the document is an HTML page's
 *   main text (one article: its h2/h3 are sub-headings), then it is a sub-heading — except when
 *   the paragraph after it opens with a dateline;
 * - `dateline`: a paragraph that opens with a dateline ("طرابلس 01 ديسمبر 2025 (وال)-");
 * - `pivot:<id>`: a paragraph that opens with a pivot ("وفي سياق آخر،") inside a story; the new
 *   story's `parent` is the story it pivots from;
 * - `start`: body text at the start of the document with no headline before it.
 *
 * Spans: [start, end) is the story body, from its first paragraph (dateline included) to the
 * end of its last paragraph; `headline` is the span of its headline, which lies before `start`
 * (site furniture such as a byline or a date label may lie between the two). Furniture lines
 * before, between and after stories are outside every story; furniture that interrupts a body
 * (e.g. a "read also" line between two paragraphs) stays inside and is listed in doc.furniture.
 */

export type StoriesContext = CleanContext;

const startsWithAny = startsWithPhrase;

function pivotOf(key: string, cues: SegmentationCues): string | undefined {
  for (const p of cues.pivots) if (startsWithAny(key, p.phrases)) return p.id;
  return undefined;
}

export function segmentStories(doc: Doc, cues: SegmentationCues): Story[] {
  // the outlet's own name works as an agency in "طرابلس - <outlet>:" datelines
  const agencies = datelineAgencies(doc, cues);
  const lines = documentLines(doc, cues, agencies);
  const furniture = doc.furniture;
  // furniture lines are marked whole, so a line is furniture when a span starts where it starts
  const furnitureEnd = new Map<number, number>();
  for (const f of furniture) furnitureEnd.set(f.start, Math.max(f.end, furnitureEnd.get(f.start) ?? 0));
  const isFurnitureLine = (l: Line) => (furnitureEnd.get(l.start) ?? -1) >= l.end;
  const roles = layout(lines, (i) => isFurnitureLine(lines[i]), layoutHints(doc, lines, cues));
  const key = (l: Line) => phraseKey(l.text.slice(0, 60));
  // a page's main text (Readability) is one article: its later headings are sub-headings unless
  // a dateline follows (pivots still open stories)
  const singleArticle = doc.meta.format === 'html';

  const stories: Story[] = [];
  let cur: Story | undefined;
  let pendingHeadline: Line | undefined;
  /** A dateline standing alone above a headline ("بيروت في 18 تشرين الأول/أكتوبر 2023"): the next story's. */
  let pendingDateline: Story['dateline'];
  const open = (s: Omit<Story, 'index'>) => {
    cur = { index: stories.length, ...s };
    if (!cur.dateline && pendingDateline) cur.dateline = pendingDateline;
    pendingDateline = undefined;
    stories.push(cur);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const role = roles[i];
    if (role === 'headline') {
      // "الرياض 16 رجب 1444 هـ واس" on a line of its own above the first headline: that story's dateline
      const own = cur ? undefined : parseDateline(line.text, line.start, agencies, cues.places);
      if (own?.place && own.end - line.start >= line.text.trimEnd().length) {
        pendingDateline = own;
        continue;
      }
      let next = i + 1;
      while (next < lines.length && roles[next] !== 'body') next++;
      const nextKey = next < lines.length ? key(lines[next]) : '';
      const nextHasDateline = next < lines.length && parseDateline(lines[next].text, 0, agencies, cues.places) !== undefined;
      const subheading =
        cur && !pendingHeadline && !nextHasDateline && (line.words <= 2 || singleArticle || startsWithAny(nextKey, cues.continuations));
      if (subheading) {
        cur!.end = line.end;
      } else {
        if (cur && cur === stories[stories.length - 1] && cur.dateline && doc.text.slice(cur.dateline.end, cur.end).trim() === '') {
          stories.pop();
          pendingDateline = cur.dateline;
        }
        pendingHeadline = line;
        cur = undefined;
      }
      continue;
    }
    if (role !== 'body') continue;
    const dateline = parseDateline(line.text, line.start, agencies, cues.places);
    const agencyCountry = dateline?.agency ? cues.agencyCountries.get(phraseKey(dateline.agency)) : undefined;
    if (agencyCountry) dateline!.agencyCountry = agencyCountry;
    if (pendingHeadline) {
      open({ start: line.start, end: line.end, headline: { start: pendingHeadline.start, end: pendingHeadline.end }, dateline, rule: 'headline' });
      pendingHeadline = undefined;
      continue;
    }
    const pivot = pivotOf(key(line), cues);
    if (!cur) {
      open({ start: line.start, end: line.end, dateline, rule: dateline ? 'dateline' : 'start' });
    } else if (dateline) {
      open({ start: line.start, end: line.end, dateline, rule: 'dateline' });
    } else if (pivot) {
      const parent = cur.parent ?? cur.index;
      open({ start: line.start, end: line.end, rule: 'pivot:' + pivot, parent });
    } else {
      cur.end = line.end;
    }
  }

  // a sign-off at the end of a story's last line is furniture: end the story before it
  for (const s of stories) {
    for (const f of furniture) {
      if (f.start > s.start && f.start < s.end && f.end >= s.end) {
        let end = f.start;
        while (end > s.start && /\s/.test(doc.text[end - 1])) end--;
        s.end = end;
      }
    }
  }
  for (const s of stories) if (!s.dateline) delete s.dateline;
  return stories;
}

/** Pipeline stage: fills doc.stories (needs doc.furniture from cleanStage). */
export const storiesStage: Stage<StoriesContext | undefined> = {
  name: 'stories',
  needs: ['furniture'],
  adds: ['stories'],
  run(doc, ctx) {
    doc.stories = segmentStories(doc, (ctx?.ingestData ?? defaultIngestData()).segmentation);
    if (doc.stories.length === 0) doc.warnings.push('no story found (no paragraph of body text outside site furniture)');
    return doc;
  },
};
