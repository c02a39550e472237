import type { Dateline } from '../nlp/doc.ts';
import { phraseKey } from './data.ts';
import { MONTH_WORDS_RE, hijriMonthNumber, hijriToIso, isWeekday, monthNumber, resolveMonth } from './months.ts';

/**
 * Datelines at the start of a story's first paragraph, in the forms agencies use:
 *   "طرابلس 01 ديسمبر 2025 (وال)-", "القاهرة في 3 أيار/مايو 2024 (أ ش أ) -", "طرابلس (وال) -",
 *   "أبوظبي في 5 يناير / وام / ...", "الرياض 12 ربيع الأول 1445 هـ الموافق 27 سبتمبر 2023 م واس ...",
 *   "بنغازي - وال:", "دمشق-سانا ...", "(وال) -".
 * A dateline is a place (one to three words) followed by a date and/or an agency, then a dash, a
 * colon, or (after a known agency) just a space. An agency in parentheses or slashes may be any
 * short name when a date precedes it; otherwise, and always when it stands bare, it must be a
 * known agency (data/ingest/segmentation.yaml, plus the document's outlet). Dates may be
 * Gregorian (either month system) or Hijri ("15 رمضان 1447 هـ", converted with Umm al-Qura);
 * with "الموافق" the Gregorian date is kept.
 */

const AR_WORD = '[\\p{Script=Arabic}]+';
const DIGITS = '[0-9٠-٩۰-۹]';
const dateSrc = (month: string) => `(${DIGITS}{1,2})\\s*(${month})\\s*[،,]?\\s*(${DIGITS}{4})?(?:\\s*(هـ|ه|م)(?!\\p{L}))?`;
// "3 أيار/مايو 2024": two names of the month; tried before the single name
const DATE_SRC = dateSrc(MONTH_WORDS_RE);
const DOUBLE_DATE_SRC = dateSrc(`${MONTH_WORDS_RE}\\s*/\\s*${MONTH_WORDS_RE}`);
const RE = {
  place: new RegExp(`\\s*(${AR_WORD}(?: ${AR_WORD}){0,2})`, 'uy'),
  comma: /\s*[،,]?\s*(?:(?:في|فى)\s+)?/uy,
  // after a place: "القاهرة، في", "بورتسودان: الثلاثاء 17 سبتمبر 2024" (a colon, a weekday before the date)
  placeComma: /\s*[،,:]?\s*(?:(?:في|فى)\s+)?(?:(?:يوم\s+)?(?:ال)?(?:أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|سبت)\s*[،,]?\s+)?/uy,
  date: new RegExp(`\\s*${DATE_SRC}`, 'uy'),
  // "بورتسودان ٢٠-٨-٢٠٢٤ (سونا)": day, month and year in digits
  numericDate: new RegExp(`\\s*(${DIGITS}{1,2})\\s*([-/.])\\s*(${DIGITS}{1,2})\\s*\\2\\s*(${DIGITS}{4})(?!${DIGITS})`, 'uy'),
  doubleDate: new RegExp(`\\s*${DOUBLE_DATE_SRC}`, 'uy'),
  corresponding: new RegExp(`\\s*[،,]?\\s*الموافق\\s*(?:ل\\s*)?${DATE_SRC}`, 'uy'),
  paren: /\s*\(\s*([^()\n]{1,25}?)\s*\)/uy,
  slash: /\s*\/\s*([^/\n]{1,25}?)\s*\//uy,
  dashAgency: /\s*[-–—]\s*([^\s:()\-–—/]+(?: [^\s:()\-–—/]+){0,3})/uy,
  bare: /\s*([\p{Script=Arabic}]+(?: [\p{Script=Arabic}]+){0,3})/uy,
  sep: /\s*[-–—:]/uy,
  slashLine: /\s*\/\s*([^/\n\d]{2,30}?(?:\s*\/\s*[^/\n\d]{2,30}?){0,2})\s*$/uy,
  dash: /\s*[-–—]\s/uy,
};

