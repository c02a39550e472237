/**
 * Readings of ambiguous gazetteer aliases chosen by the document: "عمان" is Oman or Amman, and a
 * text that names Jordan (الأردن، الأردنية) and never Oman means Amman. Each reading's country
 * gets one vote per unambiguous gazetteer hit of that country in the document; an ambiguous hit
 * takes the reading with the most votes when it has more than its default reading.
 */
import type { GazetteerMatch } from '../gazetteer/types.ts';

/** The matches with ambiguous ones re-read by country support (new objects; the input is not changed). */
export function preferSupportedReadings(matches: readonly GazetteerMatch[]): GazetteerMatch[] {
  const votes = new Map<string, number>();
  for (const m of matches) if (!m.ambiguous && m.country) votes.set(m.country, (votes.get(m.country) ?? 0) + 1);
  if (votes.size === 0) return matches as GazetteerMatch[];
  return matches.map((m) => {
    if (!m.ambiguous || !m.alternatives?.length) return m;
    const support = (country?: string) => (country ? votes.get(country) ?? 0 : 0);
    let best = -1;
    let bestVotes = support(m.country);
    m.alternatives.forEach((a, i) => {
      const v = support(a.country);
      if (v > bestVotes) {
        best = i;
        bestVotes = v;
      }
    });
    if (best < 0) return m;
    const alt = m.alternatives[best];
    const others = m.alternatives.filter((_, i) => i !== best);
    const { country: _c, org: _o, ...rest } = m;
    const reread: GazetteerMatch = { ...rest, kind: alt.kind, id: alt.id, rule: `${m.rule}+gaz.reading.country_support`, alternatives: [{ kind: m.kind, id: m.id, ...(m.country ? { country: m.country } : {}), ...(m.org ? { org: m.org } : {}) }, ...others] };
    if (alt.country) reread.country = alt.country;
    if (alt.org) reread.org = alt.org;
    return reread;
  });
}
