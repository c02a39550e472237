/**
 * Trigger hits that do not report a happening of their own, told from the words around them:
 * a definite event noun after a time preposition refers to a happening already reported
 * ("خلال الزيارة", "في ختام الاجتماع"); an event noun after حضر names who attended it ("حضر
 * اللقاء X"); a pluperfect act dated well before the story ("وكان X قد زار داكار في مايو
 * الماضي", "يذكر أن ...") is background.
 */
import type { TriggerHit } from '../triggers/index.ts';
import type { DateMention } from '../dates/index.ts';
import type { Unit } from './units.ts';

/** "خلال/عقب/في ختام/على هامش/أثناء/بعد/قبيل/أشغال" + a definite event noun without a pronoun. */
const REFERENCE_BEFORE = /(?:^|\s)(?:خلال|عقب|إثر|اثر|أثناء|اثناء|بعد|قبيل|قبل|ختام|هامش|أشغال|اشغال|أعمال|اعمال)\s*$/u;

export function refersBack(text: string, hit: TriggerHit, from: number): boolean {
  // a pronoun suffix ("زيارته") makes it the visit of someone named: no reference back (ة is no pronoun)
  const pronoun = hit.suffix !== '' && !(hit.suffix === 'ه' && text[hit.end - 1] === 'ة');
  if (!hit.nominal || !hit.prefix.includes('ال') || pronoun) return false;
  return REFERENCE_BEFORE.test(text.slice(Math.max(from, hit.start - 14), hit.start));
}

/** "حضر اللقاء", "وحضرت الاجتماع": the noun's happening is attended, the persons after it took part. */
const ATTENDED_BEFORE = /(?:^|\s)[وف]?(?:حضر|حضرت|حضره|حضرها|شهد|شهدت)\s*$/u;

export function attendsBack(text: string, hit: TriggerHit, from: number): boolean {
  return hit.nominal && ATTENDED_BEFORE.test(text.slice(Math.max(from, hit.start - 10), hit.start));
}

/** Background markers: a pluperfect "كان ... قد" before the trigger, or "يذكر أن / يشار إلى أن". */
const PLUPERFECT = /(?:^|\s)[وف]?(?:كان|كانت|كانا|كانوا)\s(?:[^.؟!]{0,60}\s)?قد\s/u;
const NOTED = /^\s*[وف]?(?:يذكر|يشار|تجدر الإشارة|يُذكر|يُشار)\s/u;
/** "وأشار إلى أنه زار": reported speech about the speaker's own past act. */
const RECALLED = /(?:^|\s)[وف]?(?:أشار|أشارت|ذكر|ذكرت|أوضح|أوضحت|لفت|لفتت)\s+(?:إلى\s+)?(?:أن|أنه|أنها|ان|انه|انها)\s*$/u;
/** "في زيارته السابقة", "خلال لقائهما السابق": an earlier happening of the same kind. */
const PREVIOUS_VISIT = /(?:زيار|لقاء|لقائ|اجتماع|جول)\S*\s+(?:ال)?سابق(?:ة)?(?=[\s،,.]|$)/u;
/** "قبل عامين", "قبل ثلاثة أشهر", "منذ سنوات": a time span ago, at least weeks back. */
const LONG_AGO = /(?:^|\s)(?:قبل|منذ)\s+(?:(?:نحو|حوالي|حوالى|أكثر من|اكثر من)\s+)?(?:[^\s،,.]+\s+)?(?:عامين|سنتين|عام|سنة|أعوام|اعوام|سنوات|عاما|عامًا|أشهر|اشهر|شهرين|شهور|شهرا|أسابيع|اسابيع|أسبوعين|اسبوعين)(?=[\s،,.]|$)/u;
/** A date expression pointing back ("مايو الماضي", "العام الفائت"). */
const PAST_WORD = /الماضي|الماضية|الفائت|الفائتة|المنصرم|المنصرمة/u;
/** Days before the story's date beyond which a dated pluperfect act is background. */
const BACKGROUND_DAYS = 7;

