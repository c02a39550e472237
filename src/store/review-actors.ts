/**
 * Human edits of canonical actors: rename, aliases, dated roles, and merging duplicates. An
 * edited actor is marked `reviewed` (the registry loader, upsertActors, no longer overwrites it);
 * a merged actor leaves a redirect so that re-extracted reports naming it name the kept actor.
 * Every change is audit-logged in the same transaction.
 */
import type { Sql } from './sql.ts';
import { EVENT_LOCK } from './merge.ts';
import { ReviewError, writeAudit } from './review.ts';

export interface ActorRole {
  office: string;
  institution?: string | null;
  country?: string | null;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or null. */
  from?: string | null;
  to?: string | null;
}

export interface ActorPatch {
  name?: string;
  kind?: 'person' | 'organization' | 'country';
  country?: string | null;
  /** Replaces the alias list. */
  aliases?: string[];
  /** Replaces the role list. */
  roles?: ActorRole[];
}

export interface ActorSnapshot {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  aliases: string[];
  roles: ActorRole[];
  discovered: boolean;
  reviewed: boolean;
}

export interface ActorReviewStore {
  editActor(id: string, patch: ActorPatch, user: string): Promise<ActorSnapshot>;
  /** Folds actor `other` into `id`: its events, mentions, name (as an alias), aliases and roles. */
  mergeActors(id: string, other: string, user: string): Promise<ActorSnapshot>;
}

const ISO3 = /^[A-Z]{3}$/;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export async function actorSnapshot(tx: Sql, id: string): Promise<ActorSnapshot | null> {
  const rows = await tx.query<ActorSnapshot>(
    'SELECT id, name, kind, country, aliases, roles, discovered, reviewed FROM actors WHERE id = $1 FOR UPDATE',
    [id],
  );
  return rows[0] ?? null;
}

async function mustActor(tx: Sql, id: string): Promise<ActorSnapshot> {
  const a = await actorSnapshot(tx, id);
  if (!a) throw new ReviewError('not_found', `no actor ${id}`);
  return a;
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs.map((x) => x.trim()).filter(Boolean))];
}

export function checkActorPatch(patch: ActorPatch): void {
  const bad = (field: string, message: string) => new ReviewError('bad_request', `${field}: ${message}`, field);
  if (patch.name !== undefined && !patch.name.trim()) throw bad('name', 'empty');
  if (patch.country && !ISO3.test(patch.country)) throw bad('country', `expected ISO 3166-1 alpha-3, got "${patch.country}"`);
  patch.roles?.forEach((r, i) => {
    if (!r.office.trim()) throw bad(`roles.${i}.office`, 'empty');
    if (r.country && !ISO3.test(r.country)) throw bad(`roles.${i}.country`, `expected ISO 3166-1 alpha-3, got "${r.country}"`);
    for (const k of ['from', 'to'] as const) {
      const v = r[k];
      if (v && !DATE.test(v)) throw bad(`roles.${i}.${k}`, `expected YYYY-MM-DD, got "${v}"`);
    }
  });
}

async function save(tx: Sql, a: ActorSnapshot): Promise<void> {
  await tx.query(
    `UPDATE actors SET name = $2, kind = $3, country = $4, aliases = $5::jsonb, roles = $6::jsonb, reviewed = true WHERE id = $1`,
    [a.id, a.name, a.kind, a.country, JSON.stringify(a.aliases), JSON.stringify(a.roles)],
  );
}

export function createActorReviewStore(sql: Sql): ActorReviewStore {
  return {
    editActor: (id, patch, user) =>
      sql.transaction(async (tx) => {
        checkActorPatch(patch);
        const before = await mustActor(tx, id);
        const name = patch.name?.trim() ?? before.name;
        const next: ActorSnapshot = {
          ...before,
          name,
          kind: patch.kind ?? before.kind,
          country: patch.country !== undefined ? patch.country : before.country,
          aliases: uniq(patch.aliases ?? before.aliases).filter((x) => x !== name),
          roles: patch.roles ?? before.roles,
          reviewed: true,
        };
        await save(tx, next);
        const after = await mustActor(tx, id);
        await writeAudit(tx, user, 'actor.edit', `actor:${id}`, before, after);
        return after;
      }),
    mergeActors: (id, other, user) =>
      sql.transaction(async (tx) => {
        if (id === other) throw new ReviewError('bad_request', 'cannot merge an actor into itself', 'other');
        // event_actors are rewritten: not while a document's events are being written (merge.ts)
        await tx.query('SELECT pg_advisory_xact_lock($1)', [EVENT_LOCK]);
        const [x, y] = id < other ? [id, other] : [other, id];
        const first = await mustActor(tx, x);
        const second = await mustActor(tx, y);
        const before = first.id === id ? first : second;
        const merged = first.id === id ? second : first;
        const seenRoles = new Set(before.roles.map((r) => JSON.stringify(r)));
        const next: ActorSnapshot = {
          ...before,
          country: before.country ?? merged.country,
          aliases: uniq([...before.aliases, merged.name, ...merged.aliases]).filter((n) => n !== before.name),
          roles: [...before.roles, ...merged.roles.filter((r) => !seenRoles.has(JSON.stringify(r)))],
          reviewed: true,
        };
        await save(tx, next);
        await tx.query('UPDATE event_actors SET entity = $1 WHERE entity = $2', [id, other]);
        // documents.mentions (migration 008): the documents are found through documents_mention_actors_idx
        await tx.query(
          `UPDATE documents SET mentions = (
             SELECT jsonb_agg(CASE WHEN x.m->>'actor' = $2 THEN jsonb_set(x.m, '{actor}', to_jsonb($1::text)) ELSE x.m END ORDER BY x.i)
             FROM jsonb_array_elements(mentions) WITH ORDINALITY AS x(m, i))
           WHERE jsonb_path_query_array(mentions, '$[*].actor') @> jsonb_build_array($2::text)`,
          [id, other],
        );
        await tx.query('UPDATE actor_redirects SET kept = $1 WHERE kept = $2', [id, other]);
        await tx.query(
          'INSERT INTO actor_redirects (merged, kept) VALUES ($1, $2) ON CONFLICT (merged) DO UPDATE SET kept = EXCLUDED.kept',
          [other, id],
        );
        await tx.query('DELETE FROM actor_redirects WHERE merged = kept');
        await tx.query('DELETE FROM actors WHERE id = $1', [other]);
        const after = await mustActor(tx, id);
        await writeAudit(tx, user, 'actor.merge', `actor:${id}`, { ...before, merging: merged }, after);
        await writeAudit(tx, user, 'actor.merged', `actor:${other}`, merged, { mergedInto: id });
        return after;
      }),
  };
}
