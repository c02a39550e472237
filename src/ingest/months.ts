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

/** Hijri (lunar) months, with their common spellings. */
const HIJRI_MONTHS: Array<[number, string[]]> = [
  [1, ['محرم', 'المحرم']],
  [2, ['صفر']],
  [3, ['ربيع الأول', 'ربيع الاول', 'ربيع أول']],
  [4, ['ربيع الآخر', 'ربيع الثاني', 'ربيع ثاني', 'ربيع الاخر']],
  [5, ['جمادى الأولى', 'جمادى الأول', 'جمادى الاولى', 'جمادي الأولى']],
  [6, ['جمادى الآخرة', 'جمادى الثانية', 'جمادى الآخر', 'جمادي الآخرة', 'جمادى الاخرة']],
  [7, ['رجب']],
  [8, ['شعبان']],
  [9, ['رمضان']],
  [10, ['شوال']],
  [11, ['ذو القعدة', 'ذي القعدة']],
  [12, ['ذو الحجة', 'ذي الحجة']],
];

const WEEKDAYS = ['الأحد', 'الاثنين', 'الإثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];

function key(s: string): string {
  return normalizeArabic(s).replace(/\s+/g, ' ').trim();
}

function buildMonthTable(months: Array<[number, string[]]>): Map<string, number> {
  const table = new Map<string, number>();
  for (const [n, names] of months) for (const name of names) table.set(key(name), n);
  return table;
}

const MONTH_TABLE: ReadonlyMap<string, number> = buildMonthTable(MONTHS);
const HIJRI_TABLE: ReadonlyMap<string, number> = buildMonthTable(HIJRI_MONTHS);
const WEEKDAY_SET: ReadonlySet<string> = new Set(WEEKDAYS.flatMap((d) => [key(d), key(d.replace(/^ال/, ''))]));

/** Month number (1–12) of an Arabic month name in either system, or undefined. */
export function monthNumber(word: string): number | undefined {
  const k = key(word);
  const direct = MONTH_TABLE.get(k);
  if (direct !== undefined) return direct;
  // a month with a prefixed preposition: "بديسمبر", "لديسمبر"
  return /^[بل]/.test(k) && k.length > 3 ? MONTH_TABLE.get(k.slice(1)) : undefined;
}

/** Month number (1–12) of a Hijri month name, or undefined. */
export function hijriMonthNumber(word: string): number | undefined {
  const k = key(word);
  return HIJRI_TABLE.get(k) ?? (/^[بل]/.test(k) && k.length > 3 ? HIJRI_TABLE.get(k.slice(1)) : undefined);
}

const HIJRI_FORMAT = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });

function hijriParts(t: number): [number, number, number] {
  const parts = HIJRI_FORMAT.formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value.replace(/\D/g, ''));
  return [get('year'), get('month'), get('day')];
}

/**
 * Gregorian ISO date (YYYY-MM-DD) of a Hijri date in the Umm al-Qura calendar (Node's ICU),
 * or undefined when the day does not exist.
 */
export function hijriToIso(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 30) return undefined;
  const DAY = 86_400_000;
  const epoch = Date.UTC(622, 6, 19);
  const estimate = epoch + Math.round((year - 1) * 354.36667 + (month - 1) * 29.5306 + (day - 1)) * DAY;
  for (let k = 0; k <= 40; k++) {
    for (const t of [estimate + k * DAY, estimate - k * DAY]) {
      const [y, m, d] = hijriParts(t);
      if (y === year && m === month && d === day) return new Date(t).toISOString().slice(0, 10);
    }
  }
  return undefined;
}

/** True when `word` is an Arabic weekday name (with or without the article). */
export function isWeekday(word: string): boolean {
  return WEEKDAY_SET.has(key(word));
}

/**
 * A regular-expression source matching one month name (either system, one or two words) in
 * ORIGINAL text (Gregorian, Levantine or Hijri): letters may carry tashkeel/tatweel, so callers
 * should check the capture with monthNumber() / hijriMonthNumber(). Two-word names (كانون الثاني) are listed first.
 */
export const MONTH_WORDS_RE = '(?:(?:كانون|تشرين|ربيع|جمادى|جمادي|ذو|ذي)\\s+(?:ال)?[\\u0621-\\u064A]+|[\\u0621-\\u064A\\u0640\\u064B-\\u065F]{2,8})';

/**
 * The month of a date's month text, which may give both systems' names ("أيار/مايو"): the first
 * part that names a month wins; a Hijri era mark (هـ) skips the Gregorian reading.
 */
export function resolveMonth(month: string, era?: string): { month: number; hijri: boolean } | undefined {
  const hijriEra = era === 'هـ' || era === 'ه';
  for (const part of month.split('/').map((p) => p.trim())) {
    const g = hijriEra ? undefined : monthNumber(part);
    if (g !== undefined) return { month: g, hijri: false };
    const h = hijriMonthNumber(part);
    if (h !== undefined) return { month: h, hijri: true };
  }
  return undefined;
}
