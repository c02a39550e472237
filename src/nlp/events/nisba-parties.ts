/**
 * Parties named by a nisba after a noun (data/events/parties.yaml, `nisba_parties`): in a
 * condemnation a nisba right after a noun of hostile acts ("أدان الأمين العام الاعتداءات
 * الإسرائيلية المتكررة على غزة") names the state that commits them (rule args.hostile_nisba); in a
 * statement of support one right after the cause supported ("أكد دعم بلاده للحوار الليبي"، "لإقامة
 * دولة فلسطينية") names the state supported (args.cause_nisba). Each names a recipient. A condemnation
 * naming no accused is made towards the state the condemned act hit (args.condemned_target).
 */
import type { Doc, Span } from '../doc.ts';
import { normalizeArabic } from '../../text/normalize.ts';
import type { Assigned } from './args.ts';
import { unitOf, type Unit } from './units.ts';

export interface NisbaRule {
  /** Rule id recorded on the events it adds a party to. */
  rule: string;
  /** Actions whose complement names a party this way. */
  actions: ReadonlySet<string>;
  /** The nouns, normalized, without ال. */
  nouns: ReadonlySet<string>;
  /** At most this many words between the trigger and the nisba (none: the rest of the sentence). */
  within?: number;
}

export interface NisbaRuleSpec {
  rule: string;
  actions: string[];
  nouns: string[];
  within?: number;
}

export function compileNisbaRules(specs: readonly NisbaRuleSpec[]): NisbaRule[] {
  return specs.map((s) => ({ rule: s.rule, actions: new Set(s.actions), nouns: new Set(s.nouns.map((n) => bareNoun(normalizeArabic(n)))), within: s.within }));
}

/** A noun without its proclitics and article: "والاعتداءات" → "اعتداءات". */
function bareNoun(w: string): string {
  return w.replace(/^(?:[وف])?(?:بال|لل|ال|ب|ل)?/u, (p) => (w.length - p.length >= 3 ? '' : p));
}

const LAST_WORD = /([\p{L}\u064B-\u0652]+)\s+$/u;

/**
 * The states named by nisbas after the rules' nouns in [from, sentence end), as recipients not
 * already among `args`.
 */
export function nisbaParties(doc: Doc, inside: readonly number[], action: string, from: number, sentence: Span, args: readonly Assigned[], rules: readonly NisbaRule[]): Assigned[] {
  const out: Assigned[] = [];
  for (const r of rules) {
    if (!r.actions.has(action)) continue;
    const have = new Set([...args, ...out].map((a) => a.unit.country).filter(Boolean));
    for (const i of inside) {
      const m = doc.mentions[i] as (typeof doc.mentions)[number] & { kindDetail?: string };
      if (m.kindDetail !== 'nisba' || !m.country || m.start < from || m.end > sentence.end || have.has(m.country)) continue;
      // (the cause right after the act, not a phrase nested further on: "أشاد بجهود الأمانة في حشد الموقف الداعم للقضية الفلسطينية")
      if (r.within !== undefined && doc.text.slice(from, m.start).split(/\s+/u).filter(Boolean).length > r.within) continue;
      const before = LAST_WORD.exec(doc.text.slice(Math.max(sentence.start, m.start - 24), m.start));
      if (!before || !r.nouns.has(bareNoun(normalizeArabic(before[1])))) continue;
      out.push({ unit: unitOf(doc, m, i, 'country', null, null), side: 'recipient', rule: r.rule });
      have.add(m.country);
    }
  }
  return out;
}

/** Actions whose object is what a party did to another: the state it was done to or in is a party. */
const TARGETED = new Set(['condemn']);

/**
 * "أدانت قطر الهجوم الذي استهدف نقطة عسكرية في ... نيجيريا": a condemnation that names no accused
 * party is made towards the state the condemned act hit, the first state named after the act
 * that is not the condemner's (rule args.condemned_target).
 */
export function condemnedTarget(units: readonly Unit[], action: string, from: number, sentence: Span, args: readonly Assigned[]): Assigned[] {
  if (!TARGETED.has(action) || args.some((a) => a.side === 'recipient')) return [];
  const own = new Set(args.map((a) => a.unit.country).filter(Boolean));
  const target = units.find((u) => u.kind === 'country' && u.start >= from && u.end <= sentence.end && u.country && !own.has(u.country));
  return target ? [{ unit: target, side: 'recipient', rule: 'args.condemned_target' }] : [];
}
