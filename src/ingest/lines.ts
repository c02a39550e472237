import { countWords, endsSentence, isArabicLetter, lastSignificant } from './text.ts';
import { gluedDatelinePoint, type GlueCues } from './glued-dateline.ts';

/**
 * Lines of a document and their layout roles, shared by the cleaning and story stages.
 * A line is a span of the original text between line breaks, trimmed of surrounding spaces.
 * Dumps made by concatenating files glue a headline to the last sentence of the previous story
 * ("... (UNICEF).الاتحاد الأوروبي يجدد ..."); such a line is split in two at the glue point.
 */
export interface Line {
  start: number;
  end: number;
  text: string;
  words: number;
  /** True when this line was split off the end of the previous one at a glue point. */
  glued: boolean;
}

/** Longest headline we accept, in words. */
export const MAX_HEADLINE_WORDS = 25;

/**
 * True for a line that reads as body text: it ends a sentence or clause, or it is long, or it has
 * twelve words or more with a comma inside (paragraphs of outlets that drop the final full stop;
 * headlines seldom carry an Arabic comma).
 */
export function isBodyLike(line: Line): boolean {
  if (line.words > 22) return true;
  if (line.words >= 12 && /[،؛]/.test(line.text)) return true;
  if (line.words < 4) return false;
  if (endsSentence(line.text)) return true;
  if ('،:؛,;'.includes(lastSignificant(line.text))) return true;
  // "وبعث X ببرقية مماثلة. (النهاية) ع ب ت / م ع ح": a sentence, then an agency's sign-off codes
  const signed = SIGNED_OFF.exec(line.text);
  return signed !== null && countWords(signed[1]) >= 6;
}

/**
 * A sentence ending before a parenthesized sign-off and its codes ("... مماثلة. (النهاية) ع ب ت");
 * a caption with its credit alone ("... في طرابلس. (المجلس الرئاسي)") has no codes after it.
 */
