/**
 * Where an event happened: the venue among the places of its sentences, told from places that
 * are its topic or someone's post ("بحثا الأوضاع في السودان", "سفير إيطاليا في طرابلس") by the
 * cue words of data/events/places.yaml; else the seat named after "بمقر"; else the dateline.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Doc, DocEvent, Span, Story } from '../doc.ts';
import { normalizeArabic } from '../../text/normalize.ts';
import { tokenRange } from '../../text/index.ts';
import { bare, contextWords } from './contexts.ts';
import { mentionsIn, type DocCache } from './cache.ts';
import { placesIn } from './units.ts';

const PlaceCueSchema = z.array(
  z
    .object({
      id: z.string().regex(/^place\.[a-z_]+$/),
      kind: z.enum(['topic', 'venue', 'seat', 'purpose', 'scheduled']),
      window: z.number().int().min(1).max(8),
      words: z.array(z.string().min(1)).min(1),
      actions: z.array(z.string().min(1)).optional(),
    })
    .strict(),
);

export interface PlaceCues {
  /** Cue words (normalized, without clitics) by kind, with the rule id of each kind. */
  topic: Set<string>;
  venue: Set<string>;
  seat: Set<string>;
  /** Words that make a venue cue right after them another, scheduled act's ("المقرر عقدها في مسقط"). */
  scheduled: Set<string>;
  /** Words opening a purpose clause (normalized, clitics kept: لحضور، للمشاركة). */
  purpose: Set<string>;
  /** The actions whose purpose clauses hold no venue (invite). */
  purposeActions: Set<string>;
  /** How many words before a place are read. */
  window: number;
  ids: { topic: string; venue: string; seat: string; purpose: string; scheduled: string };
}

export const DEFAULT_PLACES_FILE = new URL('../../../data/events/places.yaml', import.meta.url).pathname;

export function loadPlaceCues(file: string = DEFAULT_PLACES_FILE): PlaceCues {
  const parsed = PlaceCueSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new Error(`${file}: entry ${i.path.join('.')}: ${i.message}`);
  }
  const cues: PlaceCues = { topic: new Set(), venue: new Set(), seat: new Set(), scheduled: new Set(), purpose: new Set(), purposeActions: new Set(), window: 1, ids: { topic: '', venue: '', seat: '', purpose: '', scheduled: '' } };
  for (const entry of parsed.data) {
    if (cues.ids[entry.kind]) throw new Error(`${file}: entry ${entry.id}: a second entry of kind ${entry.kind}`);
    cues.ids[entry.kind] = entry.id;
    if (entry.kind === 'topic' || entry.kind === 'venue') cues.window = Math.max(cues.window, entry.window);
    if (entry.kind === 'purpose') {
      for (const w of entry.words) cues.purpose.add(normalizeArabic(w));
      for (const a of entry.actions ?? []) cues.purposeActions.add(a);
      continue;
    }
    for (const w of entry.words) {
      const word = bare(normalizeArabic(w));
      for (const kind of ['topic', 'venue', 'seat', 'scheduled'] as const) {
        if (kind !== entry.kind && cues[kind].has(word)) throw new Error(`${file}: entry ${entry.id}: "${w}" is also a ${kind} cue`);
      }
      cues[entry.kind].add(word);
    }
  }
  return cues;
}

/** "بمقر X", "في ديوان X": the seat of an institution. */
const SEAT = /(?:بديوان|بمقر|في مقر|في ديوان|داخل مقر)\s+/u;

/** Words read through, not counted: prepositions before a place and "مدينة/العاصمة". */
const THROUGH = new Set(['في', 'الي', 'داخل', 'مدينه', 'عاصمه', 'منطقه']);

export type PlaceRole = 'venue' | 'topic';

/** Whether a cue set holds a word, also after a one-letter proclitic the cue form keeps (بهدنة، وسفير). */
function hasCue(set: Set<string>, w: string): boolean {
  if (set.has(w)) return true;
  if (w.length < 4) return false;
  const a = w.charCodeAt(0);
  const one = a === 0x648 || a === 0x641 || a === 0x628 || a === 0x644 || a === 0x643; // و ف ب ل ك
  if (!one) return false;
  if (set.has(w.slice(1))) return true;
  const b = w.charCodeAt(1);
  return (a === 0x648 || a === 0x641) && (b === 0x628 || b === 0x644 || b === 0x643) && w.length > 4 && set.has(w.slice(2));
}

