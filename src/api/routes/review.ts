/**
 * Review endpoints (editors): confirm, reject, correct, merge and split events; edit and merge
 * actors; the audit log. Every change is audit-logged by the store in the same transaction, and
 * survives re-ingestion (src/store/review.ts). Text fields are stored and returned as given:
 * JSON strings, never HTML (clients must render them as text).
 */
import { z } from 'zod';
import { ReviewError, StoreConflict } from '../../store/index.ts';
import { HttpError } from '../errors.ts';
import { defineRoute, type Route } from '../router.ts';
import { IdParam, IsoDate } from '../schemas.ts';

const Name = z.string().trim().min(1, 'empty').max(300);
const Code3 = z.string().regex(/^[A-Za-z]{3}$/, 'expected an ISO 3166-1 alpha-3 code such as LBY').transform((s) => s.toUpperCase());
const OrgCode = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{1,31}$/, 'expected an organization code').transform((s) => s.toUpperCase());

const ActorInput = z.object({
  name: Name,
  kind: z.enum(['person', 'organization', 'country']),
  country: Code3.nullable().optional(),
  org: z.string().trim().max(100).nullable().optional(),
  title: z.string().trim().max(300).nullable().optional(),
  side: z.enum(['actor', 'recipient', 'participant']),
  entity: z.string().trim().max(200).nullable().optional(),
});

export const EventPatch = z
  .object({
    event: z.string().regex(/^[A-Za-z_]{2,20}$/, 'expected a PLOVER type such as CONSULT').transform((s) => s.toUpperCase()).optional(),
    action: z.string().regex(/^[a-z_]{2,40}$/, 'expected an action label such as meet').optional(),
    mode: z.string().trim().min(1).max(40).nullable().optional(),
    date: IsoDate.nullable().optional(),
    location: z.object({ name: Name, country: Code3.nullable() }).nullable().optional(),
    actors: z.array(ActorInput).max(50).optional(),
    countries: z.array(Code3).max(50).optional(),
    organizations: z.array(OrgCode).max(50).optional(),
    contexts: z.array(z.string().regex(/^[a-z_]{2,40}$/, 'expected a context such as migration')).max(30).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'give at least one field to correct');

const Decision = z.object({ action: z.enum(['confirm', 'reject']) }).strict();
const OtherEvent = z.object({ other: z.coerce.number().int().positive().max(2 ** 31 - 1) }).strict();
const Split = z.object({ sources: z.array(z.string().trim().min(1).max(500)).min(1).max(500) }).strict();

const ActorParam = z.object({ id: z.string().trim().min(1).max(200) });
const Role = z.object({
  office: Name,
  institution: z.string().trim().max(300).nullable().optional(),
  country: Code3.nullable().optional(),
  from: IsoDate.nullable().optional(),
  to: IsoDate.nullable().optional(),
});
const ActorPatch = z
  .object({
    name: Name.optional(),
    kind: z.enum(['person', 'organization', 'country']).optional(),
    country: Code3.nullable().optional(),
    aliases: z.array(Name).max(200).optional(),
    roles: z.array(Role).max(100).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'give at least one field to change');
const OtherActor = z.object({ other: z.string().trim().min(1).max(200) }).strict();

const AuditQuery = z.object({
  entity: z.string().regex(/^(event|actor|user):.{1,200}$/, 'expected an entity such as event:12 or actor:per:x').optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});

const AuditEntry = z.object({
  id: z.number(), at: z.string(), user: z.string(), action: z.string(), entity: z.string(), before: z.unknown(), after: z.unknown(),
});
const Snapshot = z.object({
  id: z.number(), event: z.string(), action: z.string(), mode: z.string().nullable(), date: z.string().nullable(),
  day: z.string().nullable(), countries: z.array(z.string()), organizations: z.array(z.string()),
  location: z.object({ name: z.string(), country: z.string().nullable() }).nullable(), contexts: z.array(z.string()),
  actors: z.array(z.object({ name: z.string(), kind: z.string(), side: z.string() }).passthrough()), sources: z.array(z.string()),
  review: z.enum(['confirmed', 'corrected', 'rejected']).nullable(), reviewedBy: z.string().nullable(),
});
const ActorState = z.object({
  id: z.string(), name: z.string(), kind: z.string(), country: z.string().nullable(), aliases: z.array(z.string()),
  roles: z.array(z.unknown()), discovered: z.boolean(), reviewed: z.boolean(),
});

/** Store review errors as API errors (404 / 400 with the field / 409). */
async function run<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ReviewError) {
      throw new HttpError(err.code, err.message, err.field ? [{ path: err.field, message: err.message }] : undefined);
    }
    if (err instanceof StoreConflict) throw new HttpError('conflict', err.message);
    throw err;
  }
}

