/**
 * What is not a report of its own: a call named as the means of a consulting verb ("بحث X، عبر
 * الاتصال المرئي، مع Y"), and a meeting, call or visit that names one party only (a fragment).
 */
import type { DocEvent } from '../doc.ts';
import type { Candidate } from './drafts.ts';

/** "عبر الاتصال المرئي", "من خلال اتصال هاتفي": the means of the act, not a call of its own. */
const VIA = /(?:^|\s)(?:عبر|من خلال|بواسطة)\s*$/u;

/**
 * "بحث X، عبر الاتصال المرئي، مع Y": a call named as the means of a consulting verb of the same
 * sentence is that verb's mode (mode.via_call), not a second event.
 */
export function viaCall(cands: Candidate[], text: string): Candidate[] {
  const means = cands.filter((c) => c.hit.nominal && c.action === 'phone_call' && VIA.test(text.slice(Math.max(c.sentence.start, c.hit.start - 14), c.hit.start)));
  if (means.length === 0) return cands;
  const dropped = new Set<Candidate>();
  for (const m of means) {
    const verb = cands.find((c) => c !== m && !c.hit.nominal && c.event === 'CONSULT' && c.sentence.start === m.sentence.start && c.hit.start < m.hit.start);
    if (!verb) continue;
    verb.action = 'phone_call';
    verb.mode = 'phone';
    verb.rules.push('mode.via_call');
    dropped.add(m);
  }
  return cands.filter((c) => !dropped.has(c));
}

/**
 * Meetings, calls and visits take two sides: one reported with a single party is a fragment (a
 * counterpart or a subject not found) and is not reported. Support, agreements and accusations
 * were tried too: they drop real one-party acts ("ورحبت مصر بقرار مجلس الأمن").
 */
const DYADIC = new Set(['CONSULT']);

/** Whether an event names the two sides its type needs. */
export function twoSided(e: DocEvent): boolean {
  // (a meeting chaired or hosted, or a multilateral one, may name its chair alone: "ترأس ولي العهد أعمال القمة الخليجية الصينية")
  if (!DYADIC.has(e.event) || e.mode === 'multilateral' || e.rules.some((r) => r === 'meet.chair' || r.startsWith('host.'))) return true;
  return new Set([...e.countries, ...e.organizations]).size >= 2;
}
