/**
 * Whether a report is of a happening already reported in the story: the same kind of act, not set
 * at another time, by the same sender, with the same persons or the same sides (rules merge.*).
 */
import type { Assigned } from './args.ts';
import { actionFamily } from './identity.ts';
import { isSubset, namedPersons, overlaps, parties, persons, type Candidate, type Draft } from './drafts.ts';

/** Acts done by each of several persons on their own: presenting credentials. */
export const ONE_EACH = new Set(['receive_credentials']);

/** "عبد العاطي يتلقى اتصالاً من كالاس ويستقبل غراندي": a headline act whose named persons the draft has none of. */
export function otherPersons(c: Candidate, d: Draft): boolean {
  const cNamed = namedPersons(c.args);
  const dNamed = namedPersons(d.actors);
  return cNamed.size > 0 && dNamed.size > 0 && ![...cNamed].some((p) => dNamed.has(p));
}

/** "وفي وقت لاحق، عقد الوزيران ...": a sentence set later or earlier the same day reports another happening. */
const ANOTHER_TIME = /^\s*[وف]?(?:(?:في وقت (?:لاحق|سابق)|لاحقا|لاحقاً|(?:عقب|بعد|إثر|اثر|في أعقاب|في اعقاب) ذلك)(?=[\s،,])|على هامش\s)/u;
/** "استقبل الوزير في وقت لاحق من اليوم ...", "عقد لقاءً منفصلاً مع": another happening, said after the verb. */
const ANOTHER_AFTER = /^[^.؟!]{0,40}?(?:في وقت (?:لاحق|سابق)|منفصلا|منفصلاً|منفصلة|منفصل)(?=[\s،,.]|$)/u;

/** Whether a candidate reports the happening of a draft of the same story. */
export function sameHappening(c: Candidate, d: Draft, text: string): boolean {
  if (actionFamily(c.action) !== actionFamily(d.action) || c.negated !== d.negated || c.future !== d.future) return false;
  // (a verb, or a noun with a passive verb: "وفي وقت لاحق، عُقد في الدوحة اجتماع ثلاثي")
  if ((!c.hit.nominal || c.hit.voice === 'passive') && (ANOTHER_TIME.test(text.slice(c.sentence.start, c.hit.start)) || ANOTHER_AFTER.test(text.slice(c.hit.head.end, c.sentence.end)))) return false;
  // "وشارك في الاجتماع ..." lists who took part in the meeting already reported
  if (c.action === 'attend') return true;
  // "ستستضيف مسقط جولة المحادثات بين إيران والولايات المتحدة": the host of a meeting in the same sentence is part of it
  if ((c.action === 'host') !== (d.action === 'host') && d.candidates.some((k) => k.sentence.start === c.sentence.start)) return true;
  const cp = parties(c.args);
  const dp = parties(d.actors);
  if (cp.size === 0) return true;
  // a message or act by another named sender is another act ("كما هنأ X، في برقية مماثلة"), and so is
  // each ambassador's ("نسخة من أوراق اعتماد سفير X، ونسخة من أوراق اعتماد سفيرة Y")
  if (actionFamily(c.action) !== 'consult' || (ONE_EACH.has(c.action) && d.action === c.action)) {
    const cSenders = persons(c.args.filter((a) => a.side === 'actor'));
    const dSenders = persons(d.actors.filter((a) => a.side === 'actor'));
    if (cSenders.size > 0 && dSenders.size > 0 && !overlaps(cSenders, dSenders)) return false;
  }
  // those present ("بحضور X") do not tell one happening from another
  const cPersons = persons(c.args.filter((a) => a.side !== 'participant'));
  const dPersons = persons(d.actors);
  // a phone call is not the meeting, even between the same people
  if (c.mode === 'phone' && d.mode !== 'phone' && cPersons.size > 0 && dPersons.size > 0 && !c.headline) return false;
  if (overlaps(cPersons, dPersons)) {
    // "ثم التقى الوزير X سفيرة الاتحاد الأوروبي": the same host with another named guest is another meeting
    const cNamed = namedPersons(c.args.filter((a) => a.side !== 'participant'));
    const dNamed = namedPersons(d.actors.filter((a) => a.side !== 'participant'));
    const newHere = [...cNamed].some((p) => !dNamed.has(p));
    const onlyThere = [...dNamed].some((p) => !cNamed.has(p));
    // "كما استقبل الغانم سفير جمهورية الصين" after his reception of Japan's ambassador: guests of
    // other states, even unnamed, make another meeting
    const cGuests = guestStates(c.args);
    const dGuests = guestStates(d.actors);
    const otherGuests = cGuests.size > 0 && dGuests.size > 0 && !overlaps(cGuests, dGuests);
    return !((newHere && onlyThere) || otherGuests) || c.headline || c.hit.nominal;
  }
  // different people on both sides: a different meeting, unless the same two sides again
  // (not when a verb names its own people: "ومن جهته، عقد رئيس الحكومة X جلسة مباحثات مع ضيفه"
  // after the president's reception of that guest is another meeting of the visit)
  if (cPersons.size > 0 && dPersons.size > 0) {
    if (!c.headline && !c.hit.nominal && namedPersons(c.args).size > 0 && namedPersons(d.actors).size > 0) return false;
    return cp.size >= 2 && isSubset(cp, dp) && isSubset(dp, cp);
  }
  return isSubset(cp, dp) || isSubset(dp, cp);
}

/** The states of the persons received or met (recipients). */
function guestStates(args: Assigned[]): Set<string> {
  return new Set(args.filter((a) => a.side === 'recipient' && a.unit.kind === 'person' && a.unit.country).map((a) => a.unit.country!));
}
