/**
 * Keeps the store's `actors` table in step with the canonical registry (data/actors) and with the
 * persons the stored documents name: registry actors are written when the registry changes;
 * persons the registry does not know (ids per:disc-..., see src/nlp/actors/discover.ts) are
 * recorded with `discovered: true` and the title, affiliation and country the text gave, their
 * names and roles gathered over every document that names them. Events already link to actors by
 * id (event_actors.entity), so an actor's events are found by its id.
 *
 * `syncActors` is incremental (documents already read are skipped by raw hash) and idempotent;
 * the actor commands run it before reading, and ingest may run it after a batch.
 */
import { createHash } from 'node:crypto';
import { discoverActor, getActor, isStateId, nameKey, type Actor, type ActorRegistry } from '../nlp/actors/index.ts';
import type { ActorMention } from '../store/actors.ts';
import type { ActorRecord, Store } from '../store/index.ts';

export interface ActorSyncResult {
  /** Registry actors written (0 when the registry had not changed). */
  registry: number;
  /** Discovered actors created or updated. */
  discovered: number;
  /** Documents read. */
  documents: number;
}

const REGISTRY_KEY = 'registry_hash';

function aliasName(a: string | { name: string }): string {
  return typeof a === 'string' ? a : a.name;
}

/** The store record of a registry actor. */
export function registryRecord(a: Actor): ActorRecord {
  return {
    id: a.id,
    name: a.name,
    kind: a.kind,
    country: a.country ?? null,
    aliases: (a.aliases ?? []).map(aliasName),
    roles: a.roles ?? [],
    discovered: false,
  };
}

/** Writes the registry's actors when the registry differs from the one last written. */
export async function syncRegistry(store: Store, reg: ActorRegistry): Promise<number> {
  const records = [...reg.actors.values()].filter((a) => !a.discovered).map(registryRecord).sort((x, y) => x.id.localeCompare(y.id));
  const hash = createHash('sha256').update(JSON.stringify(records)).digest('hex');
  if ((await store.actors.getState(REGISTRY_KEY)) === hash) return 0;
  let n = 0;
  for (let i = 0; i < records.length; i += 500) n += await store.upsertActors(records.slice(i, i + 500));
  await store.actors.setState(REGISTRY_KEY, hash);
  return n;
}

function kindOfId(id: string): string {
  if (id.startsWith('per:')) return 'person';
  if (id.startsWith('igo:')) return 'igo';
  if (isStateId(id)) return 'state';
  return 'institution';
}

/** The registry id of an international organization by its export code (IOM → igo:iom). */
function igoByCode(reg: ActorRegistry, code: string | null): string | undefined {
  if (!code) return undefined;
  for (const a of reg.actors.values()) if (a.kind === 'igo' && a.code === code) return a.id;
  return undefined;
}

interface Role {
  office: string;
  from?: string;
  to?: string | null;
  institution?: string;
  country?: string | null;
  org?: string;
  /** Documents the role was read in. */
  sources?: string[];
}

/** What one document says about a discovered actor, as a record (discoverActor's shape). */
function fromMention(reg: ActorRegistry, m: ActorMention, source: string): ActorRecord {
  const kind = m.actor.startsWith('per:') ? 'person' : 'institution';
  const a = discoverActor(reg, {
    name: m.name,
    kind,
    title: m.title ?? undefined,
    affiliation: igoByCode(reg, m.org),
    country: m.country,
    date: m.date ?? undefined,
  });
  const roles = (a.roles ?? []).map((r) => {
    const role: Role = { ...r, sources: [source] };
    if (m.org) role.org = m.org;
    return role;
  });
  return { id: m.actor, name: a.name, kind, country: a.country ?? null, aliases: [], roles, discovered: true };
}

/** Folds what another document says into a discovered actor's record (fullest name, all names, all roles). */
export function mergeDiscovered(base: ActorRecord, add: ActorRecord): ActorRecord {
  const names = [base.name, ...(base.aliases ?? []), add.name, ...(add.aliases ?? [])];
  const byKey = new Map<string, string>();
  for (const n of names) if (!byKey.has(nameKey(n))) byKey.set(nameKey(n), n);
  const unique = [...byKey.values()];
  const name = unique.reduce((best, n) => (n.length > best.length ? n : best), base.name);
  const roles = [...((base.roles ?? []) as Role[])].map((r) => ({ ...r }));
  for (const r of (add.roles ?? []) as Role[]) {
    const same = roles.find((x) => nameKey(x.office) === nameKey(r.office) && (x.org ?? null) === (r.org ?? null));
    if (!same) {
      roles.push({ ...r });
      continue;
    }
    if (r.from && (!same.from || r.from < same.from)) same.from = r.from;
    same.sources = [...new Set([...(same.sources ?? []), ...(r.sources ?? [])])];
  }
  return {
    ...base,
    name,
    aliases: unique.filter((n) => nameKey(n) !== nameKey(name)),
    roles,
    country: base.country ?? add.country ?? null,
    discovered: true,
  };
}

/**
 * Brings the `actors` table up to date: the registry (when changed), then every document not yet
 * read: its discovered persons are recorded or updated, and canonical ids the registry does not
 * list (a state:XXX not in states.yaml) are recorded as canonical, not discovered.
 */
export async function syncActors(store: Store, reg: ActorRegistry, opts: { batch?: number } = {}): Promise<ActorSyncResult> {
  const result: ActorSyncResult = { registry: await syncRegistry(store, reg), discovered: 0, documents: 0 };
  const batch = opts.batch ?? 200;
  for (;;) {
    const docs = await store.actors.pendingDocuments(batch);
    if (!docs.length) break;
    const found = new Map<string, ActorRecord>();
    for (const d of docs) {
      for (const m of d.mentions) {
        if (reg.actors.has(m.actor)) continue;
        let rec: ActorRecord;
        if (m.actor.includes(':disc-')) {
          if (m.type !== 'person' && m.type !== 'organization') continue;
          rec = fromMention(reg, m, d.name);
        } else {
          const known = getActor(reg, m.actor);
          rec = { id: m.actor, name: known?.name ?? m.name, kind: known?.kind ?? kindOfId(m.actor), country: known?.country ?? m.country, aliases: [], roles: [], discovered: false };
        }
        const prev = found.get(rec.id);
        found.set(rec.id, prev ? (rec.discovered ? mergeDiscovered(prev, rec) : prev) : rec);
      }
    }
    const existing = new Map((await store.actors.records([...found.keys()])).map((r) => [r.id, r]));
    const writes: ActorRecord[] = [];
    for (const rec of found.values()) {
      const old = existing.get(rec.id);
      if (!rec.discovered) {
        if (!old || old.discovered) writes.push(old ? { ...old, discovered: false } : rec);
        continue;
      }
      // a stub written with an event (name only) or an earlier record: gather, never lose
      writes.push(old ? mergeDiscovered({ ...old, discovered: true }, rec) : rec);
    }
    if (writes.length) result.discovered += await store.upsertActors(writes);
    await store.actors.markDocuments(docs.map((d) => ({ id: d.id, rawHash: d.rawHash })));
    result.documents += docs.length;
    if (docs.length < batch) break;
  }
  return result;
}
