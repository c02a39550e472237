import { dirname } from 'node:path';
import type { Doc, Furniture } from '../nlp/doc.ts';
import type { Stage } from '../nlp/pipeline.ts';
import { type FurnitureRule, type IngestData, type SegmentationCues, loadIngestData, phraseKey } from './data.ts';
import { parseDateline } from './dateline.ts';
import { type LayoutHints, type Line, type LineRole, isBodyLike, layout, splitLines } from './lines.ts';
import { hijriMonthNumber, isWeekday, monthNumber } from './months.ts';
import { endsSentence } from './text.ts';
import { publicationDateInName, publicationDateInText } from './published.ts';
import { codePointClass } from '../text/props.ts';

/**
 * Cleaning stage: marks site furniture as spans of doc.text (the text itself is never changed).
 * General rules (rule ids in parentheses):
 * - phrases from data/ingest/furniture.yaml (`phrase:<id>`): date labels, "latest news",
 *   share/print links, menus, "read also", editorial boxes;
 * - agency sign-offs: a line that is only "(agency)" with dots/dashes, or a known agency in
 *   parentheses after the last sentence of a paragraph (`signoff`); other lines that are only a
 *   short parenthesized text, such as photo credits (`parenthesized-line`);
 * - bylines: a name of at most four words ending with a dash (`byline`);
 * - lines with no Arabic letters: short Latin-only lines such as site names (`latin-line`),
 *   lines with no letters at all (`no-letters`), lines that are only a date/time (`date-line`);
 * - short lines repeated within the document (`repeated-line`) or across documents of the same
 *   outlet/directory (`repeated-across-docs`, from a LineStats pre-pass), unless the line is
 *   directly followed by body text (a headline);
 * - other short lines outside a story body: of a run of short lines before body text all but
 *   the headline, and short lines after the last paragraph (`short-line`).
 */

export interface LineStats {
  /** For each group (outlet or directory): number of documents, and for each short line key the number of documents holding it. */
  groups: Map<string, { docs: number; lines: Map<string, number> }>;
}

export interface CleanContext {
  /** Cross-document line counts for the batch (see buildLineStats). */
  lineStats?: LineStats;
  /** Furniture phrases and segmentation cues; loaded from data/ingest when absent. */
  ingestData?: IngestData;
}

let defaultData: IngestData | undefined;
/** The default ingest data, read once from data/ingest (immutable after loading). */
export function defaultIngestData(): IngestData {
  defaultData ??= loadIngestData();
  return defaultData;
}

/** Agencies for datelines: the known ones and the document's outlet. */
export function datelineAgencies(doc: Doc, cues: SegmentationCues): Set<string> {
  const agencies = new Set(cues.agencies);
  if (doc.meta.outlet) agencies.add(phraseKey(doc.meta.outlet));
  return agencies;
}

/** A document's lines as the cleaning and story stages split them (headlines glued to a dateline included). */
export function documentLines(doc: Doc, cues: SegmentationCues, agencies: ReadonlySet<string> = datelineAgencies(doc, cues)): Line[] {
  return splitLines(doc.text, { places: cues.places, agencies });
}

/** Layout hints shared by the cleaning and story stages (see LayoutHints). */
export function layoutHints(doc: Doc, lines: Line[], cues: SegmentationCues): LayoutHints {
  const titleKey = doc.meta.title ? lineKey(doc.meta.title) : '';
  const agencies = datelineAgencies(doc, cues);
  return {
    isTitle: (i) => titleKey !== '' && lines[i].words <= 30 && lineKey(lines[i].text) === titleKey,
    opensWithContinuation: (i) => startsWithPhrase(phraseKey(lines[i].text.slice(0, 40)), cues.continuations) !== undefined,
    isDatelineOnly: (i) => {
      if (lines[i].words > 12) return false;
      const dl = parseDateline(lines[i].text, 0, agencies, cues.places);
      return dl !== undefined && dl.end >= lines[i].text.replace(/[\s\-–—:،,]+$/, '').length;
    },
  };
}

/** The phrase `key` (normalized) starts with, as whole words, if any. */
export function startsWithPhrase(key: string, phrases: string[]): string | undefined {
  for (const p of phrases) if (key.startsWith(p) && (key.length === p.length || /[\s\p{P}]/u.test(key[p.length]))) return p;
  return undefined;
}

/** Key used to compare lines: normalized, without surrounding punctuation. */
export function lineKey(text: string): string {
  // = phraseKey(text).replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, ''), without the regex scan
  const k = phraseKey(text);
  let a = 0;
  let b = k.length;
  while (a < b) {
    const n = EDGE.at(k, a);
    if (n === 0) break;
    a += n;
  }
  while (b > a) {
    const n = EDGE.before(k, b);
    if (n === 0) break;
    b -= n;
  }
  return a === 0 && b === k.length ? k : k.slice(a, b);
}

/** Spaces, punctuation and symbols: what lineKey trims. */
const EDGE = codePointClass(/^[\s\p{P}\p{S}]$/u);

