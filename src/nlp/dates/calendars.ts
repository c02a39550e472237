/**
 * Month and weekday names (Gregorian: Egyptian/Gulf, Levantine/Iraqi and Maghrebi names; Hijri)
 * and Hijri → Gregorian conversion through Intl's islamic-umalqura calendar. Names are written
 * as they appear in text; they are normalized (src/text/normalize) before matching.
 */
import { normalizeArabic } from '../../text/normalize.ts';

/** Gregorian month names → month number (1-12). */
export const GREGORIAN_MONTHS: Record<string, number> = {
  يناير: 1, فبراير: 2, مارس: 3, أبريل: 4, إبريل: 4, مايو: 5, يونيو: 6, يونيه: 6, يوليو: 7, يوليه: 7,
  أغسطس: 8, سبتمبر: 9, أكتوبر: 10, نوفمبر: 11, ديسمبر: 12,
  'كانون الثاني': 1, شباط: 2, آذار: 3, نيسان: 4, أيار: 5, حزيران: 6, تموز: 7, آب: 8, أيلول: 9,
  'تشرين الأول': 10, 'تشرين الثاني': 11, 'كانون الأول': 12,
  جانفي: 1, فيفري: 2, أفريل: 4, ماي: 5, جوان: 6, جويلية: 7, أوت: 8,
};

/** Hijri month names → month number (1-12). */
export const HIJRI_MONTHS: Record<string, number> = {
  محرم: 1, صفر: 2, 'ربيع الأول': 3, 'ربيع الاول': 3, 'ربيع الآخر': 4, 'ربيع الثاني': 4,
  'جمادى الأولى': 5, 'جمادى الأول': 5, 'جمادى الآخرة': 6, 'جمادى الثانية': 6, 'جمادى الآخر': 6,
  رجب: 7, شعبان: 8, رمضان: 9, شوال: 10, 'ذو القعدة': 11, 'ذي القعدة': 11, 'ذو الحجة': 12, 'ذي الحجة': 12,
};

/** Weekday names → JS day number (0 = Sunday). */
export const WEEKDAYS: Record<string, number> = {
  الأحد: 0, الاثنين: 1, الإثنين: 1, الثلاثاء: 2, الأربعاء: 3, الخميس: 4, الجمعة: 5, السبت: 6,
};

export function normalizedTable(table: Record<string, number>): Map<string, number> {
  return new Map(Object.entries(table).map(([k, v]) => [normalizeArabic(k), v]));
}

const HIJRI_FMT = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });

function hijriOf(ms: number): { y: number; m: number; d: number } {
  const parts = HIJRI_FMT.formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { y: get('year'), m: get('month'), d: get('day') };
}

const DAY = 86_400_000;
const ordinal = (y: number, m: number, d: number) => y * 354.367 + (m - 1) * 29.53 + d;

/** Gregorian ISO date of a Hijri (Umm al-Qura) date, or null when the date does not exist. */
export function hijriToGregorian(hy: number, hm: number, hd: number): string | null {
  if (hm < 1 || hm > 12 || hd < 1 || hd > 30 || hy < 1300 || hy > 1600) return null;
  // 1 Muharram 1 AH ≈ 622-07-16 (Julian); estimate, then walk by the difference.
  let ms = Date.UTC(622, 6, 19) + Math.round((ordinal(hy, hm, hd) - ordinal(1, 1, 1)) * DAY);
  for (let i = 0; i < 40; i++) {
    const h = hijriOf(ms);
    if (h.y === hy && h.m === hm && h.d === hd) return new Date(ms).toISOString().slice(0, 10);
    const diff = Math.round(ordinal(hy, hm, hd) - ordinal(h.y, h.m, h.d));
    if (diff === 0) return null; // the day does not exist (e.g. 30 of a 29-day month)
    ms += Math.sign(diff) * Math.max(1, Math.abs(diff)) * DAY;
  }
  return null;
}
