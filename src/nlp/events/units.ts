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
  /** A title written alone, standing for its holder ("وزير الخارجية"). */
  titleOnly?: true;
  /** The office of a title written alone (title.minister), when the gazetteer knows it. */
  office?: string;
  /** A title written alone that names its owner itself ("الوزير الإيراني", "سفير الهند"). */
  namesOwner?: true;
}

type MentionX = Mention & { host?: string; hostOrg?: string; kindDetail?: string };

/** "العاصمة السعودية الرياض": a country name after العاصمة/المدينة is the adjective of a place. */
const PLACE_NOUN_BEFORE = /(?:^|\s)[وف]?(?:ب|ل)?ال(?:عاصمة|مدينة)\s+$/u;

/** "الأطراف الليبية", "السلطات التونسية": a nisba after these nouns stands for its state as a party. */
const PARTY_NOUN_BEFORE = /(?:^|\s)[وف]?(?:ال|لل|بال)?(?:أطراف|اطراف|سلطات|حكومة|حكومه|قيادة|قياده|جانب|فرقاء|أشقاء|اشقاء)\s+$/u;

/** Nisba adjectives ("الليبية") describe; they are not parties by themselves. */
function isAdjective(m: MentionX, text: string): boolean {
  if (m.kindDetail === 'nisba') return !PARTY_NOUN_BEFORE.test(text.slice(Math.max(0, m.start - 16), m.start));
  return m.type === 'country' && PLACE_NOUN_BEFORE.test(text.slice(Math.max(0, m.start - 14), m.start));
}

/**
 * For each resolved actor, its fullest mention in the document ("صدام خليفة حفتر" rather than
 * "حفتر"): the name, title and affiliation that later short mentions stand for.
 */
export function fullestMentions(doc: Doc): Map<string, number> {
  const best = new Map<string, number>();
  doc.mentions.forEach((m, i) => {
    if (m.type !== 'person' || !m.actor) return;
    const prev = best.get(m.actor);
    const score = (x: Mention) => (x.title !== undefined ? 1000 : 0) + (x.end - x.start);
    if (prev === undefined || score(m) > score(doc.mentions[prev])) best.set(m.actor, i);
  });
  return best;
}

/** Indices of the title mentions linked to a person. */
export function linkedTitlesOf(doc: Doc): Set<number> {
  const linked = new Set<number>();
  for (const m of doc.mentions) {
    if (m.type !== 'person') continue;
    if (m.title !== undefined) linked.add(m.title);
    if (m.chain !== undefined) linked.add(m.chain);
  }
  // "الممثلة الخاصة للأمين العام ورئيسة البعثة X": a title coordinated with a linked one is X's too
  for (const i of [...linked]) {
    for (let k = i - 1; k >= 0; k--) {
      const t = doc.mentions[k];
      if (t.type !== 'title') continue;
      if (!/^\s*و\s*$/u.test(doc.text.slice(t.end, doc.mentions[i].start))) break;
      linked.add(k);
      break;
    }
  }
  return linked;
}

const ARABIC_LETTER = /[\u0621-\u064A]/;

/**
 * The name of a mention as a reader writes it. A mention cut after the preposition of a word in
 * لل (للمجلس الرئاسي → the span starts at لمجلس) is the definite name with its alef elided:
 * ال is restored (المجلس الرئاسي); every other mention is its text. (A stem that itself starts
 * with ل loses a lam in writing, للجنة = ل + اللجنة, and comes out as الجنة: such cuts are rare.)
 */
export function mentionName(text: string, start: number, end: number): string {
  const name = text.slice(start, end);
  if (start < 1 || text[start] !== 'ل' || text[start - 1] !== 'ل') return name;
  // the preposition ل starts its word, alone or after a conjunction و/ف
  const before = start >= 2 ? text[start - 2] : '';
  const wordStart = !ARABIC_LETTER.test(before) || ((before === 'و' || before === 'ف') && (start < 3 || !ARABIC_LETTER.test(text[start - 3])));
  return wordStart ? 'ا' + name : name;
}

