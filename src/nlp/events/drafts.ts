/**
 * Candidates (one trigger with its arguments) and drafts (one happening of a story, from one or
 * more candidates), with the passes over a story's drafts that need no text: invited visits
 * folded into their invitation, counterparts of one-party acts, enumerated parties split off.
 */
import type { Sentence, Span } from '../doc.ts';
import type { TriggerHit } from '../triggers/index.ts';
import type { Assigned } from './args.ts';
import type { Unit } from './units.ts';
import { actionFamily } from './identity.ts';

/** How a candidate or a draft is coded, and the rules that coded it. */
interface Coding {
  event: string;
  action: string;
  mode: string | null;
  negated: boolean;
  /** Announced for later (then the event is AGREE): never the same happening as a past one. */
  future: boolean;
  rules: string[];
}

export interface Candidate extends Coding {
  hit: TriggerHit;
  sentence: Sentence;
  headline: boolean;
  args: Assigned[];
}

export interface Draft extends Coding {
  candidates: Candidate[];
  actors: Assigned[];
  evidence: Span[];
  story: number;
  location: { name: string; country: string | null } | null;
  headlineOnly: boolean;
  /** Sentences without a trigger that add participants ("وترأس الوفد السوداني X"). */
  presence: Span[];
}

export function parties(args: Assigned[]): Set<string> {
  const s = new Set<string>();
  for (const a of args) {
    if (a.unit.country) s.add(a.unit.country);
    if (a.unit.org) s.add(a.unit.org);
    for (const h of a.unit.hosts) s.add(h);
  }
  return s;
}

export function persons(args: Assigned[]): Set<string> {
  return new Set(args.filter((a) => a.unit.kind === 'person').map((a) => personKey(a.unit)));
}

/**
 * Who a person unit is: its actor id, else for a title written alone its office and state
 * ("القائم بالأعمال التركي" and "القائم بأعمال السفارة التركية" are one person), else its name.
 */
function personKey(u: Unit): string {
  if (u.entity) return u.entity;
  if (u.titleOnly && u.office && (u.country || u.org)) return `${u.office}@${u.country ?? u.org}`;
  return u.name;
}

/** Resolved persons (person mentions and titles standing for a known person) by actor id. */
export function namedPersons(args: Assigned[]): Set<string> {
  return new Set(args.filter((a) => a.unit.kind === 'person' && a.unit.entity).map((a) => a.unit.entity!));
}

export function overlaps<T>(a: Set<T>, b: Set<T>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

export function isSubset<T>(a: Set<T>, b: Set<T>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * "وجّه دعوة ... لزيارة تونس" then "الزيارة المرتقبة للمنفي إلى تونس": an announced visit of the
 * parties of an invitation in the same story is what was invited, not an event of its own.
 */
export function foldInvitedVisits(drafts: Draft[]): void {
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i];
    if (!d.future || actionFamily(d.action) !== 'consult') continue;
    const invite = drafts.find((x) => x.action === 'invite' && !x.negated && isSubset(parties(d.actors), parties(x.actors)));
    if (!invite || parties(d.actors).size === 0) continue;
    for (const c of d.candidates) merge(invite, c, 'merge.invited_visit');
    drafts.splice(i, 1);
  }
}

/**
 * Statements, support, demands made in a story about a two-sided meeting address the other side:
 * a one-party speech act takes the meeting's other parties as recipients.
 */
export function addCounterparts(drafts: Draft[]): void {
  const meeting = drafts.find((d) => actionFamily(d.action) === 'consult' && parties(d.actors).size >= 2);
  if (!meeting) return;
  for (const d of drafts) {
    if (d === meeting || actionFamily(d.action) === 'consult' || parties(d.actors).size >= 2) continue;
    const mine = parties(d.actors);
    if (!overlaps(mine, parties(meeting.actors))) continue;
    for (const a of meeting.actors) {
      if (parties([a]).size === 0 || overlaps(parties([a]), mine)) continue;
      d.actors.push({ unit: a.unit, side: 'recipient', rule: 'args.counterpart' });
      if (!d.rules.includes('args.counterpart')) d.rules.push('args.counterpart');
    }
  }
}

export function newDraft(c: Candidate, story: number): Draft {
  return {
    candidates: [c],
    actors: [...c.args],
    evidence: [{ start: c.hit.start, end: c.hit.end }],
    story,
    event: c.event,
    action: c.action,
    mode: c.mode,
    negated: c.negated,
    future: c.future,
    rules: [...c.rules],
    location: null,
    headlineOnly: c.headline,
    presence: [],
  };
}

export function merge(d: Draft, c: Candidate, rule: string): void {
  d.candidates.push(c);
  const known = new Set(d.actors.map((a) => a.unit.entity ?? a.unit.name));
  for (const a of c.args) if (!known.has(a.unit.entity ?? a.unit.name)) d.actors.push(a);
  d.evidence.push({ start: c.hit.start, end: c.hit.end });
  for (const r of [rule, ...c.rules]) if (!d.rules.includes(r)) d.rules.push(r);
  // a headline-only draft takes the body's finer action (meet rather than the headline's "بحث")
  if (d.headlineOnly && !c.headline && actionFamily(c.action) === actionFamily(d.action)) {
    d.headlineOnly = false;
    d.action = c.action;
    d.event = c.event;
    d.mode = c.mode;
  }
  // a visit framing talks: the talks name the event ("خلال زيارته ... التقى")
  if (d.action === 'visit' && actionFamily(c.action) === 'consult' && c.action !== 'visit' && c.action !== 'attend') {
    d.action = c.action;
    d.event = c.event;
    d.mode = c.mode;
  }
  if (!d.mode && c.mode && actionFamily(c.action) === actionFamily(d.action)) d.mode = c.mode;
}