export const routes: Route[] = [
  defineRoute({
    method: 'POST', path: '/api/events/:id/review', auth: 'editor', tags: ['review'], summary: 'Confirm or reject an event',
    params: IdParam, body: Decision, response: Snapshot,
    handler: ({ app, params, body, user }) => run(() => app.store.review.decide(params.id, body.action, user!.name)),
  }),
  defineRoute({
    method: 'PATCH', path: '/api/events/:id', auth: 'editor', tags: ['review'],
    summary: 'Correct an event (type, action, mode, date, place, participants, contexts); kept across re-ingestion',
    params: IdParam, body: EventPatch, response: Snapshot,
    handler: ({ app, params, body, user }) => run(() => app.store.review.correct(params.id, body, user!.name)),
  }),
  defineRoute({
    method: 'POST', path: '/api/events/:id/merge', auth: 'editor', tags: ['review'],
    summary: 'Fold event `other` into this one (its reports follow it on re-ingestion)',
    params: IdParam, body: OtherEvent, response: Snapshot,
    handler: ({ app, params, body, user }) => run(() => app.store.review.merge(params.id, body.other, user!.name)),
  }),
  defineRoute({
    method: 'POST', path: '/api/events/:id/split', auth: 'editor', tags: ['review'],
    summary: 'Move the reports of the given source documents to a new event',
    params: IdParam, body: Split, response: z.object({ kept: Snapshot, created: Snapshot }),
    handler: ({ app, params, body, user }) => run(() => app.store.review.split(params.id, body.sources, user!.name)),
  }),
  defineRoute({
    method: 'PATCH', path: '/api/actors/:id', auth: 'editor', tags: ['review'],
    summary: 'Edit an actor: name, kind, country, aliases, dated roles (kept when the registry is reloaded)',
    params: ActorParam, body: ActorPatch, response: ActorState,
    handler: ({ app, params, body, user }) => run(() => app.store.review.editActor(params.id, body, user!.name)),
  }),
  defineRoute({
    method: 'POST', path: '/api/actors/:id/merge', auth: 'editor', tags: ['review'],
    summary: 'Fold duplicate actor `other` into this one (events, mentions, name as alias, roles)',
    params: ActorParam, body: OtherActor, response: ActorState,
    handler: ({ app, params, body, user }) => run(() => app.store.review.mergeActors(params.id, body.other, user!.name)),
  }),
  defineRoute({
    method: 'GET', path: '/api/audit', auth: 'read', tags: ['review'],
    summary: 'Audit log of an entity (event:12, actor:ID), newest first; all entries and user:NAME need an administrator',
    query: AuditQuery, response: z.array(AuditEntry),
    async handler({ app, query, user }) {
      const open = query.entity !== undefined && !query.entity.startsWith('user:');
      if (!open && user?.role !== 'admin') {
        throw new HttpError(user ? 'forbidden' : 'unauthorized', 'the full audit log and account entries are for administrators');
      }
      return app.store.review.audit(query.entity, { limit: query.limit, offset: query.offset });
    },
  }),
];
