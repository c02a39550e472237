/**
 * When an event happened: the date nearest its trigger in its sentences, else its story's lede,
 * dateline or publication day, each against the story's reference date (src/nlp/dates).
 */
import type { Doc, Sentence, Story } from '../doc.ts';
import type { TriggerHit } from '../triggers/index.ts';
import { referenceDate } from '../dates/index.ts';
import { datesOf, type DocCache } from './cache.ts';

/** Acts that are themselves the agreement (AGREE by nature, not a meeting announced for later). */
const AGREEMENT_ACTS = new Set(['agree', 'invite']);

/** What dating an event reads of its reports: their sentences and triggers, in order, and its mode. */
export interface DatedReport {
  candidates: ReadonlyArray<{ sentence: Sentence; hit: TriggerHit }>;
  action: string;
  future: boolean;
  negated: boolean;
}

/**
 * The reference date of a story: its dateline's date, else the publication date, else the last
 * dated dateline of an earlier story of the document (a bulletin's "وفي سياق آخر" stories).
 */
export function storyRef(doc: Doc, story: Story): { published?: string; dateline?: string } {
  if (story.dateline?.date || doc.meta.published) return { published: doc.meta.published, dateline: story.dateline?.date };
  let dateline: string | undefined;
  for (const s of doc.stories) if (s.index < story.index && s.dateline?.date) dateline = s.dateline.date;
  return { dateline };
}

/** How many body sentences at the start of a story are its lede (their date is the story's). */
const LEDE_SENTENCES = 2;

/**
 * When: the date expression nearest the trigger in the event's sentences; when they have none,
 * the day the story's lede gives ("أمس"), else the story's dateline date. Only day dates count.
 */
export function dateOf(doc: Doc, story: Story, d: DatedReport, cache: DocCache): { date: string | null; rule: string | null } {
  const ref = storyRef(doc, story);
  // an agreement or invitation about later things is made now: its later dates are its content
  const madeNow = AGREEMENT_ACTS.has(d.action);
  const day = madeNow ? referenceDate(ref)?.toISOString().slice(0, 10) : undefined;
  let dated = false;
  for (const c of d.candidates) {
    // a definite noun that joined the report ("ونتائج الاجتماع الذي عقد الأسبوع الماضي") does not date it
    if (c !== d.candidates[0] && c.hit.nominal && c.hit.prefix.includes('ال')) continue;
    let all = datesOf(cache, doc, c.sentence, ref);
    if (madeNow) all = all.filter((x) => x.value && x.precision === 'day' && (!day || x.value <= day));
    // a vague date (a month, "الأسبوع الماضي") keeps the day unknown only in the first report
    dated ||= c === d.candidates[0] && all.length > 0;
    const dates = all.filter((x) => x.value && x.precision === 'day');
    if (dates.length) return { date: dates.sort((a, b) => Math.abs(a.start - c.hit.start) - Math.abs(b.start - c.hit.start))[0].value!, rule: null };
  }
  // an announced or denied happening is not dated by what the lede reports
  if (!dated && (!d.future || madeNow) && !d.negated) {
    const lede = doc.sentences.filter((x) => x.story === story.index && !x.headline && !(story.headline && x.start >= story.headline.start && x.end <= story.headline.end + 1)).slice(0, LEDE_SENTENCES);
    for (const x of lede) {
      const day = datesOf(cache, doc, x, ref).find((m) => m.value && m.precision === 'day');
      if (day) return { date: day.value!, rule: 'date.story_lede' };
    }
  }
  const own = story.dateline?.date ?? null;
  if (own) return { date: own, rule: 'date.dateline' };
  // a report with no date of its own in an article dated to the day: the day of the article
  const published = ref.published?.slice(0, 10);
  if (!dated && !d.future && !d.negated && published && /^\d{4}-\d{2}-\d{2}$/.test(published)) return { date: published, rule: 'date.published' };
  return { date: null, rule: null };
}
