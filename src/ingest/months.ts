import { normalizeArabic } from '../text/normalize.ts';

/**
 * Arabic month names in both systems used in the Arab world: the Latin-derived names of Egypt
 * and the Maghreb (يناير … ديسمبر, with Maghrebi variants such as يوليوز, غشت, شتنبر) and the Syriac
 * names of the Levant and Iraq (كانون الثاني … كانون الأول). Also weekday names, for date lines.
 * Matching goes through normalizeArabic, so hamza/alef, ى/ي and ة/ه variants all match.
 */
const MONTHS: Array<[number, string[]]> = [
  [1, ['يناير', 'كانون الثاني', 'كانون ثاني', 'جانفي', 'ينير']],
  [2, ['فبراير', 'شباط', 'فيفري', 'فبرير']],
  [3, ['مارس', 'آذار', 'اذار']],
  [4, ['أبريل', 'ابريل', 'إبريل', 'نيسان', 'أفريل', 'افريل']],
  [5, ['مايو', 'أيار', 'ماي']],
  [6, ['يونيو', 'يونيه', 'حزيران', 'جوان', 'يونيوز']],
  [7, ['يوليو', 'يوليه', 'تموز', 'جويلية', 'يوليوز']],
  [8, ['أغسطس', 'اغسطس', 'آب', 'أوت', 'غشت']],
  [9, ['سبتمبر', 'أيلول', 'شتنبر']],
  [10, ['أكتوبر', 'اكتوبر', 'تشرين الأول', 'تشرين اول']],
  [11, ['نوفمبر', 'تشرين الثاني', 'تشرين ثاني', 'نونبر']],
  [12, ['ديسمبر', 'كانون الأول', 'كانون اول', 'دجنبر']],
];

const WEEKDAYS = ['الأحد', 'الاثنين', 'الإثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];

function key(s: string): string {
  return normalizeArabic(s).replace(/\s+/g, ' ').trim();
}

function buildMonthTable(): Map<string, number> {
  const table = new Map<string, number>();
  for (const [n, names] of MONTHS) for (const name of names) table.set(key(name), n);
  return table;
}

const MONTH_TABLE: ReadonlyMap<string, number> = buildMonthTable();
const WEEKDAY_SET: ReadonlySet<string> = new Set(WEEKDAYS.flatMap((d) => [key(d), key(d.replace(/^ال/, ''))]));

/** Month number (1–12) of an Arabic month name in either system, or undefined. */
export function monthNumber(word: string): number | undefined {
  const k = key(word);
  const direct = MONTH_TABLE.get(k);
  if (direct !== undefined) return direct;
  // a month with a prefixed preposition: "بديسمبر", "لديسمبر"
  return /^[بل]/.test(k) && k.length > 3 ? MONTH_TABLE.get(k.slice(1)) : undefined;
}

/** True when `word` is an Arabic weekday name (with or without the article). */
export function isWeekday(word: string): boolean {
  return WEEKDAY_SET.has(key(word));
}

/**
 * A regular-expression source matching one month name (either system, one or two words) in
 * ORIGINAL text: letters may carry tashkeel/tatweel, so callers should check the capture with
 * monthNumber(). Two-word names (كانون الثاني) are listed first.
 */
export const MONTH_WORDS_RE = '(?:(?:كانون|تشرين)\\s+(?:ال)?[\\u0621-\\u064A]+|[\\u0621-\\u064A\\u0640\\u064B-\\u065F]{2,8})';