/**
 * A pluperfect or "it is recalled that" report whose sentence dates it in the past in so many
 * words (الماضي، المنصرم) or at least a week before the story's reference day: background, not an
 * event of the story. "وكان X قد التقى أمس" stays an event.
 */
export function isBackground(text: string, hit: TriggerHit, sentence: { start: number; end?: number }, dates: readonly DateMention[], ref: Date | null): boolean {
  const before = text.slice(sentence.start, hit.start);
  const pluperfect = PLUPERFECT.test(text.slice(sentence.start, hit.start + 1));
  // "وكان صالح قد التقى في زيارته السابقة": the previous visit is background whatever its date
  // "وكان سمو الأمير قد استقبل ... قبل عامين": a pluperfect act the text puts weeks or years back
  const rest = text.slice(hit.end, sentence.end ?? hit.end + 80);
  if (pluperfect && (PREVIOUS_VISIT.test(rest) || LONG_AGO.test(rest) || LONG_AGO.test(before))) return true;
  if (!pluperfect && !NOTED.test(before) && !RECALLED.test(before)) return false;
  return dates.some((d) => {
    // "يوم الجمعة الماضي", "في مارس الماضي": a pluperfect act the text itself calls past
    if (PAST_WORD.test(text.slice(d.start, d.end))) return true;
    const v = d.value;
    // without a reference day, "في مارس الماضي" still says the act is past
    if (!v || !ref) return PAST_WORD.test(text.slice(d.start, d.end));
    return (ref.getTime() - lastDay(v)) / 86_400_000 >= BACKGROUND_DAYS;
  });
}

/** The last day (UTC ms) of an ISO day, month (YYYY-MM) or year (YYYY). */
function lastDay(v: string): number {
  const y = +v.slice(0, 4);
  if (v.length === 4) return Date.UTC(y, 11, 31);
  const m = +v.slice(5, 7);
  if (v.length === 7) return Date.UTC(y, m, 0);
  return Date.UTC(y, m - 1, +v.slice(8, 10));
}

/** A relative pronoun right before a word. */
const RELATIVE_RIGHT_BEFORE = /(?:^|[\s،,])(?:الذي|التي|اللذين|اللتين|الذين|اللواتي)\s+$/u;

/**
 * "القمة التي تحتضنها روما", "الاجتماع الذي يعقده المجلس": a present verb in a relative clause whose
 * object pronoun is the noun before it describes that noun; it reports no act of its own.
 */
export function describesAntecedent(text: string, hit: TriggerHit, from: number): boolean {
  return !hit.nominal && hit.tense === 'imperfect' && /^(?:ه|ها|هم|هما)$/u.test(hit.suffix) && RELATIVE_RIGHT_BEFORE.test(text.slice(Math.max(from, hit.start - 12), hit.start));
}

/**
 * What a welcome is addressed to: "بدولة"، "بفخامة"، "بسمو" ... or a guest or delegation ("بالضيف"،
 * "بالوفد"); or an invitation ("ورحب معاليه بالدعوة"): accepting it is part of the invitation.
 */
const WELCOMED = /^\s*[وف]?ب(?:(?:دولة|فخامة|سمو|معالي|سعادة|صاحب|حضرة|ال?سيد|ال?سيدة)(?=\s)|ال?(?:ضيف|ضيوف|وفد|وفود|دعوة|دعوه)(?:\s|$|[،,.]))/u;

/** Whether a welcome verb's ب complement, within the next 12 words, is a person or a guest. */
export function welcomesGuest(text: string, from: number, to: number, units: readonly Unit[]): boolean {
  const words = text.slice(from, to).split(/(?=\s)/u).slice(0, 12);
  let at = from;
  for (const w of words) {
    if (/^\s*[وف]?ب\S/u.test(w)) {
      if (WELCOMED.test(w + text.slice(at + w.length, at + w.length + 12))) return true;
      const start = at + w.search(/\S/u) + (/^\s*[وف]/u.test(w) ? 2 : 1);
      return units.some((u) => u.kind === 'person' && u.start <= start + 1 && u.end > start);
    }
    at += w.length;
  }
  return false;
}
