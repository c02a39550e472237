/**
 * A headline glued to its own story's dateline on one line, as some dumps and agency feeds write
 * it ("وزير الدولة ... يجتمع مع وزير الخارجية الصوماليالدوحة في 05 يوليو /قنا/ اجتمع ..."): the
 * line is split where the dateline's city begins, even inside a word. Found only where a known
 * city (data/gazetteer/places.tsv), a day and month, and an agency in brackets or slashes (or a known one)
 * follow a short headline-like run of words.
 */
import { phraseKey } from './data.ts';
import { parseDateline } from './dateline.ts';
import { countWords } from './text.ts';

export interface GlueCues {
  /** Normalized city names (phraseKey). */
  places: ReadonlySet<string>;
  /** Normalized known agency names (phraseKey). */
  agencies: ReadonlySet<string>;
}

/** Where a date may begin after a place: "في 05 يوليو", " 5 مايو", "، ١٢ أكتوبر". */
const DATE_AHEAD = /(?:\s*[،,]?\s*(?:في|فى)\s+|\s+)(?=[0-9٠-٩]{1,2}\s*[\p{Script=Arabic}])/gu;

/** Fewest and most words of the headline before the dateline. */
const MIN_HEAD_WORDS = 3;
const MAX_HEAD_WORDS = 20;

/**
 * The offset in `line` where a glued dateline begins, or -1. The words before it must read as a
 * headline: 3–20 words with no sentence end.
 */
export function gluedDatelinePoint(line: string, cues: GlueCues): number {
  for (const m of line.matchAll(DATE_AHEAD)) {
    const before = line.slice(0, m.index);
    const words = countWords(before);
    if (words < MIN_HEAD_WORDS) continue;
    if (words > MAX_HEAD_WORDS + 3) break;
    const at = cityStart(before, cues.places);
    if (at < 0) continue;
    const head = line.slice(0, at);
    if (countWords(head) < MIN_HEAD_WORDS || countWords(head) > MAX_HEAD_WORDS || /[.!?؟…:،,؛]["'»”)]*\s*$/u.test(head) || /[.!?؟…]["'»”)]*\s+\S/u.test(head)) continue;
    const dl = parseDateline(line.slice(at), 0, cues.agencies, cues.places);
    if (dl && dl.start === 0 && dl.place && dl.agency && dl.end < line.length - at) return at;
  }
  return -1;
}

/**
 * Where the known city (one to three words) ending `before` starts: its first word may be glued
 * to the word before it ("الصوماليالدوحة"). Longest city first; -1 when none.
 */
function cityStart(before: string, places: ReadonlySet<string>): number {
  const words = [...before.matchAll(/\p{L}+/gu)];
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const first = words[words.length - n];
    const rest = words.slice(words.length - n + 1).map((w) => w[0]);
    // (the city may take the whole first word, or be glued to the end of the word before)
    for (let j = 0; j + 3 <= first[0].length; j++) {
      if (places.has(phraseKey([first[0].slice(j), ...rest].join(' ')))) return first.index! + j;
    }
  }
  return -1;
}
