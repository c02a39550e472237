/**
 * Phase 2 of the matcher: attaches an owner and a host to heads that allow them (see
 * data/gazetteer/institutions.yaml), drops readings that need an owner and found none, and turns
 * raw trie hits into GazetteerMatch objects. One pass over the raw matches; map lookups only.
 *
 * Owner (whose institution/title it is), right after the head:
 *   - a singular nisba without a preposition: "وزارة الخارجية الليبية", "السفير التركي";
 *   - after a construct head ("سفارة", "وزير خارجية"), a country, organization or institution name:
 *     "سفارة الولايات المتحدة", "بعثة الاتحاد الأوروبي", "وزير خارجية حكومة الوحدة الوطنية";
 *   - an institution or organization with ب/ل, or after "في": "وزير الخارجية بحكومة الوحدة الوطنية".
 * Host (where it sits), after the owner if any: "لدى/في/إلى" + country, capital, place or organization.
 */
import type { Gazetteer } from './load.ts';
import type { RawMatch, TokenSeq } from './match.ts';
import type { AliasRef, CompiledEntity, GazetteerMatch } from './types.ts';

/** Normalized host connectors: لدى في إلى. */
const HOST_CONNECTORS = new Set(['لدي', 'في', 'الي']);
const OWNER_CONNECTOR = 'في';
const OWNER_KINDS_CONSTRUCT = new Set(['country', 'org', 'institution', 'capital_metonymy']);
const HOST_KINDS = new Set(['country', 'capital_metonymy', 'place', 'org']);

function plainPrefix(p: string): boolean {
  return p === '' || p === 'ال';
}

function prepPrefix(p: string): boolean {
  return p.startsWith('ب') || p.startsWith('ل');
}

export function attachAndResolve(seq: TokenSeq, raw: RawMatch[], g: Gazetteer): GazetteerMatch[] {
  const { tokens, next } = seq;
  const byStart = new Map<number, number>();
  raw.forEach((m, i) => byStart.set(m.tokStart, i));
  const consumed = new Uint8Array(raw.length);
  const out: GazetteerMatch[] = [];

  const entityOf = (r: AliasRef): CompiledEntity => g.entities.get(r.e)!;
  /** Raw match starting at the token after `tok` (optionally after a connector word), not yet consumed. */
  const following = (tok: number, connectors?: Set<string> | string): { index: number; m: RawMatch } | null => {
    let k = next[tok];
    if (k < 0) return null;
    if (connectors !== undefined) {
      const norm = tokens[k].norm;
      if (typeof connectors === 'string' ? norm !== connectors : !connectors.has(norm)) return null;
      k = next[k];
      if (k < 0) return null;
    }
    const index = byStart.get(k);
    if (index === undefined || consumed[index]) return null;
    return { index, m: raw[index] };
  };

  for (let i = 0; i < raw.length; i++) {
    if (consumed[i]) continue;
    const m = raw[i];
    const head = m.refs[0];
    const entity = entityOf(head);
    let end = m.end;
    let endTok = m.tokEnd;
    let owner: { ref: AliasRef; entity: CompiledEntity } | null = null;
    let host: CompiledEntity | null = null;
    const rules = [head.r];
    /** Raw matches taken as owner/host: consumed only if this match is reported. */
    const taken: number[] = [];

    if (entity.owner && entity.owner !== 'none') {
      const f = following(m.tokEnd);
      if (f) {
        const r = f.m.refs[0];
        const e = entityOf(r);
        const ok =
          (e.kind === 'nisba' && r.form === 'sg' && e.country !== undefined && plainPrefix(f.m.prefix)) ||
          (head.construct === 1 && OWNER_KINDS_CONSTRUCT.has(e.kind) && plainPrefix(f.m.prefix) && (e.country || e.org)) ||
          ((e.kind === 'institution' || e.kind === 'org') && prepPrefix(f.m.prefix) && (e.country || e.org));
        if (ok) {
          owner = { ref: r, entity: e };
          taken.push(f.index);
          end = f.m.end;
          endTok = f.m.tokEnd;
          rules.push('gaz.attach.owner');
        }
      }
      if (!owner) {
        const f2 = following(m.tokEnd, OWNER_CONNECTOR);
        if (f2) {
          const r = f2.m.refs[0];
          const e = entityOf(r);
          if (e.kind === 'institution' && e.country && plainPrefix(f2.m.prefix) && !r.needsOwner) {
            owner = { ref: r, entity: e };
            taken.push(f2.index);
            end = f2.m.end;
            endTok = f2.m.tokEnd;
            rules.push('gaz.attach.owner');
          }
        }
      }
    }
    const survives = owner !== null || m.refs.some((r) => !r.needsOwner && entityOf(r).owner !== 'required');
    if (entity.host && survives) {
      const f = following(endTok, HOST_CONNECTORS);
      if (f && plainPrefix(f.m.prefix)) {
        const e = entityOf(f.m.refs[0]);
        if (HOST_KINDS.has(e.kind) && (e.country || e.org)) {
          host = e;
          taken.push(f.index);
          end = f.m.end;
          endTok = f.m.tokEnd;
          rules.push('gaz.attach.host');
        }
      }
    }

    // readings that need an owner are dropped when none was found
    let refs = m.refs;
    if (!owner) {
      refs = refs.filter((r) => !r.needsOwner && entityOf(r).owner !== 'required');
      if (refs.length === 0) continue;
    }
    for (const k of taken) consumed[k] = 1;
    const chosen = owner ? head : refs[0];
    const ce = entityOf(chosen);
    const match: GazetteerMatch = { start: m.start, end, kind: ce.kind, id: ce.id, rule: owner ? rules.join('+') : [chosen.r, ...rules.slice(1)].join('+') };
    if (ce.country) match.country = ce.country;
    if (ce.org) match.org = ce.org;
    if (chosen.portfolio) match.portfolio = chosen.portfolio;
    if (chosen.form) match.form = chosen.form;
    if (owner) {
      match.owner = owner.ref.e;
      const oc = owner.entity.country;
      if (oc && ce.country && oc !== ce.country && ce.type) {
        // a named body under a foreign owner ("مجلس النواب الأمريكي"): the generic institution
        match.id = `inst.${ce.type}`;
        match.rule += '+gaz.attach.owner_override';
      }
      if (oc) match.country = oc;
      if (owner.entity.org) match.org = owner.entity.org;
    }
    if (host) {
      if (host.country) match.host = host.country;
      if (host.org) match.hostOrg = host.org;
    }
    if (refs.length > 1 || chosen.amb) {
      match.ambiguous = true;
      const alts = refs.filter((r) => r !== chosen).map((r) => {
        const e = entityOf(r);
        const alt: { kind: typeof e.kind; id: string; country?: string; org?: string } = { kind: e.kind, id: e.id };
        if (e.country) alt.country = e.country;
        if (e.org) alt.org = e.org;
        return alt;
      });
      if (alts.length) match.alternatives = alts;
    }
    out.push(match);
  }
  return out;
}
