/**
 * Event identity: whether two reports (or a report and a stored event) are the same real-world
 * happening. Pure logic, no store: the store looks up candidates and asks `compatibility`.
 *
 * Two reports are the same happening when nothing contradicts it:
 * - same action family (meet, negotiate, visit, phone_call, attend and host are one family;
 *   other actions only match themselves) and the same negation;
 * - compatible parties: the countries + organizations overlap and neither side has a party the
 *   other lacks while the other also has one it lacks ({LBY,TUR} vs {LBY,EGY} differ; {LBY} vs
 *   {LBY,EU} agree: one outlet named fewer parties);
 * - compatible persons: a shared canonical actor id or normalized full name; reports naming
 *   different persons are the same only when the persons hold the same roles (side + country)
 *   and nothing else differs (same parties, same day, same action, no place conflict);
 * - compatible dates: equal explicit dates (a month matches its days); when a date is only the
 *   publication-day fallback, within ±2 days; different explicit days are different events;
 *   with no date at all on one side, the parties must be the same;
 * - compatible places: the same place (after normalization, one name may contain the other) or
 *   one unknown; for statements, demands and the like (not in PLACED) a different place lowers
 *   the score but does not decide, when a person is shared.
 * `score` ranks compatible candidates (more shared evidence, higher); `reasons` say why.
 */
import { normalizeArabic } from '../../text/normalize.ts';

export const CONSULT_FAMILY: ReadonlySet<string> = new Set(['meet', 'negotiate', 'visit', 'phone_call', 'attend', 'host', 'mediate']);

/**
 * Families whose happening has a place that outlets report alike: a different place is a
 * different happening. For the others (statements, demands, congratulations...) a different
 * place only lowers the score, and needs a shared person.
 */
export const PLACED: ReadonlySet<string> = new Set(['consult', 'sign_agreement', 'agree']);

/** Days a publication-day fallback date may be away from the other report's date. */
export const FALLBACK_WINDOW_DAYS = 2;

export interface ReportActor {
  name: string;
  kind: string;
  side: string;
  country: string | null;
  org: string | null;
  entity?: string | null;
}

/** What identity looks at in a report or an event. */
export interface EventReport {
  action: string;
  negated?: boolean;
  countries: string[];
  organizations: string[];
  actors: ReportActor[];
  location: { name: string; country: string | null } | null;
  /** The event date the text fixes (ISO day or month), else null. */
  date: string | null;
  /** Fallback day when `date` is null: the publication day (ISO), if known. */
  day?: string | null;
}

export interface Compatibility {
  same: boolean;
  score: number;
  reasons: string[];
}

/** Signing an agreement and signing a memorandum: one act of signing, however the text names the documents. */
const SIGN_FAMILY: ReadonlySet<string> = new Set(['sign_agreement', 'sign_memorandum']);

export function actionFamily(action: string): string {
  return CONSULT_FAMILY.has(action) ? 'consult' : SIGN_FAMILY.has(action) ? 'sign' : action;
}

/** A person name for comparison: normalized, spaces removed (عبد الحميد = عبدالحميد). */
export function personKey(name: string): string {
  return normalizeArabic(name).replace(/\s+/g, '');
}

export function placeKey(name: string): string {
  return normalizeArabic(name).replace(/\s+/g, ' ').trim();
}

export function parties(r: Pick<EventReport, 'countries' | 'organizations'>): string[] {
  return [...new Set([...r.countries, ...r.organizations])].sort();
}

