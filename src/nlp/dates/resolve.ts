/**
 * Date expressions in Arabic news and their values.
 *
 * Decisions:
 * - Reference date: `ref.dateline` when given (the story's own dateline), else `ref.published`.
 *   Without one, relative expressions and day-month dates without a year get value null
 *   (never an invented date); absolute dates with a year are still resolved.
 * - A bare weekday (الخميس, يوم الخميس, مساء الخميس) is the most recent such day on or before
 *   the reference date (news reports past events); with المقبل/القادم it is the next one after.
 *   "اليوم الخميس" is today: the weekday confirms the reference date (rule weekday.today; if
 *   the weekday disagrees with it, the most recent such day is used, rule weekday.today_mismatch).
 * - Weeks (الأسبوع الماضي/المقبل/الجاري): every reading of the week (days 1-13 before or after the
 *   reference, or 6 either side for the current week) is considered; when they all fall in one
 *   month the value is that month (precision month), otherwise value and precision are null.
 * - A month name with المقبل/القادم is its next occurrence after the reference month; with
 *   الماضي/المنصرم the last one before it.
 * - Day-month without a year: with الماضي the last such day on or before the reference, with
 *   المقبل the next one after it; bare, the reference year, unless that puts it more than 60
 *   days after the reference (then the year before) or 300 days before it (then the year after).
 * - Hijri dates (15 رمضان 1447 هـ) are converted with Intl's islamic-umalqura calendar.
 */
import { normalize, normalizeArabic, toOriginal, type Normalized } from '../../text/normalize.ts';
import { GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS, normalizedTable, hijriToGregorian } from './calendars.ts';

export interface DateRef {
  /** Publication date or date-time, ISO 8601. */
  published?: string;
  /** Date from the story's dateline, ISO 8601. */
  dateline?: string;
}

export type DatePrecision = 'day' | 'month' | 'year';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  value: string | null;
  precision: DatePrecision | null;
  kind: 'absolute' | 'relative' | 'weekday' | 'hijri';
  /** Id of the rule that produced it. */
  rule: string;
}

const G = normalizedTable(GREGORIAN_MONTHS);
const H = normalizedTable(HIJRI_MONTHS);
const W = normalizedTable(WEEKDAYS);

const alt = (keys: Iterable<string>) =>
  [...keys].sort((a, b) => b.length - a.length).map((k) => k.replace(/ /g, '\\s+')).join('|');
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
const GM = `(?:${alt(G.keys())})`;
/** A month, possibly doubled: ايار/مايو, مايو (ايار), ايار - مايو. */
const GMX = `(${GM})(?:\\s*[/(\\-]\\s*(${GM})\\s*\\)?)?`;
const HM = `(${alt(H.keys())})`;
const WD = `(${alt(W.keys())})`;
const NEXT = '(?:المقبل|المقبله|القادم|القادمه)';
const PAST = '(?:الماضي|الماضيه|المنصرم|المنصرمه|الفايت|الفايته)';
/** Words every form of NEXT / PAST contains. */
const NEXT_WORDS = ['المقبل', 'القادم'];
const PAST_WORDS = ['الماضي', 'المنصرم', 'الفايت'];
const CURR = '(?:الجاري|الحالي|الحاليه|الجاريه|هذا|هذه)';
/** An attached conjunction or preposition before a relative word (وأمس, والشهر, بالأمس). */
const C = '(?:[وف]?[بل]?)';