/** Short lines (at most 12 words, not sentences) are the only ones counted as repeats. */
function isShortLine(line: Line): boolean {
  return line.words > 0 && line.words <= 12 && !isBodyLike(line);
}

/** The group a document's lines are compared within: its outlet, else its directory. */
export function lineGroup(doc: Doc): string {
  if (doc.meta.outlet) return 'outlet:' + phraseKey(doc.meta.outlet);
  const origin = doc.meta.origin.replace(/:\d+$/, '');
  return 'dir:' + (doc.meta.format === 'jsonl' ? origin : dirname(origin));
}

/** Adds one document's short lines to `stats` (for batches read as a stream). */
export function addToLineStats(stats: LineStats, doc: Doc, groupOf: (doc: Doc) => string = lineGroup): void {
  const g = groupOf(doc);
  let group = stats.groups.get(g);
  if (!group) stats.groups.set(g, (group = { docs: 0, lines: new Map() }));
  group.docs++;
  const seen = new Set<string>();
  for (const line of splitLines(doc.text)) {
    if (!isShortLine(line)) continue; // short lines only: long ones are never normalized
    const key = lineKey(line.text);
    if (key && !seen.has(key)) {
      seen.add(key);
      group.lines.set(key, (group.lines.get(key) ?? 0) + 1);
    }
  }
}

/** Pre-pass over a batch: counts, per group, in how many documents each short line occurs. */
export function buildLineStats(docs: Iterable<Doc>, groupOf: (doc: Doc) => string = lineGroup): LineStats {
  const stats: LineStats = { groups: new Map() };
  for (const doc of docs) addToLineStats(stats, doc, groupOf);
  return stats;
}

const DATE_WORD = /^(\d{1,4}([:\/.\-]\d{1,4}){0,3}|[ap]m|ص|م|مساء|صباحا|هـ|ه|الساعة|GMT|UTC|بتوقيت)$/i;

/** True when every word of the line is part of a date or time, and there is a digit. */
function isDateLine(text: string): boolean {
  const norm = phraseKey(text)
    .replace(/[،,|•\-–—()]/g, ' ')
    .replace(/(\p{L})\/(\p{L})/gu, '$1 $2'); // "أيار/مايو"
  if (!/\d/.test(norm)) return false;
  const month = (w: string) => monthNumber(w) !== undefined || hijriMonthNumber(w) !== undefined;
  const words = norm.split(/\s+/).filter(Boolean);
  // two-word month names ("كانون الثاني", "ذو الحجة") are checked as pairs
  for (let i = 0; i < words.length; i++) {
    if (i + 1 < words.length && month(words[i] + ' ' + words[i + 1])) words.splice(i, 2, 'x1');
  }
  return words.length <= 8 && words.every((w) => w === 'x1' || DATE_WORD.test(w) || month(w) || isWeekday(w) || (/^\d/.test(w) && month(w.replace(/^\d+/, ''))));
}

function restIsDate(rest: string): boolean {
  const r = lineKey(rest);
  return r === '' || isDateLine(r);
}

function matchPhraseRule(rule: FurnitureRule, key: string, line: Line): boolean {
  if (rule.match === 'line') return rule.phrases.includes(key);
  if (line.words > rule.maxWords) return false;
  if (!rule.allowSentence && endsSentence(line.text) && rule.match !== 'block') return false;
  for (const p of rule.phrases) {
    if (!key.startsWith(p)) continue;
    const rest = key.slice(p.length);
    if (rest !== '' && !/^[\s\p{P}\p{S}]/u.test(rest)) continue; // whole words only
    if (rule.rest === 'date' && !restIsDate(rest)) continue;
    return true;
  }
  return false;
}

const SIGNOFF_LINE = /^[\s.…\-–—_*]*\(\s*([^()]{1,30}?)\s*\)[\s.…\-–—_*]*$/;

/**
 * Teasers of other articles (related/most-read lists scraped with the page): a headline followed
 * by a single short paragraph cut off with an ellipsis, with no more body text after it. Both
 * lines are furniture (`teaser`). A real story does not end its only paragraph with "...".
 */