/**
 * What every dateline form needs near its start: up to three place words, an optional comma or
 * في, then a date's digit, a bracket, a slash or a dash. Text without it has no dateline (a fast
 * test before the forms).
 */
const GATE = /^\s*(?:[\p{Script=Arabic}]+(?: [\p{Script=Arabic}]+){0,2})?\s*[،,:]?\s*(?:(?:في|فى)\s+)?(?:(?:يوم\s+)?(?:ال)?(?:أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|سبت)\s*[،,]?\s+)?\s*[-–—(/0-9٠-٩۰-۹]/u;

/** Words that open date lines and sentences, never a dateline's place. */
const NOT_PLACE = new Set(['اليوم', 'امس', 'غدا', 'في', 'منذ', 'حتى', 'بتاريخ', 'تاريخ', 'صباح', 'مساء', 'يوم', 'قال', 'اكد'].map(phraseKey));

interface Cursor {
  text: string;
  pos: number;
}

function take(c: Cursor, re: RegExp): RegExpExecArray | undefined {
  re.lastIndex = c.pos;
  const m = re.exec(c.text);
  if (!m) return undefined;
  c.pos = re.lastIndex;
  return m;
}

function toAscii(digits: string): string {
  return digits.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/** True when one of the month names (split at "/") is a Gregorian/Levantine or Hijri month. */
function knownMonth(month: string): boolean {
  return month.split('/').some((p) => monthNumber(p.trim()) !== undefined || hijriMonthNumber(p.trim()) !== undefined);
}

/** ISO date of a dateline date; Hijri dates (a Hijri month, or a year marked هـ) are converted (Umm al-Qura). */
function isoDate(day: string, month: string, year: string | undefined, era: string | undefined): string | undefined {
  if (!year) return undefined;
  const d = Number(toAscii(day));
  const y = Number(toAscii(year));
  const m = /^\d{1,2}$/.test(month) ? { month: Number(month), hijri: false } : resolveMonth(month, era);
  if (m === undefined || d < 1 || d > 31) return undefined;
  if (m.hijri) return hijriToIso(y, m.month, d);
  return `${y}-${String(m.month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function cleanAgency(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

interface DateParts {
  day: string;
  month: string;
  year?: string;
  era?: string;
}

function parseDate(m: RegExpExecArray | undefined): DateParts | undefined {
  if (!m || !m[2].split('/').every((part) => knownMonth(part))) return undefined;
  return { day: m[1], month: m[2], year: m[3], era: m[4] };
}

/** A date at the cursor: two month names ("أيار/مايو") or one. */
function takeDate(c: Cursor): DateParts | undefined {
  const start = c.pos;
  const double = parseDate(take(c, RE.doubleDate));
  if (double) return double;
  c.pos = start;
  const single = parseDate(take(c, RE.date));
  if (single) return single;
  c.pos = start;
  const n = take(c, RE.numericDate);
  const month = n ? Number(toAscii(n[3])) : 0;
  if (n && month >= 1 && month <= 12) return { day: n[1], month: String(month), year: n[4] };
  c.pos = start;
  return undefined;
}

/**
 * Matches `re` (its group 1: up to four words) and keeps the longest leading run of words that is
 * a known agency, then an optional separator; the cursor moves past them. Undefined when none.
 */
function takeKnown(c: Cursor, re: RegExp, known: (a: string) => boolean): string | undefined {
  const m = take(c, re);
  if (!m) return undefined;
  const words = m[1].split(' ');
  for (let n = words.length; n >= 1; n--) {
    const name = words.slice(0, n).join(' ');
    if (!known(name)) continue;
    c.pos = m.index + m[0].length - m[1].length + name.length;
    const end = c.pos;
    if (!take(c, RE.sep)) c.pos = end;
    return name;
  }
  return undefined;
}

/** Tries the dateline forms after a place of `placeWords` words (0: no place). */
function tryForm(text: string, placeWords: number, known: (a: string) => boolean, places: ReadonlySet<string>): (Omit<Dateline, 'start' | 'end'> & { length: number }) | undefined {
  const c: Cursor = { text, pos: 0 };
  let place: string | undefined;
  if (placeWords > 0) {
    const p = take(c, RE.place);
    if (!p) return undefined;
    const words = p[1].split(' ');
    if (words.length < placeWords) return undefined;
    place = words.slice(0, placeWords).join(' ');
    if (words.slice(0, placeWords).some((w) => isWeekday(w) || NOT_PLACE.has(phraseKey(w)))) return undefined;
    c.pos = p.index + p[0].length - p[1].length + place.length;
  }
  // "place - agency:" / "دمشق-سانا"
  if (place) {
    const save = c.pos;
    const name = takeKnown(c, RE.dashAgency, known);
    if (name) return { place, agency: name, length: c.pos };
    c.pos = save;
    if (places.has(phraseKey(place))) {
      // "بغداد/ الرافدين الجديد", "أنقرة/ مراسل/ الأناضول": a known city, then the outlet (and a reporter) after slashes, on a line of its own
      const slashed = take(c, RE.slashLine);
      if (slashed) return { place, agency: cleanAgency(slashed[1].split('/').pop()!), length: c.pos };
      // "الرباط - أجرى ...", "نواكشوط (خاص) - استقبل ...": a known city, a dash, no agency or date
      const paren = take(c, RE.paren);
      if (!paren || paren[1].trim().split(/\s+/).length <= 2) {
        if (take(c, RE.dash)) return { place, length: c.pos };
      }
      c.pos = save;
    }
  }
  take(c, place ? RE.placeComma : RE.comma);
  let date = takeDate(c);
  if (date) {
    const save = c.pos;
    const second = parseDate(take(c, RE.corresponding));
    if (second) date = second;
    else c.pos = save;
  }
  let agency: string | undefined;
  const save = c.pos;
  const bracketed = take(c, RE.paren) ?? take(c, RE.slash);
  if (bracketed && bracketed[1].trim().split(/\s+/).length <= 4 && !/\d/.test(bracketed[1]) && (date || known(bracketed[1]))) {
    agency = bracketed[1];
    const end = c.pos;
    if (!take(c, RE.sep)) c.pos = end; // "/ وام / استقبل": no dash needed after a bracketed agency
    else return finish(place, date, agency, c.pos);
    return placeWords > 0 || date ? finish(place, date, agency, c.pos) : undefined;
  }
  c.pos = save;
  if (date) {
    const name = takeKnown(c, RE.bare, known);
    if (name) return finish(place, date, name, c.pos);
    c.pos = save;
    if (take(c, RE.sep)) return finish(place, date, undefined, c.pos);
    // "بورتسودان: الثلاثاء 17 سبتمبر 2024" on a line of its own, above the body
    if (place && places.has(phraseKey(place)) && /^\s*$/u.test(text.slice(c.pos))) return finish(place, date, undefined, text.length);
  }
  return undefined;
}

function finish(place: string | undefined, date: DateParts | undefined, agency: string | undefined, length: number) {
  return {
    place,
    date: date ? isoDate(date.day, date.month, date.year, date.era) : undefined,
    agency: agency ? cleanAgency(agency) : undefined,
    length,
  };
}

/**
 * Parses a dateline at the start of `text` (a paragraph). `offset` is added to the span so it
 * refers to the document. `agencies` are normalized known agency names; `places` normalized city
 * names, which open a dateline with a dash alone ("الرباط - ").
 */
export function parseDateline(text: string, offset: number, agencies: ReadonlySet<string>, places: ReadonlySet<string> = new Set()): Dateline | undefined {
  const head = text.slice(0, 200);
  if (!GATE.test(head)) return undefined;
  const known = (a: string) => agencies.has(phraseKey(a));
  for (const words of [1, 2, 3, 0]) {
    const r = tryForm(head, words, known, places);
    if (!r) continue;
    const lead = head.length - head.trimStart().length;
    const dl: Dateline = { start: offset + lead, end: offset + r.length };
    if (r.place) dl.place = r.place;
    if (r.date) dl.date = r.date;
    if (r.agency) dl.agency = r.agency;
    return dl;
  }
  return undefined;
}