interface Rule {
  id: string;
  re: RegExp;
  /**
   * What the normalized text must contain for `re` to match at all (a fast test before the
   * regex): `digit`, or any one of the words.
   */
  needs: 'digit' | readonly string[];
  make(m: RegExpExecArray, ref: Date | null): Omit<DateMention, 'start' | 'end' | 'text' | 'rule'> | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => d.toISOString().slice(0, 10);
const ym = (y: number, m: number) => `${y}-${pad(m)}`;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const validDay = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
const dayValue = (y: number, m: number, d: number) => (validDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null);
const day = (value: string | null, kind: DateMention['kind']) => ({ value, precision: value ? ('day' as const) : null, kind });

/** The month when every day in [from, to] lies in one month, else null. */
function monthOfRange(from: Date, to: Date): string | null {
  return from.getUTCFullYear() === to.getUTCFullYear() && from.getUTCMonth() === to.getUTCMonth()
    ? ym(from.getUTCFullYear(), from.getUTCMonth() + 1)
    : null;
}

function lastWeekday(ref: Date, wd: number): Date {
  return addDays(ref, -((ref.getUTCDay() - wd + 7) % 7));
}

function nextWeekday(ref: Date, wd: number): Date {
  return addDays(ref, ((wd - ref.getUTCDay() + 7) % 7) || 7);
}

const month = (m: RegExpExecArray, i: number) => G.get(m[i].replace(/\s+/g, ' '))!;

const RULES: Rule[] = [
  {
    id: 'abs.ymd_numeric',
    needs: 'digit',
    re: new RegExp(`${L}(\\d{4})([/.\\-])(\\d{1,2})\\2(\\d{1,2})${R}`, 'gu'),
    make: (m) => day(dayValue(+m[1], +m[3], +m[4]), 'absolute'),
  },
  {
    id: 'abs.dmy_numeric',
    needs: 'digit',
    re: new RegExp(`${L}(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4})${R}`, 'gu'),
    make: (m) => day(dayValue(+m[4], +m[3], +m[1]), 'absolute'),
  },
  {
    id: 'hijri.day_month_year',
    needs: 'digit',
    re: new RegExp(`${L}(\\d{1,2})\\s+(?:من\\s+)?(?:شهر\\s+)?${HM}\\s+(?:(?:سنه|عام|لعام)\\s+)?(\\d{4})(?:\\s*(?:ه|للهجره|هجريه|هجري)${R})?`, 'gu'),
    make: (m) => day(hijriToGregorian(+m[3], H.get(m[2].replace(/\s+/g, ' '))!, +m[1]), 'hijri'),
  },
  {
    id: 'abs.day_month_year',
    needs: 'digit',
    re: new RegExp(`${L}(\\d{1,2})\\s+(?:من\\s+)?(?:شهر\\s+)?${GMX}\\s*(?:(?:سنه|عام|لعام)\\s+)?(\\d{4})(?:\\s*م${R})?`, 'gu'),
    make: (m) => day(dayValue(+m[4], month(m, 2), +m[1]), 'absolute'),
  },
  {
    id: 'abs.day_month',
    needs: 'digit',
    re: new RegExp(`${L}(\\d{1,2})\\s+(?:من\\s+)?(?:شهر\\s+)?${GMX}(?:\\s+(${NEXT}|${PAST}|${CURR}))?${R}(?!\\s*[/(\\-]?\\s*\\d)`, 'gu'),
    make: (m, ref) => {
      if (!ref) return { value: null, precision: 'day', kind: 'absolute' };
      const mo = month(m, 2);
      const d = +m[1];
      const at = (y: number) => Date.UTC(y, mo - 1, d);
      const r = ref.getTime();
      let y = ref.getUTCFullYear();
      if (m[4] && new RegExp(`^${NEXT}$`).test(m[4])) y = at(y) > r ? y : y + 1;
      else if (m[4] && new RegExp(`^${PAST}$`).test(m[4])) y = at(y) <= r ? y : y - 1;
      else if (at(y) > r + 60 * 86_400_000) y -= 1; // news reports the recent past...
      else if (at(y) < r - 300 * 86_400_000) y += 1; // ...or what is planned for the coming weeks
      return day(dayValue(y, mo, d), 'absolute');
    },
  },
  {
    id: 'abs.month_year',
    needs: 'digit',
    re: new RegExp(`${L}(?:شهر\\s+)?${GMX}\\s*(?:(?:سنه|عام|لعام)\\s+)?(\\d{4})${R}`, 'gu'),
    make: (m) => ({ value: ym(+m[3], month(m, 1)), precision: 'month', kind: 'absolute' }),
  },
  {
    id: 'rel.month_name',
    needs: [...NEXT_WORDS, ...PAST_WORDS],
    re: new RegExp(`${L}(?:شهر\\s+)?${GMX}\\s+(${NEXT}|${PAST})${R}`, 'gu'),
    make: (m, ref) => {
      if (!ref) return { value: null, precision: 'month', kind: 'relative' };
      const mo = month(m, 1);
      const next = new RegExp(`^${NEXT}$`).test(m[3]);
      const ry = ref.getUTCFullYear();
      const rm = ref.getUTCMonth() + 1;
      const y = next ? (mo > rm ? ry : ry + 1) : mo < rm ? ry : ry - 1;
      return { value: ym(y, mo), precision: 'month', kind: 'relative' };
    },
  },
  {
    id: 'abs.year',
    needs: 'digit',
    re: new RegExp(`${L}(?:عام|العام|سنه|السنه|لعام)\\s+(\\d{4})${R}`, 'gu'),
    make: (m) => ({ value: m[1], precision: 'year', kind: 'absolute' }),
  },
  {
    id: 'weekday.today',
    needs: ['اليوم'],
    re: new RegExp(`${L}(?:[وف])?اليوم\\s+${WD}${R}`, 'gu'),
    make: (m, ref) => {
      if (!ref) return { value: null, precision: 'day', kind: 'weekday' };
      const wd = W.get(m[1])!;
      const d = ref.getUTCDay() === wd ? ref : lastWeekday(ref, wd);
      return { value: iso(d), precision: 'day', kind: 'weekday' };
    },
  },
  {
    id: 'weekday.next',
    needs: NEXT_WORDS,
    re: new RegExp(`${L}(?:يوم\\s+)?${WD}\\s+${NEXT}${R}`, 'gu'),
    make: (m, ref) => ({ value: ref ? iso(nextWeekday(ref, W.get(m[1])!)) : null, precision: 'day', kind: 'weekday' }),
  },
  {
    id: 'weekday.past',
    needs: [...W.keys()],
    re: new RegExp(`${L}(?:(?:[وف]?(?:صباح|مساء|ظهر|عصر|فجر|ليله|يوم)|[وفب]?يوم)\\s+)?(?:يوم\\s+)?${WD}(?:\\s+${PAST})?${R}`, 'gu'),
    make: (m, ref) => {
      if (!ref) return { value: null, precision: 'day', kind: 'weekday' };
      // "الخميس الماضي" is strictly before the reference day; a bare weekday may be the day itself
      const strict = new RegExp(`${PAST}$`).test(m[0]);
      return { value: iso(lastWeekday(strict ? addDays(ref, -1) : ref, W.get(m[1])!)), precision: 'day', kind: 'weekday' };
    },
  },
  {
    id: 'rel.day',
    needs: ['امس', 'غد', 'اليوم'],
    re: new RegExp(`${L}(?:${C}(?:صباح|مساء|ظهر|عصر|فجر|ليله)\\s+)?${C}(اول\\s+(?:من\\s+)?امس|بعد\\s+غد|امس|الامس|اليوم|غدا|غد)${R}`, 'gu'),
    make: (m, ref) => {
      const w = m[1].replace(/\s+/g, ' ').replace(/^الامس$/, 'امس');
      const offset: Record<string, number> = { اليوم: 0, امس: -1, غدا: 1, غد: 1, 'بعد غد': 2 };
      const off = w.startsWith('اول') ? -2 : offset[w];
      return { value: ref ? iso(addDays(ref, off)) : null, precision: 'day', kind: 'relative' };
    },
  },
  {
    id: 'rel.week',
    needs: ['الاسبوع'],
    re: new RegExp(`${L}(?:(?:خلال|في|طيله)\\s+)?${C}(?:الاسبوع\\s+(${PAST}|${NEXT}|${CURR})|(هذا)\\s+الاسبوع)${R}`, 'gu'),
    make: (m, ref) => {
      if (!ref) return { value: null, precision: null, kind: 'relative' };
      const w = m[1] ?? m[2];
      const range = new RegExp(`^${PAST}$`).test(w) ? [-13, -1] : new RegExp(`^${NEXT}$`).test(w) ? [1, 13] : [-6, 6];
      const value = monthOfRange(addDays(ref, range[0]), addDays(ref, range[1]));
      return { value, precision: value ? 'month' : null, kind: 'relative' };
    },
  },
  {
    id: 'rel.month',
    needs: ['الشهر'],
    re: new RegExp(`${L}${C}(?:هذا\\s+الشهر|الشهر\\s+(${PAST}|${NEXT}|${CURR}))${R}`, 'gu'),
    make: (m, ref) => {
      if (!ref) return { value: null, precision: 'month', kind: 'relative' };
      const w = m[1] ?? 'الجاري';
      const delta = new RegExp(`^${PAST}$`).test(w) ? -1 : new RegExp(`^${NEXT}$`).test(w) ? 1 : 0;
      const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + delta, 1));
      return { value: ym(d.getUTCFullYear(), d.getUTCMonth() + 1), precision: 'month', kind: 'relative' };
    },
  },
  {
    id: 'rel.year',
    needs: ['العام', 'السنه'],
    re: new RegExp(`${L}${C}(?:العام|السنه)\\s+(${PAST}|${NEXT}|${CURR})${R}`, 'gu'),
    make: (m, ref) => {
      if (!ref) return { value: null, precision: 'year', kind: 'relative' };
      const delta = new RegExp(`^${PAST}$`).test(m[1]) ? -1 : new RegExp(`^${NEXT}$`).test(m[1]) ? 1 : 0;
      return { value: String(ref.getUTCFullYear() + delta), precision: 'year', kind: 'relative' };
    },
  },
];