function markTeasers(lines: Line[], roles: LineRole[], rule: Array<string | undefined>): void {
  const content = roles.flatMap((r, i) => (r === 'body' || r === 'headline' ? [i] : []));
  for (let k = 1; k < content.length; k++) {
    const b = content[k];
    const h = content[k - 1];
    if (roles[b] !== 'body' || roles[h] !== 'headline' || lines[b].words > 40) continue;
    if (!/(\.\.\.|…)["'»”)]*$/.test(lines[b].text)) continue;
    const next = content[k + 1];
    if (next !== undefined && roles[next] === 'body') continue;
    rule[h] = 'teaser';
    rule[b] = 'teaser';
  }
}

/** Computes the furniture spans of a document (sorted by offset). */
export function markFurniture(doc: Doc, ctx: CleanContext = {}): Furniture[] {
  const data = ctx.ingestData ?? defaultIngestData();
  const lines = documentLines(doc, data.segmentation);
  const rule: Array<string | undefined> = new Array(lines.length);
  const extra: Furniture[] = [];
  // only lines of at most 30 words can be furniture phrases or repeats: don't normalize long ones
  const keys = lines.map((l) => (l.text && l.words <= 30 ? lineKey(l.text) : ''));
  const agencies = new Set(data.segmentation.agencies);

  const nextNonBlank = (i: number) => {
    let j = i + 1;
    while (j < lines.length && lines[j].text === '') j++;
    return j < lines.length ? j : -1;
  };
  const followedByBody = (i: number) => {
    const j = nextNonBlank(i);
    return j >= 0 && isBodyLike(lines[j]);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.text === '' || rule[i]) continue;
    const key = keys[i];
    for (const r of key ? data.furniture : []) {
      if (!matchPhraseRule(r, key, line)) continue;
      rule[i] = 'phrase:' + r.id;
      if (r.match === 'block') {
        // the box goes on over short lines up to a blank line, but never takes a headline (a line followed by body)
        for (let j = i + 1; j < lines.length && lines[j].text !== '' && !isBodyLike(lines[j]) && !followedByBody(j); j++) rule[j] = rule[i];
      }
      break;
    }
    if (rule[i]) continue;
    const signoff = SIGNOFF_LINE.exec(line.text);
    if (signoff && signoff[1].split(/\s+/).length <= 4) {
      // "(وال)" / "...(وال ) ..." sign-offs; other parenthesized-only lines are captions, credits
      rule[i] = agencies.has(phraseKey(signoff[1])) || line.words <= 1 ? 'signoff' : 'parenthesized-line';
      continue;
    }
    const tail = /\)[\s.…\-–—]*$/.test(line.text) ? /(?:[.!?؟…]["'»”]?|\s)\s*(\(\s*([^()]{1,20}?)\s*\)[\s.…\-–—]*)$/.exec(line.text) : null;
    if (tail && agencies.has(phraseKey(tail[2]))) {
      const start = line.start + tail.index + tail[0].indexOf('(');
      extra.push({ start, end: line.end, rule: 'signoff' });
    }
    if (line.words <= 4 && /[-–—]$/.test(line.text) && !/\d/.test(line.text)) {
      rule[i] = 'byline';
      continue;
    }
    if (!/[\u0621-\u064A]/.test(line.text)) {
      if (!/\p{L}/u.test(line.text)) rule[i] = 'no-letters';
      else if (line.words <= 8) rule[i] = 'latin-line';
      if (rule[i]) continue;
    }
    if (line.words <= 8 && isDateLine(line.text)) rule[i] = 'date-line';
  }

  // repeated short lines, within the document and across the batch
  const counts = new Map<string, number>();
  lines.forEach((l, i) => {
    if (isShortLine(l) && keys[i]) counts.set(keys[i], (counts.get(keys[i]) ?? 0) + 1);
  });
  const group = ctx.lineStats?.groups.get(lineGroup(doc));
  const hints = layoutHints(doc, lines, data.segmentation);
  for (let i = 0; i < lines.length; i++) {
    // a dateline repeated over a dump's stories ("الرياض 16 رجب 1444 هـ واس") is each story's, not furniture
    if (rule[i] || !isShortLine(lines[i]) || !keys[i] || followedByBody(i) || hints.isDatelineOnly?.(i)) continue;
    if ((counts.get(keys[i]) ?? 0) >= 2) rule[i] = 'repeated-line';
    else if (group && group.docs >= 2 && (group.lines.get(keys[i]) ?? 0) >= 2) rule[i] = 'repeated-across-docs';
  }

  // other short lines outside story bodies
  const roles = layout(lines, (i) => rule[i] !== undefined, hints);
  roles.forEach((r, i) => {
    if (r === 'extra') rule[i] = 'short-line';
  });
  markTeasers(lines, roles, rule);

  const out: Furniture[] = [...extra];
  lines.forEach((l, i) => {
    if (rule[i]) out.push({ start: l.start, end: l.end, rule: rule[i]! });
  });
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Pipeline stage: fills doc.furniture. Context: CleanContext (LineStats for the batch). */
/** Marks site furniture; fills `meta.published` from a date line when the reader found none. */
export const cleanStage: Stage<CleanContext | undefined> = {
  name: 'clean',
  needs: ['text'],
  adds: ['furniture'],
  run(doc, ctx) {
    doc.furniture = markFurniture(doc, ctx ?? {});
    // a text without metadata often prints its publication date under the headline
    if (!doc.meta.published) {
      // else the date a file's name gives
      const published = publicationDateInText(doc.text) ?? (doc.meta.format !== 'jsonl' ? publicationDateInName(doc.meta.origin) : undefined);
      if (published) doc.meta.published = published;
    }
    return doc;
  },
};
