export { resolveDates, referenceDate, type DateMention, type DateRef, type DatePrecision } from './resolve.ts';
export { hijriToGregorian, GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS } from './calendars.ts';