/** Days from `a` to `b` (ISO days; a month counts as its first day); null when unparsable. */
export function dayDiff(a: string, b: string): number | null {
  const t = (s: string) => Date.parse(s.length === 7 ? `${s}-01` : s.slice(0, 10));
  const x = t(a);
  const y = t(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return null;
  return Math.round((y - x) / 86_400_000);
}

const join = (xs: Iterable<string>) => [...xs].sort().join(',');

export function compatibility(a: EventReport, b: EventReport): Compatibility {
  const reasons: string[] = [];
  let score = 0;
  const no = (why: string): Compatibility => ({ same: false, score: 0, reasons: [...reasons, why] });

  const fa = actionFamily(a.action);
  if (fa !== actionFamily(b.action)) return no(`different actions: ${a.action} vs ${b.action}`);
  if (Boolean(a.negated) !== Boolean(b.negated)) return no('one report is negated');
  if (a.action === b.action) {
    score += 1;
    reasons.push(`same action ${a.action}`);
  } else reasons.push(`same family ${fa}: ${a.action}, ${b.action}`);

  // parties
  const pa = new Set(parties(a));
  const pb = new Set(parties(b));
  const shared = [...pa].filter((p) => pb.has(p));
  const onlyA = [...pa].filter((p) => !pb.has(p));
  const onlyB = [...pb].filter((p) => !pa.has(p));
  const partiesEqual = pa.size === pb.size && onlyA.length === 0;
  if (pa.size && pb.size) {
    if (!shared.length) return no(`no shared party: ${join(pa)} vs ${join(pb)}`);
    if (onlyA.length && onlyB.length) return no(`parties contradict: ${join(onlyA)} vs ${join(onlyB)}`);
    score += partiesEqual ? 3 : 1 + shared.length * 0.5;
    reasons.push(partiesEqual ? `same parties ${join(pa)}` : `parties ${join(shared)} shared, ${join([...onlyA, ...onlyB])} named by one report`);
  }

  // dates
  const da = a.date ?? null;
  const db = b.date ?? null;
  let sameDay = false;
  if (da && db) {
    if (da === db) {
      score += 2;
      sameDay = true;
      reasons.push(`same date ${da}`);
    } else if (da.length !== db.length && (da.startsWith(db) || db.startsWith(da))) {
      score += 1;
      reasons.push(`date ${da} within ${da.length < db.length ? da : db}`);
    } else return no(`different dates: ${da} vs ${db}`);
  } else {
    const xa = da ?? a.day ?? null;
    const xb = db ?? b.day ?? null;
    const diff = xa && xb ? dayDiff(xa, xb) : null;
    if (diff !== null) {
      if (Math.abs(diff) > FALLBACK_WINDOW_DAYS) return no(`dates too far apart: ${xa} vs ${xb} (publication day fallback)`);
      score += diff === 0 ? 1.5 : 1;
      sameDay = diff === 0;
      reasons.push(`date ${xa} ~ ${xb} (publication day fallback, ${Math.abs(diff)} days apart)`);
    } else {
      // nothing in time ties them: the parties must agree fully
      if (!partiesEqual) return no(`date unknown and parties differ: ${join(pa)} vs ${join(pb)}`);
      reasons.push('date unknown');
    }
  }

  // places
  let placeSoft = false;
  const la = a.location;
  const lb = b.location;
  if (la && lb) {
    const ka = placeKey(la.name);
    const kb = placeKey(lb.name);
    const samePlace = (ka === kb || ka.includes(kb) || kb.includes(ka)) && !(la.country && lb.country && la.country !== lb.country);
    if (samePlace) {
      score += 1;
      reasons.push(`same place ${la.name}`);
    } else if (PLACED.has(fa)) return no(`different places: ${la.name} vs ${lb.name}`);
    else {
      // where a statement or a demand was made is rarely reported the same way (or at all)
      score -= 1;
      placeSoft = true;
      reasons.push(`places differ (${la.name}, ${lb.name}), not decisive for ${fa}`);
    }
  } else reasons.push('place unknown in one report');

  // persons
  const persA = a.actors.filter((x) => x.kind === 'person');
  const persB = b.actors.filter((x) => x.kind === 'person');
  const idsB = new Set(persB.map((x) => x.entity).filter(Boolean));
  const namesB = new Set(persB.map((x) => personKey(x.name)));
  const sharedPersons = persA.filter((x) => (x.entity && idsB.has(x.entity)) || namesB.has(personKey(x.name)));
  if (sharedPersons.length) {
    score += 3 + (sharedPersons.length - 1);
    reasons.push(`shared person ${sharedPersons.map((x) => x.entity ?? x.name).join(', ')}`);
  } else if (persA.length && persB.length) {
    const roles = (ps: ReportActor[]) => join(new Set(ps.map((x) => `${x.side}:${x.country ?? x.org ?? '?'}`)));
    const ra = roles(persA);
    const rb = roles(persB);
    if (ra !== rb) return no(`different persons in different roles: ${ra} vs ${rb}`);
    if (!(partiesEqual && pa.size > 0 && sameDay && a.action === b.action && !placeSoft)) {
      return no('different persons, and not everything else is the same');
    }
    reasons.push(`different persons in the same roles (${ra}), nothing else differs`);
  } else if (placeSoft) {
    return no('places differ and no person is shared');
  } else if (!pa.size || !pb.size) {
    // no shared person and no parties on one side: nothing ties the reports together
    return no('nothing ties the reports: no shared person and no parties on one side');
  }
  return { same: true, score, reasons };
}