const SIGNED_OFF = /^(.*[^.][.!?؟])["'»”]?\s*\([^()]{1,20}\)\s*\S[^.!?؟()]{0,30}$/u;

/** True when the line holds more than one sentence (a sentence end followed by more words). */
export function hasInnerSentenceEnd(text: string): boolean {
  return /[.!?؟…]["'»”)]*\s+["'«“(]*\p{L}/u.test(text);
}

/** A line that could be a headline: short enough, one sentence, not ending in a clause mark. */
export function isHeadlineLike(line: Line): boolean {
  if (line.words < 1 || line.words > MAX_HEADLINE_WORDS) return false;
  if (hasInnerSentenceEnd(line.text)) return false;
  return !'،:؛,;'.includes(lastSignificant(line.text));
}

function makeLine(text: string, start: number, end: number, glued: boolean): Line | undefined {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const t = text.slice(start, end);
  return { start, end, text: t, words: countWords(t), glued };
}

/**
 * Where a raw line holds a glued headline: the offset (in the line) of the first letter after
 * sentence-final punctuation with no space, when what follows is a short headline-like tail
 * and the next line is body text. Returns -1 when there is none.
 */
function gluePoint(line: string, nextIsBody: boolean): number {
  if (!nextIsBody) return -1;
  let best = -1;
  // (a wire sign-off may stand between: "... المقبلة. (وال)المنفي يتسلم ...")
  for (const m of line.matchAll(/[.!?؟…]["'»”)]*(?:\s*[(/]\s*\p{L}[\p{L} ]{0,10}?\s*[)/])?(?=\p{L})/gu)) {
    const at = m.index + m[0].length;
    if (!isArabicLetter(line[at])) continue;
    // "أ.ش.أ" and similar abbreviations: the word before the point is a single letter
    const before = /(\p{L}+)[.!?؟…]*["'»”)]*$/u.exec(line.slice(0, at));
    if (before && before[1].length < 2) continue;
    best = at;
  }
  if (best < 0) return -1;
  const head = line.slice(0, best);
  const tail = line.slice(best);
  if (countWords(head) < 3) return -1;
  const words = countWords(tail);
  if (words < 2 || words > 20 || endsSentence(tail) || hasInnerSentenceEnd(tail)) return -1;
  return best;
}

/** Fewest words of a line that may hold a headline glued to a dateline and its body. */
const MIN_GLUED_WORDS = 8;

/** Widest line (in characters) of text we consider hard-wrapped (newswire/e-mail style). */
const MAX_WRAP_WIDTH = 120;

/**
 * Hard-wrapped text (every paragraph broken into lines of about the same width) is detected
 * when at least half of the lines with four or more words reach 75% of the widest line, and the
 * widest is at most MAX_WRAP_WIDTH. Returns the wrap width, or 0 when the text is not wrapped.
 */
function wrapWidth(lines: Line[]): number {
  const lens = lines.filter((l) => l.words >= 4).map((l) => l.text.length);
  if (lens.length < 6) return 0;
  const width = Math.max(...lens);
  if (width > MAX_WRAP_WIDTH) return 0;
  const near = lens.filter((n) => n >= 0.75 * width).length;
  return near / lens.length >= 0.5 ? width : 0;
}

/** Joins the lines of hard-wrapped paragraphs: a wide line that does not end a sentence goes on in the next line. */
function mergeWrapped(text: string, lines: Line[]): Line[] {
  const width = wrapWidth(lines);
  if (!width) return lines;
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    let cur = lines[i];
    while (cur.text !== '' && i + 1 < lines.length && lines[i + 1].text !== '' && !lines[i + 1].glued) {
      const last = cur.text.slice(cur.text.lastIndexOf('\n') + 1);
      if (last.length < 0.75 * width || endsSentence(last)) break;
      i++;
      cur = makeLine(text, cur.start, lines[i].end, false)!;
    }
    out.push(cur);
  }
  return out;
}

/**
 * Splits `text` into lines (blank lines included, with text ''), splitting glued headlines and
 * joining the lines of hard-wrapped paragraphs (a joined line's text then holds line breaks).
 * With `glue`, a headline glued to its story's dateline is split off too (glued-dateline.ts).
 */
export function splitLines(text: string, glue?: GlueCues): Line[] {
  const raw: Line[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    raw.push(makeLine(text, pos, nl, false)!);
    pos = nl + 1;
  }
  const out: Line[] = [];
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i];
    let j = i + 1;
    while (j < raw.length && raw[j].text === '') j++;
    const nextIsBody = j < raw.length && isBodyLike(raw[j]);
    let at = line.text === '' ? -1 : gluePoint(line.text, nextIsBody);
    if (at < 0 && glue && line.words > MIN_GLUED_WORDS) at = gluedDatelinePoint(line.text, glue);
    if (at > 0) {
      out.push(makeLine(text, line.start, line.start + at, false)!);
      out.push(makeLine(text, line.start + at, line.end, true)!);
    } else {
      out.push(line);
    }
  }
  return mergeWrapped(text, out);
}

/** A list item: a line opening with a bullet or an item number. */
export function isListItem(text: string): boolean {
  return /^([-–•*·▪●]|\d{1,2}[.)]|[\u0660-\u0669]{1,2}[.)])\s*\S/.test(text);
}

/**
 * Preference among the short lines of a run for the headline: the document's known title
 * (HTML/JSON Lines metadata) first, then the longest line, with label-like lines (a colon),
 * lines with digits (dates, times) and lines ending in a parenthesis (photo credits) ranked lower.
 */
function headlineScore(line: Line, isTitle: boolean): number {
  if (isTitle) return 1000;
  return line.words - (line.text.includes(':') ? 4 : 0) - (/[0-9٠-٩]/.test(line.text) ? 3 : 0) - (/\)\s*$/.test(line.text) ? 3 : 0);
}

export type LineRole = 'blank' | 'furniture' | 'body' | 'headline' | 'extra';

