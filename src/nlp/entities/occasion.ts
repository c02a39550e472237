/**
 * The state an occasion names for the person before it: a congratulation "إلى الرئيس X بمناسبة
 * أدائه اليمين الدستورية رئيسا لجمهورية Y", "بمناسبة إعادة انتخابه رئيسا لـY", "بمناسبة العيد
 * الوطني لجمهورية Y" is sent to a holder of Y's office. A person with no country of its own takes
 * the first country named by such an occasion phrase right after it in the same sentence (rule
 * ent.person.occasion_state), before the story's countries are guessed for it.
 */
import type { Cand, Work } from './work.ts';
import { sameSentence } from './work.ts';

/** An office in the accusative or the nominative after an occasion's verbal noun. */
const OFFICE = '(?:ال)?(?:رئيس|رئيسة|ملك|ملكة|أمير|امير|سلطان|وزير|وزيرة)(?:ا|اً|ًا)?(?:\\s+(?:لل?وزراء|لمجلس\\s+الوزراء|للحكومة))?';
/** A day of state. */
const STATE_DAY = '(?:العيد|اليوم|عيد)\\s+(?:الوطني|القومي|الاستقلال|استقلال)|(?:ذكرى|ذكري)\\s+(?:ال)?استقلال|(?:ذكرى|ذكري)\\s+(?:العيد|اليوم)\\s+(?:الوطني|القومي)';

/** What stands between the person and the state: "، بمناسبة ... رئيسا ل" or "بمناسبة العيد الوطني ل". */
const BETWEEN = new RegExp(
  `^[\\s،,]*(?:وذلك\\s+)?بمناسبة\\s+(?:[^.؟!\\n]{0,80}?\\s${OFFICE}|${STATE_DAY})\\s+(?:في\\s+)?(?:لل|ل|ب)?$`,
  'u',
);

export function occasionStates(w: Work, acc: Cand[]): void {
  const text = w.doc.text;
  for (let i = 0; i < acc.length; i++) {
    const p = acc[i];
    if (p.type !== 'person' || p.country || p.org) continue;
    for (let j = i + 1; j < acc.length; j++) {
      const c = acc[j];
      if (c.start - p.end > 140 || !sameSentence(w, p.ts, c.ts)) break;
      if (c.type === 'person') break;
      if (c.type !== 'country' || !c.country) continue;
      if (!BETWEEN.test(text.slice(p.end, c.start))) break;
      p.country = c.country;
      p.source += '+ent.person.occasion_state';
      break;
    }
  }
}
