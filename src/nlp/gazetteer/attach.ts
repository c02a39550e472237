/**
 * Phase 2 of the matcher: attaches an owner and a host to heads that allow them (see
 * data/gazetteer/institutions.yaml), drops readings that need an owner and found none, and turns
 * raw trie hits into GazetteerMatch objects. One pass over the raw matches from right to left, so
 * that an owner is already resolved when its head is seen ("رئيس" + "حكومة تركيا"); map lookups only.
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

/** A raw match once resolved (kept or not), with what a head before it needs to know. */
interface Resolved {
  match: GazetteerMatch;
  /** Key of the chosen reading's entity and the entity itself. */
  key: string;
  entity: CompiledEntity;
  ref: AliasRef;
  raw: RawMatch;
  /** Last token, after its own attachments. */
  endTok: number;
  consumed: boolean;
}

function plainPrefix(p: string): boolean {
  return p === '' || p === 'ال';
}

function prepPrefix(p: string): boolean {
  return p.startsWith('ب') || p.startsWith('ل');
}

function isOwner(head: AliasRef, o: Resolved): boolean {
  const m = o.match;
  const p = o.raw.prefix;
  if (!m.country && !m.org) return false;
  if (m.kind === 'nisba') return o.ref.form === 'sg' && plainPrefix(p);
  // "وزير الخارجية المالي": a state's name with the article is its nisba (Mali's nisba is not
  // listed as one: "المالي" is also "financial")
  if (m.kind === 'country' && p === 'ال') return true;
  if (head.construct === 1 && OWNER_KINDS_CONSTRUCT.has(m.kind) && plainPrefix(p)) return true;
  return (m.kind === 'institution' || m.kind === 'org') && prepPrefix(p);
}

/** The state of one attachAndResolve pass (plain functions over it: no closures per call). */
interface Pass {
  seq: TokenSeq;
  g: Gazetteer;
  /** Raw match index by first token. */
  byStart: Map<number, number>;
  resolved: Array<Resolved | null>;
}

function entityOfRef(g: Gazetteer, r: AliasRef): CompiledEntity {
  return g.entities.get(r.e)!;
}

/** Resolved, unconsumed match starting at the token after `tok` (optionally after a connector word). */
function followingMatch(ps: Pass, tok: number, connectors?: Set<string> | string): Resolved | null {
  const { tokens, next } = ps.seq;
  let k = next[tok];
  if (k < 0) return null;
  if (connectors !== undefined) {
    const norm = tokens[k].norm;
    if (typeof connectors === 'string' ? norm !== connectors : !connectors.has(norm)) return null;
    k = next[k];
    if (k < 0) return null;
  }
  const index = ps.byStart.get(k);
  const r = index === undefined ? null : ps.resolved[index];
  return r && !r.consumed ? r : null;
}

export function attachAndResolve(seq: TokenSeq, raw: RawMatch[], g: Gazetteer): GazetteerMatch[] {
  const { tokens } = seq;
  const byStart = new Map<number, number>();
  raw.forEach((m, i) => byStart.set(m.tokStart, i));
  const resolved: Array<Resolved | null> = new Array(raw.length).fill(null);
  const ps: Pass = { seq, g, byStart, resolved };

  for (let i = raw.length - 1; i >= 0; i--) {
    const m = raw[i];
    const head = m.refs[0];
    const entity = entityOfRef(g, head);
    let owner: Resolved | null = null;
    let host: Resolved | null = null;
    let endTok = m.tokEnd;

    if (entity.owner && entity.owner !== 'none') {
      const f = followingMatch(ps, m.tokEnd);
      if (f && isOwner(head, f)) owner = f;
      else {
        const f2 = followingMatch(ps, m.tokEnd, OWNER_CONNECTOR);
        if (f2 && f2.match.kind === 'institution' && f2.match.country && plainPrefix(f2.raw.prefix)) owner = f2;
      }
      if (owner) endTok = owner.endTok;
    }
    // readings that need an owner are dropped when none was found
    let refs = m.refs;
    if (!owner) {
      refs = refs.filter((r) => !r.needsOwner && entityOfRef(g, r).owner !== 'required');
      if (refs.length === 0) continue;
    }
    if (entity.host) {
      const f = followingMatch(ps, endTok, HOST_CONNECTORS);
      if (f && plainPrefix(f.raw.prefix) && HOST_KINDS.has(f.match.kind) && (f.match.country || f.match.org)) {
        host = f;
        endTok = f.endTok;
      }
    }

    const chosen = owner ? head : refs[0];
    const ce = entityOfRef(g, chosen);
    const rules = [chosen.r];
    const match: GazetteerMatch = { start: m.start, end: tokens[endTok].end, kind: ce.kind, id: ce.id, rule: '' };
    if (ce.country) match.country = ce.country;
    if (ce.org) match.org = ce.org;
    if (chosen.portfolio) match.portfolio = chosen.portfolio;
    if (chosen.form) match.form = chosen.form;
    if (owner) {
      owner.consumed = true;
      rules.push('gaz.attach.owner');
      match.owner = owner.key;
      const oc = owner.match.country;
      if (oc && ce.country && oc !== ce.country && ce.type) {
        // a named body under a foreign owner ("مجلس النواب الأمريكي"): the generic institution
        match.id = `inst.${ce.type}`;
        rules.push('gaz.attach.owner_override');
      }
      const precise = owner.entity.type && ce.byOwnerType?.[owner.entity.type];
      if (precise) {
        // "رئيس" + a government → prime minister: the title the owner's type calls for
        match.id = precise;
        rules.push('gaz.attach.owner_type');
      }
      if (oc) match.country = oc;
      if (owner.match.org) match.org = owner.match.org;
      // "القائم بأعمال سفارة العراق لدى ليبيا": the embassy's host is the title's host
      if (owner.match.host) match.host = owner.match.host;
      if (owner.match.hostOrg) match.hostOrg = owner.match.hostOrg;
    }
    if (host) {
      host.consumed = true;
      rules.push('gaz.attach.host');
      if (host.match.country) match.host = host.match.country;
      if (host.match.org) match.hostOrg = host.match.org;
    }
    match.rule = rules.join('+');
    if (refs.length > 1 || chosen.amb) {
      match.ambiguous = true;
      const alts = refs.filter((r) => r !== chosen).map((r) => {
        const e = entityOfRef(g, r);
        const alt: { kind: typeof e.kind; id: string; country?: string; org?: string } = { kind: e.kind, id: e.id };
        if (e.country) alt.country = e.country;
        if (e.org) alt.org = e.org;
        return alt;
      });
      if (alts.length) match.alternatives = alts;
    }
    resolved[i] = { match, key: chosen.e, entity: entityOfRef(g, chosen), ref: chosen, raw: m, endTok, consumed: false };
  }

  const out: GazetteerMatch[] = [];
  for (const r of resolved) if (r && !r.consumed) out.push(r.match);
  return out;
}
