/**
 * Argument units: the parties a sentence names (a person with the title linked to it, an
 * organization, a country, or a title standing alone for its holder), built from doc.mentions.
 */
import type { Doc, EventActor, Mention, Span } from '../doc.ts';

export interface Unit extends Span {
  /** Index of the main mention in doc.mentions. */
  mention: number;
  kind: EventActor['kind'];
  name: string;
  country: string | null;
  org: string | null;
  title: string | null;
  /** Canonical actor id when resolved. */
  entity?: string;
  /** Countries this party is posted to or acts in (an ambassador "لدى ليبيا"). */
  hosts: string[];
}

type MentionX = Mention & { host?: string; hostOrg?: string; kindDetail?: string };

/** Nisba adjectives ("الليبية") describe; they are not parties by themselves. */
function isAdjective(m: MentionX): boolean {
  return m.kindDetail === 'nisba';
}

/** Units of the mentions inside [start, end), in text order. */
export function unitsIn(doc: Doc, start: number, end: number): Unit[] {
  const mentions = doc.mentions as MentionX[];
  const linkedTitles = new Set<number>();
  for (const m of mentions) if (m.type === 'person' && m.title !== undefined) linkedTitles.add(m.title);
  const units: Unit[] = [];
  mentions.forEach((m, i) => {
    if (m.start < start || m.end > end) return;
    const base = { start: m.start, end: m.end, mention: i, entity: m.actor, hosts: m.host ? [m.host] : [] };
    if (m.type === 'person') {
      const t = m.title !== undefined ? mentions[m.title] : undefined;
      const span = t ? { start: Math.min(m.start, t.start), end: Math.max(m.end, t.end) } : {};
      units.push({
        ...base,
        ...span,
        kind: 'person',
        name: doc.text.slice(m.start, m.end).replace(/^[«"'\s]+|[»"'\s]+$/g, ''),
        country: m.country ?? t?.country ?? null,
        org: m.org ?? t?.org ?? null,
        title: t ? doc.text.slice(t.start, t.end) : null,
        hosts: [...new Set([...(m.host ? [m.host] : []), ...((t as MentionX | undefined)?.host ? [(t as MentionX).host!] : [])])],
      });
    } else if (m.type === 'organization') {
      units.push({ ...base, kind: 'organization', name: doc.text.slice(m.start, m.end), country: m.country ?? null, org: m.org ?? null, title: null });
    } else if (m.type === 'country' && !isAdjective(m)) {
      units.push({ ...base, kind: 'country', name: doc.text.slice(m.start, m.end), country: m.country ?? null, org: null, title: null });
    } else if (m.type === 'title' && !linkedTitles.has(i) && (m.country || m.org)) {
      const text = doc.text.slice(m.start, m.end);
      units.push({ ...base, kind: 'person', name: text, country: m.country ?? null, org: m.org ?? null, title: text });
    }
  });
  // a unit nested in another (a country inside an institution's name) is part of it
  units.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Unit[] = [];
  for (const u of units) {
    const last = out[out.length - 1];
    if (last && u.start >= last.start && u.end <= last.end) continue;
    out.push(u);
  }
  return out;
}

/** Places named in [start, end): location mentions and country mentions after a locative. */
export function placesIn(doc: Doc, start: number, end: number): Array<{ name: string; country: string | null; start: number; end: number }> {
  const out: Array<{ name: string; country: string | null; start: number; end: number }> = [];
  for (const m of doc.mentions) {
    if (m.start < start || m.end > end) continue;
    const locative = m.type === 'location' || (m.type === 'country' && !isAdjective(m as MentionX) && LOCATIVE_BEFORE.test(doc.text.slice(Math.max(0, m.start - 12), m.start)));
    if (locative) out.push({ name: cleanPlace(doc.text.slice(m.start, m.end)), country: m.country ?? null, start: m.start, end: m.end });
  }
  return out;
}

/** A country named after في/إلى/ب is a place ("في ليبيا", "بليبيا"). */
const LOCATIVE_BEFORE = /(?:(?:^|\s)(?:في|إلى|الى|داخل)\s+(?:مدينة\s+|العاصمة\s+)?|(?:^|\s)[وف]?ب)$/u;

/** A place name without a leading preposition clitic (بطرابلس → طرابلس). */
export function cleanPlace(s: string): string {
  return s.replace(/^[«"'\s]+|[»"'\s]+$/g, '');
}

/** The text between two offsets contains only separators (spaces, commas, quotes, و). */
export function onlySeparators(text: string, from: number, to: number): boolean {
  if (to <= from) return true;
  return /^[\s،,«»"'()\-–]*(?:و|وكذلك|إضافة إلى|بالإضافة إلى)?[\s«»"'(]*$/u.test(text.slice(from, to));
}
