import type { Dateline } from '../nlp/doc.ts';
import { phraseKey } from './data.ts';
import { MONTH_WORDS_RE, hijriMonthNumber, hijriToIso, monthNumber } from './months.ts';

/**
 * Datelines at the start of a story's first paragraph:
 *   "طرابلس 01 ديسمبر 2025 (وال)-", "القاهرة في 3 أيار/مايو 2024 (أ ش أ) -", "طرابلس (وال) -",
 *   "بنغازي - وال:" (agency after a dash: only a known agency), "(وال) -".
 * A dateline needs a place followed by a date and/or an agency, then a dash or colon. Dates may
 * be Gregorian (either month system) or Hijri ("15 رمضان 1447 هـ", converted with Umm al-Qura).
 */

const AR = '[\\p{Script=Arabic}]';
const PLACE = `(?<place>${AR}+(?:[ ]${AR}+){0,2}?)`;
const DIGITS = '[0-9٠-٩۰-۹]';
const DATE = `(?<day>${DIGITS}{1,2})\\s*(?<month>${MONTH_WORDS_RE}(?:\\s*/\\s*${MONTH_WORDS_RE})?)\\s*[،,]?\\s*(?<year>${DIGITS}{4})?(?:\\s*(?<era>هـ|ه|م)(?!\\p{L}))?`;
const AGENCY_PAREN = '\\(\\s*(?<agency>[^()\\n]{1,25}?)\\s*\\)';
const SEP = '\\s*[-–—:]';

const WITH_DATE_OR_AGENCY = new RegExp(
  `^\\s*${PLACE}\\s*[،,]?\\s*(?:(?:في|فى)\\s+)?(?:${DATE})?\\s*(?:${AGENCY_PAREN})?${SEP}`,
  'u',
);
const AGENCY_AFTER_DASH = new RegExp(`^\\s*${PLACE}\\s*[-–—]\\s*(?<agency>[^\\s:()\\-–—][^:()\\-–—\\n]{0,20}?)\\s*[:\\-–—]`, 'u');
const AGENCY_ONLY = new RegExp(`^\\s*${AGENCY_PAREN}${SEP}`, 'u');

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
  let m: number | undefined;
  let hijri = false;
  for (const part of month.split('/')) {
    const g = monthNumber(part.trim());
    const h = hijriMonthNumber(part.trim());
    if (m === undefined && g !== undefined && era !== 'هـ' && era !== 'ه') m = g;
    else if (m === undefined && h !== undefined) {
      m = h;
      hijri = true;
    }
  }
  if (m === undefined || d < 1 || d > 31) return undefined;
  if (hijri) return hijriToIso(y, m, d);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function cleanAgency(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Parses a dateline at the start of `text` (a paragraph). `offset` is added to the span so it
 * refers to the document. `agencies` are normalized known agency names.
 */
export function parseDateline(text: string, offset: number, agencies: ReadonlySet<string>): Dateline | undefined {
  const head = text.slice(0, 160);
  const known = (a: string) => agencies.has(phraseKey(a));
  const words = (a: string) => a.trim().split(/\s+/).length;

  const a = WITH_DATE_OR_AGENCY.exec(head);
  if (a?.groups) {
    const g = a.groups;
    const monthOk = g.month ? knownMonth(g.month) : false;
    const hasDate = Boolean(g.day && monthOk);
    // without a date, only a known agency makes a dateline ("أكد الوزير (الليبي) -" is not one)
    const hasAgency = Boolean(g.agency && words(g.agency) <= 4 && !/\d/.test(g.agency) && (hasDate || known(g.agency)));
    if ((hasDate || hasAgency) && (!g.day || monthOk)) {
      const start = offset + (a[0].length - a[0].trimStart().length);
      return {
        start,
        end: offset + a[0].length,
        place: g.place,
        date: hasDate ? isoDate(g.day, g.month, g.year, g.era) : undefined,
        agency: hasAgency ? cleanAgency(g.agency) : undefined,
      };
    }
  }
  const b = AGENCY_AFTER_DASH.exec(head);
  if (b?.groups && known(b.groups.agency)) {
    return { start: offset + (b[0].length - b[0].trimStart().length), end: offset + b[0].length, place: b.groups.place, agency: cleanAgency(b.groups.agency) };
  }
  const c = AGENCY_ONLY.exec(head);
  if (c?.groups && known(c.groups.agency)) {
    return { start: offset + (c[0].length - c[0].trimStart().length), end: offset + c[0].length, agency: cleanAgency(c.groups.agency) };
  }
  return undefined;
}