const QUOTES = /^[«»"'“”()]+$/u;

/** Whether the place at `place` is the venue or a topic/post, read from the words before it. */
export function placeRole(doc: Doc, cache: DocCache, place: Span, from: number, cues: PlaceCues): PlaceRole {
  cache.contextWords ??= contextWords(doc.tokens);
  const words = cache.contextWords;
  const tokens = doc.tokens;
  let k = tokenRange(tokens, place)[0] - 1;
  let counted = 0;
  while (k >= 0 && tokens[k].start >= from && counted < cues.window) {
    const t = tokens[k];
    const w = words[k];
    k--;
    if (t.end > place.start) continue; // the token the place is glued to ("بطرابلس")
    if (t.kind === 'punct' && QUOTES.test(doc.text.slice(t.start, t.end))) continue;
    if (t.kind === 'punct' || t.kind === 'number' || t.kind === 'date') break;
    // "الدورة المقرر عقدها في مسقط": the venue of a scheduled act, not of this one
    if (hasCue(cues.venue, w)) return k >= 0 && hasCue(cues.scheduled, words[k]) ? 'topic' : 'venue';
    if (hasCue(cues.topic, w)) return k >= 0 && hasCue(cues.seat, words[k]) ? 'venue' : 'topic';
    if (!THROUGH.has(w)) counted++;
  }
  return 'venue';
}

/** Where the first purpose clause after the trigger starts (the span's end when none). */
function purposeStart(doc: Doc, span: Span, at: number, cues: PlaceCues): number {
  const [from, to] = tokenRange(doc.tokens, span);
  for (let k = from; k < to; k++) {
    const t = doc.tokens[k];
    if (t.start >= at && cues.purpose.has(t.norm)) return t.start;
  }
  return span.end;
}

/**
 * The country of a dateline's place: a place mention inside it, else (a dateline above the
 * headline, outside the story's text) a mention of the same place elsewhere in the document.
 */
function datelineCountry(doc: Doc, dl: Span & { place?: string }): string | null {
  const isPlace = (x: Doc['mentions'][number]) => (x.type === 'location' || x.type === 'country') && x.country;
  const inside = doc.mentions.find((x) => isPlace(x) && x.start >= dl.start && x.end <= dl.end);
  if (inside) return inside.country ?? null;
  const name = normalizeArabic(dl.place ?? '');
  return doc.mentions.find((x) => isPlace(x) && x.norm === name)?.country ?? null;
}

export interface Located {
  /** The venue, or null when neither the sentences nor the dateline name one. */
  location: { name: string; country: string | null } | null;
  /** The country of the first place named in the sentences, venue or topic (a party for one-party events). */
  placeCountry: string | null;
  rules: string[];
}

/**
 * The venue of an event reported by `sentences` (body before headline), each with the offset of
 * its trigger: the venue place nearest the trigger, else the organization after "بمقر", else the
 * story's dateline place. Places inside the dateline itself are the dateline's.
 */
export function locate(
  doc: Doc,
  story: Story,
  sentences: ReadonlyArray<{ span: Span; at: number; action: string }>,
  cache: DocCache,
  cues: PlaceCues,
): Located {
  // a story opened by "وفي سياق آخر" is sent from where the story it turns from was
  const dl = story.dateline ?? (story.parent !== undefined ? doc.stories.find((s) => s.index === story.parent)?.dateline : undefined);
  // "الكويت -": a city-state's dateline names the country itself
  const datelinePlace = dl?.place ? { name: dl.place, country: datelineCountry(doc, dl) } : null;
  let placeCountry: string | null = null;
  for (const s of sentences) {
    const purpose = cues.purposeActions.has(s.action) ? purposeStart(doc, s.span, s.at, cues) : s.span.end;
    const inside = mentionsIn(cache, doc.mentions, s.span.start, s.span.end);
    // "وزير الخارجية بجمهورية الصومال": a place right after a title is whose office it is
    const titleEnds = inside.map((i) => doc.mentions[i]).filter((m) => m.type === 'title').map((m) => m.end);
    // ("المبعوثة الخاصة للاتحاد الأوروبي للقرن الأفريقي": ل for an envoy's remit)
    const afterTitle = (p: Span) => titleEnds.some((e) => e <= p.start && /^\s*(?:ب|في|لدى|ل)?\s*$/u.test(doc.text.slice(e, p.start)));
    const places = placesIn(doc, s.span.start, s.span.end, inside)
      .filter((p) => !(dl && p.start >= dl.start && p.end <= dl.end) && p.start < purpose && !afterTitle(p))
      .sort((a, b) => Math.abs(a.start - s.at) - Math.abs(b.start - s.at));
    if (placeCountry === null) placeCountry = places.find((p) => p.country)?.country ?? null;
    const venue = places.find((p) => placeRole(doc, cache, p, s.span.start, cues) === 'venue');
    if (venue) {
      // "في زيارة رسمية إلى مصر" from "القاهرة": a state named as the venue is the dateline's city in it
      const state = doc.mentions.some((x) => x.type === 'country' && x.start === venue.start && x.end === venue.end);
      if (state && datelinePlace && datelinePlace.country === venue.country && !doc.mentions.some((x) => x.type === 'country' && x.start >= dl!.start && x.end <= dl!.end && x.kindDetail !== 'capital')) {
        return { location: datelinePlace, placeCountry: placeCountry ?? venue.country, rules: [cues.ids.venue, 'place.dateline_city'] };
      }
      return { location: { name: venue.name, country: venue.country }, placeCountry: placeCountry ?? venue.country, rules: [cues.ids.venue] };
    }
    // "بمقر المجلس الرئاسي": the seat's city when the dateline names one in its country, else the seat
    const m = SEAT.exec(doc.text.slice(s.span.start, s.span.end));
    const at = m ? s.span.start + m.index + m[0].length : -1;
    const org = m ? doc.mentions.find((x) => x.type === 'organization' && x.start === at) : undefined;
    if (org) {
      const country = org.country ?? null;
      // ("بمقر القيادة العامة للقوات المسلحة" in a Khartoum story: a body several states have, its state not named)
      const named = doc.mentions.some((x) => (x.type === 'country' || x.type === 'location') && x.start >= org.start && x.end <= org.end);
      if (datelinePlace && (!country || country === datelinePlace.country || !named)) return { location: datelinePlace, placeCountry, rules: [cues.ids.seat, 'place.dateline'] };
      return { location: { name: doc.text.slice(org.start, org.end), country }, placeCountry, rules: [cues.ids.seat] };
    }
  }
  if (datelinePlace) return { location: datelinePlace, placeCountry, rules: ['place.dateline'] };
  return { location: null, placeCountry, rules: [] };
}

/** Rules that place an event from its own sentences (not the dateline alone). */
const OWN_VENUE = new Set(['place.venue', 'place.seat', 'place.dateline_city']);

/**
 * Events of one story that name no place take the venue of the story's event they belong to:
 * "وتم في ختام الاجتماع توقيع المحضر", "وجدد سموه دعم المملكة ..." after "استقبل ... في مقر
 * الوزارة بالرياض". The venue's event must share a party with them and their date (the same
 * occasion); the nearest such event before them is preferred, else the nearest after. Phone
 * calls and messages keep no place. Returns the events changed (rule place.story_venue).
 */
export function inheritStoryVenues(events: DocEvent[]): number {
  const located = events.filter((e) => e.location && e.rules.some((r) => OWN_VENUE.has(r)));
  if (located.length === 0) return 0;
  let changed = 0;
  const parties = (e: DocEvent) => new Set([...e.countries, ...e.organizations, ...e.actors.map((a) => a.entity ?? a.name)]);
  const venueParties = new Map(located.map((v) => [v, [...parties(v)]]));
  for (const e of events) {
    if (e.location || e.rules.includes('place.phone') || e.rules.includes('place.message')) continue;
    const mine = parties(e);
    const start = e.evidence[0]?.start ?? 0;
    const fits = located.filter((v) => v.date === e.date && venueParties.get(v)!.some((p) => mine.has(p)));
    const before = fits.filter((v) => (v.evidence[0]?.start ?? 0) <= start).pop();
    const venue = before ?? fits.find((v) => (v.evidence[0]?.start ?? 0) > start);
    if (!venue) continue;
    e.location = { ...venue.location! };
    e.rules.push('place.story_venue');
    changed++;
  }
  return changed;
}
