/**
 * The publication date of a text document that carries no metadata, from a date line near its
 * top, as dumps and copied pages print them: "نشر بتاريخ: 12/03/2026 - 14:20", "الخميس 04 يوليوز
 * 2024 - 16:05", "بورتسودان: الثلاثاء 17 سبتمبر 2024", "١٢ حزيران/يونيو ٢٠٢٥", "الخميس 15 كانون
 * الثاني/يناير 2026 - 26 رجب 1447 هـ" (the Gregorian date wins; a Hijri date alone is converted).
 * A line qualifies when, besides its date, it holds at most a label, a weekday, a time and a short
 * place; sentences never do.
 */
import { normalizeArabic } from '../text/normalize.ts';
import { hijriToIso, isWeekday, resolveMonth } from './months.ts';

/** How far into a document a date line is looked for. */
const HEAD_CHARS = 1500;
/** Words a date line may hold besides its date, weekday and time (labels, a place). */
const MAX_OTHER_WORDS = 3;

const DIGIT = '[0-9٠-٩۰-۹]';
const MONTH = '(?:(?:كانون|تشرين|ربيع|جمادى|جمادي|ذو|ذي)\\s+(?:ال)?[\\u0621-\\u064A]+|[\\u0621-\\u064A]{2,8})';
const NAMED = new RegExp(`(${DIGIT}{1,2})\\s*(${MONTH}(?:\\s*/\\s*${MONTH})?)\\s*[،,]?\\s*(${DIGIT}{4})(?:\\s*(هـ|ه|م)(?![\\p{L}]))?`, 'gu');
const NUMERIC = new RegExp(`(?<![0-9٠-٩])(${DIGIT}{1,2})[/.-](${DIGIT}{1,2})[/.-](${DIGIT}{4})(?![0-9٠-٩])|(?<![0-9٠-٩])(${DIGIT}{4})([-/.])(${DIGIT}{1,2})\\5(${DIGIT}{1,2})(?![0-9٠-٩])`, 'gu');
const TIME = new RegExp(`${DIGIT}{1,2}:${DIGIT}{2}(?::${DIGIT}{2})?(?:\\s*(?:ص|م|AM|PM|am|pm))?`, 'gu');
const LABELS = new Set(['نشر', 'بتاريخ', 'تاريخ', 'النشر', 'اخر', 'تحديث', 'محدث', 'في', 'الموافق', 'يوم', 'م', 'هـ', 'ه', 'GMT', 'بتوقيت']);

/** A number written in Western, Arabic-Indic or Persian digits. */
function ascii(d: string): number {
  return Number(normalizeArabic(d));
}

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

interface Found {
  iso: string;
  start: number;
  end: number;
  hijri: boolean;
}

/** The dates written in one line (named months of either system, Hijri, numeric d/m/y and y-m-d). */
function datesIn(line: string): Found[] {
  const out: Found[] = [];
  for (const m of line.matchAll(NAMED)) {
    const [day, year] = [ascii(m[1]), ascii(m[3])];
    const month = resolveMonth(m[2], m[4]);
    if (!month) continue;
    const value = month.hijri ? hijriToIso(year, month.month, day) : iso(year, month.month, day);
    if (value) out.push({ iso: value, start: m.index!, end: m.index! + m[0].length, hijri: month.hijri });
  }
  for (const m of line.matchAll(NUMERIC)) {
    // d/m/yyyy, or yyyy-mm-dd (also with / or .: "2024/09/03")
    const value = m[1] ? iso(ascii(m[3]), ascii(m[2]), ascii(m[1])) : iso(ascii(m[4]), ascii(m[6]), ascii(m[7]));
    if (value) out.push({ iso: value, start: m.index!, end: m.index! + m[0].length, hijri: false });
  }
  return out;
}

/** The date of a line that is a date line, or undefined. */
export function dateOfLine(line: string): string | undefined {
  const dates = datesIn(line);
  if (dates.length === 0) return undefined;
  let rest = line;
  for (const d of dates) rest = rest.slice(0, d.start) + ' '.repeat(d.end - d.start) + rest.slice(d.end);
  rest = rest.replace(TIME, ' ');
  const words = rest.split(/[\s:،,|\-–—()/•]+/u).filter((w) => w && !LABELS.has(normalizeArabic(w)) && !isWeekday(w));
  if (words.length > MAX_OTHER_WORDS || /[.؟!]\s*\S/u.test(rest)) return undefined;
  return (dates.find((d) => !d.hijri) ?? dates[0]).iso;
}

/** The publication date (ISO day) printed near the top of a text, or undefined. */
export function publicationDateInText(text: string): string | undefined {
  const head = text.slice(0, HEAD_CHARS);
  for (const line of head.split('\n')) {
    if (line.trim().length === 0 || line.length > 120) continue;
    // a furniture line of fields ("نشر في: 2024/09/03 - 14:10 | القسم: ليبيا | قراءات: 1873"): any field
    for (const field of line.split(/\s[|•]\s/u)) {
      const d = dateOfLine(field);
      if (d) return d;
    }
  }
  return undefined;
}

/**
 * The date a file's name gives ("qna-wire-2019-11-18.txt", "2024_03_05-bulletin.html"): a
 * Gregorian year from 1900 on, month and day, ISO day. Dumps are often saved under the day they
 * were published; a Hijri-looking year ("1444-07-16") is not read.
 */
export function publicationDateInName(path: string): string | undefined {
  const name = path.split(/[\\/]/).pop() ?? '';
  const m = /(?:^|[^0-9])((?:19|20)\d{2})[-_.](\d{2})[-_.](\d{2})(?![0-9])/.exec(name);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}