/** Every word some rule needs, longest first, as one regex (one scan finds which are present). */
const NEED_WORDS: readonly string[] = [...new Set(RULES.flatMap((r) => (r.needs === 'digit' ? [] : [...r.needs])))].sort((a, b) => b.length - a.length);
const NEED_RE = new RegExp(NEED_WORDS.join('|'), 'g');
/** For each need word: the need words it starts with (itself included), found with it. */
const NEED_PREFIXES: ReadonlyMap<string, string[]> = new Map(NEED_WORDS.map((w) => [w, NEED_WORDS.filter((p) => w.startsWith(p))]));

/** The need words occurring in `text` (every occurrence start is tried, so overlaps are found). */
function presentNeeds(text: string): Set<string> {
  const found = new Set<string>();
  NEED_RE.lastIndex = 0;
  for (let m = NEED_RE.exec(text); m; m = NEED_RE.exec(text)) {
    for (const w of NEED_PREFIXES.get(m[0])!) found.add(w);
    NEED_RE.lastIndex = m.index + 1;
  }
  return found;
}

/** The reference date (UTC midnight) from a DateRef, or null. */
export function referenceDate(ref: DateRef): Date | null {
  for (const s of [ref.dateline, ref.published]) {
    const m = s?.match(/^(\d{4})-(\d{2})-(\d{2})/);
    if (m && validDay(+m[1], +m[2], +m[3])) return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  }
  return null;
}