/** The unit of one organization, country or title mention. */
export function unitOf(doc: Doc, m: MentionX, i: number, kind: Unit['kind'], org: string | null, title: string | null): Unit {
  return { start: m.start, end: m.end, mention: i, entity: m.actor, hosts: m.host ? [m.host] : [], kind, name: mentionName(doc.text, m.start, m.end), country: m.country ?? null, org, title };
}

/** Units of the mentions inside [start, end), in text order. */
export function unitsIn(doc: Doc, start: number, end: number, fullest: Map<string, number> = fullestMentions(doc)): Unit[] {
  return unitsOf(doc, doc.mentions.keys(), start, end, fullest, linkedTitlesOf(doc));
}

/**
 * `unitsIn` over the given mention indices (ascending; those outside [start, end) are skipped),
 * with the linked titles of the document computed once by the caller.
 */
export function unitsOf(doc: Doc, indices: Iterable<number>, start: number, end: number, fullest: Map<string, number>, linkedTitles: ReadonlySet<number>): Unit[] {
  const mentions = doc.mentions as MentionX[];
  const units: Unit[] = [];
  const inside = [...indices].filter((i) => mentions[i].start >= start && mentions[i].end <= end);
  for (const i of inside) {
    const m = mentions[i];
    if (m.type === 'person') {
      // a short mention ("الباعور") speaks for the actor's fullest mention in the document
      const full = m.actor !== undefined && fullest.has(m.actor) ? mentions[fullest.get(m.actor)!] : m;
      // the title written next to this mention (a title carried over from an earlier mention is not)
      const linked = m.title !== undefined ? mentions[m.title] : undefined;
      // (next to it: not past another mention of a person, "وزير الخارجية X اجتمع ...، وأن X دعا")
      const between = linked ? (linked.end <= m.start ? [linked.end, m.start] : [m.end, linked.start]) : [0, 0];
      // (a title it may own lies inside the span, so only the span's persons can stand between)
      const apart = linked !== undefined && inside.some((k) => k !== i && mentions[k].type === 'person' && mentions[k].start >= between[0] && mentions[k].end <= between[1]);
      const own = linked && !apart && linked.start >= start && linked.end <= end && Math.abs(linked.start - m.start) < 200 ? linked : undefined;
      const t: MentionX | undefined = own ?? (full.title !== undefined ? mentions[full.title] : undefined);
      const name = doc.text.slice(full.start, full.end).replace(/^[«"'\s]+|[»"'\s]+$/g, '');
      const hosts = m.host ? [m.host] : [];
      if (t?.host && t.host !== m.host) hosts.push(t.host);
      units.push({
        // the unit covers the person and the title written next to it here
        start: own ? Math.min(m.start, own.start) : m.start,
        end: own ? Math.max(m.end, own.end) : m.end,
        mention: i,
        entity: m.actor,
        hosts,
        kind: 'person',
        name,
        // an official of an international organization acts for it, not for his nationality
        country: t?.org ? (t.country ?? null) : (full.country ?? t?.country ?? m.country ?? null),
        org: t?.org ?? full.org ?? m.org ?? null,
        title: t ? doc.text.slice(t.start, t.end) : null,
      });
    } else if (m.type === 'organization') {
      units.push(unitOf(doc, m, i, 'organization', m.org ?? null, null));
    } else if (m.type === 'country' && !isAdjective(m, doc.text)) {
      units.push(unitOf(doc, m, i, 'country', null, null));
    } else if (m.type === 'title' && !linkedTitles.has(i) && (m.country || m.org) && !insideTitle(mentions, i)) {
      const u = unitOf(doc, m, i, 'person', m.org ?? null, null);
      u.title = u.name;
      u.titleOnly = true;
      if (m.role) u.office = m.role;
      if (/attach\.owner|phrase_owner/.test(m.source)) u.namesOwner = true;
      // a title standing for a person named in the document ("وطالب رئيس المجلس ...") carries his name
      const holder = m.actor !== undefined && fullest.has(m.actor) ? mentions[fullest.get(m.actor)!] : undefined;
      if (holder) u.name = doc.text.slice(holder.start, holder.end).replace(/^[«"'\s]+|[»"'\s]+$/g, '');
      units.push(u);
    }
  }
  // a unit nested in another (a country inside an institution's name) is part of it
  units.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Unit[] = [];
  // a title standing for a person named right after it ("رئيس مجلس السيادة القائد العام ... X") is X
  const named = new Set(units.filter((u) => u.kind === 'person' && mentions[u.mention].type === 'person' && u.entity).map((u) => u.entity));
  for (const u of units) {
    const last = out[out.length - 1];
    if (last && u.start >= last.start && u.end <= last.end) continue;
    const person = mentions[u.mention].type === 'title' && u.entity && named.has(u.entity) ? nextPerson(units, u) : undefined;
    // the title and the name after it are one party, from the title on
    if (person && person.entity === u.entity) out.push({ ...person, start: u.start, end: Math.max(u.end, person.end) });
    else out.push(u);
  }
  return out;
}

/** Whether a title lies inside the phrase of the title just before it ("المبعوث الخاص للرئيس الروسي"). */
function insideTitle(mentions: MentionX[], i: number): boolean {
  const m = mentions[i];
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = mentions[k];
    if (t.type === 'title' && t.extent && t.extent.start <= m.start && t.extent.end >= m.end) return true;
  }
  return false;
}

/** The next person unit after a title unit. */
function nextPerson(units: Unit[], title: Unit): Unit | undefined {
  return units.find((v) => v.start >= title.end && v.kind === 'person');
}

/**
 * Places named in [start, end): location mentions and country mentions after a locative.
 * `indices` (ascending mention indices, e.g. those inside the span) limits the mentions looked at.
 */
export function placesIn(doc: Doc, start: number, end: number, indices: Iterable<number> = doc.mentions.keys()): Array<{ name: string; country: string | null; start: number; end: number }> {
  const out: Array<{ name: string; country: string | null; start: number; end: number }> = [];
  for (const i of indices) {
    const m = doc.mentions[i];
    if (m.start < start || m.end > end) continue;
    // a capital without a locative may stand for its state ("حرص روما على ...")
    // (a name only the tagger calls a place needs a locative too: "المعينة لدى المملكة أمينة كاماو")
    const free = m.type === 'location' && (m as MentionX).kindDetail !== 'capital' && m.source.includes('gaz:');
    const locative = free || ((m.type === 'location' || (m.type === 'country' && !isAdjective(m as MentionX, doc.text))) && LOCATIVE_BEFORE.test(doc.text.slice(Math.max(0, m.start - 30), m.start)));
    if (locative) out.push({ name: cleanPlace(mentionName(doc.text, m.start, m.end)), country: m.country ?? null, start: m.start, end: m.end });
  }
  return out;
}

/** A country or capital named after في/إلى/ب, or visited, is a place ("في ليبيا", "بليبيا", "يزور روما", "زيارتهم لواشنطن"). */
const LOCATIVE_BEFORE = /(?:(?:^|\s)(?:في|إلى|الى|داخل|زار|وزار|زارت|يزور|تزور|زيارة|زيارته|زيارتها)\s+(?:(?:مدينة|العاصمة)(?:\s+\S+ي[ةه])?\s+)?|(?:^|\s)[وف]?بال(?:مدينة|عاصمة)(?:\s+\S+ي[ةه])?\s+|(?:^|\s)[وف]?ب|(?:^|\s)زيار(?:ة|ت[هكن][ام]?[ا]?)\s+ل)$/u;

/** A place name without a leading preposition clitic (بطرابلس → طرابلس). */
export function cleanPlace(s: string): string {
  return s.replace(/^[«"'\s]+|[»"'\s]+$/g, '');
}

/** The text between two offsets contains only separators (spaces, commas, quotes, و). */
export function onlySeparators(text: string, from: number, to: number): boolean {
  if (to <= from) return true;
  return /^[\s،,«»"'()\-–]*(?:و|وكذلك|إضافة إلى|بالإضافة إلى)?[\s«»"'(]*$/u.test(text.slice(from, to));
}