/**
 * Assigns a layout role to each line, given which lines are already known furniture:
 * - body: paragraphs of story text;
 * - headline: the headline-like line chosen from a run of short lines that precedes body text
 *   (the document's title when it is in the run, else the longest, see headlineScore; a
 *   sub-heading inside a story also gets this role — the story stage tells them apart);
 * - extra: the other short lines of such a run, and short lines after the last body text:
 *   site furniture that no named rule caught (section labels, tags, related links).
 * A line that reads as a sentence (e.g. a headline ending with ".") still counts as a headline
 * when furniture lines (date, byline) separate it from the body that follows. A line of five
 * words or more that opens with a continuation cue is body even without final punctuation.
 */
export interface LayoutHints {
  /** The line is the document's known title (HTML/JSON Lines metadata). */
  isTitle?: (i: number) => boolean;
  /** The line opens with a continuation cue ("وأكد", "من جانبه"): body text, not a headline. */
  opensWithContinuation?: (i: number) => boolean;
  /** The line is only a dateline ("القاهرة - أ ش أ"): the start of a story body. */
  isDatelineOnly?: (i: number) => boolean;
}

export function layout(lines: Line[], isFurniture: (i: number) => boolean, hints: LayoutHints = {}): LineRole[] {
  const isTitle = hints.isTitle ?? (() => false);
  const continues = hints.opensWithContinuation ?? (() => false);
  const datelineOnly = hints.isDatelineOnly ?? (() => false);
  const roles: LineRole[] = lines.map((l, i) =>
    l.text === '' ? 'blank' : isFurniture(i) ? 'furniture' : isBodyLike(l) || (l.words >= 5 && continues(i)) || datelineOnly(i) ? 'body' : 'extra',
  );
  const content = roles.flatMap((r, i) => (r === 'body' || r === 'extra' ? [i] : []));
  // lists inside a body: short lines after a paragraph that ends with ":" or that open with a
  // bullet/number right after body text stay body, up to the next blank line
  for (let k = 1; k < content.length; k++) {
    const i = content[k];
    const prev = content[k - 1];
    if (roles[i] !== 'extra' || roles[prev] !== 'body' || i !== prev + 1) continue;
    if (lastSignificant(lines[prev].text) === ':' || isListItem(lines[i].text)) {
      for (let j = i; j < lines.length && roles[j] === 'extra'; j++) roles[j] = 'body';
    }
  }
  // sentence-like headlines separated from their body by furniture
  for (let k = 0; k < content.length; k++) {
    const i = content[k];
    if (roles[i] !== 'body' || !isHeadlineLike(lines[i])) continue;
    const next = content[k + 1];
    if (next === undefined || roles[next] !== 'body') continue;
    let furnitureBetween = false;
    for (let x = i + 1; x < next; x++) if (roles[x] === 'furniture') furnitureBetween = true;
    const prev = content[k - 1];
    let gapBefore = prev === undefined;
    for (let x = (prev ?? i) + 1; x < i; x++) if (roles[x] === 'blank' || roles[x] === 'furniture') gapBefore = true;
    if (furnitureBetween && gapBefore) roles[i] = 'extra';
  }
  // runs of short lines: the longest one before body text is the headline
  let k = 0;
  while (k < content.length) {
    if (roles[content[k]] !== 'extra') {
      k++;
      continue;
    }
    let e = k;
    while (e + 1 < content.length && roles[content[e + 1]] === 'extra') e++;
    const run = content.slice(k, e + 1);
    if (e + 1 < content.length) {
      let best = -1;
      for (const i of run) if (isHeadlineLike(lines[i]) && (best < 0 || headlineScore(lines[i], isTitle(i)) >= headlineScore(lines[best], isTitle(best)))) best = i;
      if (best >= 0) roles[best] = 'headline';
    } else {
      // trailing short lines: a long unpunctuated last paragraph is still body
      for (const i of run) if (lines[i].words >= 10) roles[i] = 'body';
    }
    k = e + 1;
  }
  return roles;
}