/** Finds and resolves the date expressions in text[start, end). */
export function resolveDates(text: string, start: number, end: number, ref: DateRef = {}): DateMention[] {
  const raw = text.slice(start, end);
  // the normalized text (normalizeArabic = normalize().text); the offset map only once a date is found
  const normText = normalizeArabic(raw);
  let norm: Normalized | undefined;
  const refDate = referenceDate(ref);
  const taken: [number, number][] = [];
  const out: DateMention[] = [];
  const digit = /\d/.test(normText);
  const present = presentNeeds(normText);
  for (const rule of RULES) {
    if (rule.needs === 'digit' ? !digit : !rule.needs.some((w) => present.has(w))) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(normText); m; m = rule.re.exec(normText)) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken.some(([a, b]) => s < b && e > a)) continue;
      // "اليوم الوطني": اليوم followed by an adjective is a name, not today
      if (rule.id === 'rel.day' && /اليوم$/.test(m[1]) && /^\s+ال/.test(normText.slice(e))) continue;
      const made = rule.make(m, refDate);
      if (!made) continue;
      taken.push([s, e]);
      norm ??= normalize(raw);
      const o = toOriginal(norm, s, e);
      out.push({ start: start + o.start, end: start + o.end, text: text.slice(start + o.start, start + o.end), ...made, rule: rule.id });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
