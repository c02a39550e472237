/**
 * Who commits the acts a condemnation or an accusation reports: a nisba right after a noun of
 * hostile acts ("أدان الأمين العام الاعتداءات الإسرائيلية المتكررة على غزة") names the state that
 * commits them, a party of the event as its recipient (rule args.hostile_nisba). The nouns and
 * the actions are data (data/events/parties.yaml, `hostile_acts`).
 */
import type { Doc, Span } from '../doc.ts';
import { normalizeArabic } from '../../text/normalize.ts';
import type { Assigned } from './args.ts';
import { unitOf } from './units.ts';

export interface HostileActs {
  /** Actions whose reported acts name a party (condemn, accuse). */
  actions: ReadonlySet<string>;
  /** Nouns of hostile acts, normalized, without ال. */
  nouns: ReadonlySet<string>;
}

export function compileHostileActs(spec: { actions: string[]; nouns: string[] }): HostileActs {
  return { actions: new Set(spec.actions), nouns: new Set(spec.nouns.map((n) => bareNoun(normalizeArabic(n)))) };
}

/** A noun without its proclitics and article: "والاعتداءات" → "اعتداءات". */
function bareNoun(w: string): string {
  return w.replace(/^(?:[وف])?(?:بال|لل|ال|ب|ل)?/u, (p) => (w.length - p.length >= 3 ? '' : p));
}

const LAST_WORD = /([\p{L}\u064B-\u0652]+)\s+$/u;

/**
 * The states named by nisbas after hostile-act nouns in [from, sentence end), as recipients not
 * already among `args`.
 */
export function hostileParties(doc: Doc, inside: readonly number[], action: string, from: number, sentence: Span, args: readonly Assigned[], acts: HostileActs | undefined): Assigned[] {
  if (!acts || !acts.actions.has(action)) return [];
  const have = new Set(args.map((a) => a.unit.country).filter(Boolean));
  const out: Assigned[] = [];
  for (const i of inside) {
    const m = doc.mentions[i] as (typeof doc.mentions)[number] & { kindDetail?: string };
    if (m.kindDetail !== 'nisba' || !m.country || m.start < from || m.end > sentence.end || have.has(m.country)) continue;
    const before = LAST_WORD.exec(doc.text.slice(Math.max(sentence.start, m.start - 24), m.start));
    if (!before || !acts.nouns.has(bareNoun(normalizeArabic(before[1])))) continue;
    out.push({ unit: unitOf(doc, m, i, 'country', null, null), side: 'recipient', rule: 'args.hostile_nisba' });
    have.add(m.country);
  }
  return out;
}
