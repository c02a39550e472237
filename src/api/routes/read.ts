/** Read endpoints: events, documents, actors, country relations, dyads (docs: /work/briefs/api.md). */
import { z } from 'zod';
import { quadClass } from '../../ontology/index.ts';
import type { EventQuery } from '../../store/queries/types.ts';
import { badRequest, notFound } from '../errors.ts';
import { defineRoute, type Route } from '../router.ts';
import {
  ActorItem, ActorProfile, DocumentDetail, DocumentItem, Dyad, EventDetail, EventRow, EventsQuery, IdParam, Iso3, Limit,
  Offset, page, PageQuery, Party, RangeQuery, Relations, type EventFilterInput,
} from '../schemas.ts';

/** API query → store filter. */
export function toEventQuery(q: EventFilterInput): EventQuery {
  return {
    country: q.country, dyad: q.dyad as [string, string] | undefined, type: q.type, action: q.action, context: q.context,
    actor: q.actor, place: q.place, since: q.since, until: q.until, document: q.source, search: q.q,
    minConfidence: q.minConfidence, review: q.review,
  };
}

function checkRange(q: { since?: string; until?: string }): void {
  // until 2025-04 covers all of April: compare on the shorter precision
  const n = Math.min(q.since?.length ?? 0, q.until?.length ?? 0);
  if (q.since && q.until && q.since.slice(0, n) > q.until.slice(0, n)) throw badRequest('since is after until', [{ path: 'since', message: 'must not be after until' }]);
}

function safeQuad(type: string): string | null {
  try {
    return quadClass(type);
  } catch {
    return null;
  }
}

export function readRoutes(): Route[] {
  return [
    defineRoute({
      method: 'GET', path: '/api/events', auth: 'read', tags: ['read'], summary: 'Events, filtered, sorted and paged',
      query: EventsQuery, response: page(EventRow),
      handler: ({ app, query }) => {
        checkRange(query);
        return app.store.api.events(toEventQuery(query), { limit: query.limit, offset: query.offset, sort: query.sort });
      },
    }),
    defineRoute({
      method: 'GET', path: '/api/events/:id', auth: 'read', tags: ['read'], summary: 'One event with every source, evidence span, merge and audit entry',
      params: IdParam, response: EventDetail,
      async handler({ app, params }) {
        const e = await app.store.api.event(params.id);
        if (!e) throw notFound(`no event ${params.id}`);
        const audit = app.store.review ? await app.store.review.audit(`event:${params.id}`) : [];
        const { fingerprint: _f, ...rest } = e;
        return {
          ...rest,
          quadClass: safeQuad(e.event),
          audit: audit.map((a) => ({ at: a.at, user: a.user, action: a.action, entity: a.entity, before: a.before, after: a.after })),
        };
      },
    }),
    defineRoute({
      method: 'GET', path: '/api/documents', auth: 'read', tags: ['read'], summary: 'Stored documents, newest first',
      query: PageQuery, response: page(DocumentItem),
      async handler({ app, query }) {
        const p = await app.store.listDocuments({ limit: query.limit, offset: query.offset });
        return {
          total: p.total, limit: p.limit, offset: p.offset,
          items: p.rows.map((d) => ({
            id: d.id, name: d.name, title: d.title, outlet: d.outlet, url: d.url, published: d.published, format: d.format,
            encoding: d.encoding, stories: d.storyCount, events: d.eventCount,
          })),
        };
      },
    }),
    defineRoute({
      method: 'GET', path: '/api/documents/:id', auth: 'read', tags: ['read'], summary: 'A document: original text and every span (offsets into text)',
      params: z.object({ id: z.string().min(1).max(1000) }), response: DocumentDetail,
      async handler({ app, params }) {
        const d = await app.store.getDocument(params.id);
        if (!d) throw notFound(`no document ${params.id}`);
        const datelines = await app.store.api.datelines(d.stories.map((s) => s.storyId));
        return {
          id: d.id, name: d.name, title: d.title, outlet: d.outlet, url: d.url, published: d.published, format: d.format,
          encoding: d.encoding, text: d.text, furniture: d.furniture,
          stories: d.stories.map((s) => ({
            index: s.index, start: s.start, end: s.end, headline: s.headline, dateline: datelines.get(s.storyId) ?? null,
            otherSources: s.otherSources,
          })),
          sentences: d.sentences,
          mentions: d.mentions.map((m) => ({ start: m.start, end: m.end, type: m.type, country: m.country, org: m.org, actor: m.actor })),
          events: d.events,
        };
      },
    }),
    defineRoute({
      method: 'GET', path: '/api/actors', auth: 'read', tags: ['read'], summary: 'Actors by name or alias (Arabic-normalized), kind, country',
      query: z.object({
        q: z.string().trim().min(1).max(200).optional(),
        kind: z.enum(['person', 'organization', 'institution', 'igo', 'state', 'country']).optional(),
        country: Iso3.optional(),
        limit: Limit, offset: Offset,
      }),
      response: page(ActorItem),
      handler: ({ app, query }) => app.store.api.actors({ q: query.q, kind: query.kind, country: query.country }, query),
    }),
    defineRoute({
      method: 'GET', path: '/api/actors/:id', auth: 'read', tags: ['read'], summary: 'An actor with roles and latest events',
      params: z.object({ id: z.string().min(1).max(300) }), query: z.object({ limit: Limit }), response: ActorProfile,
      async handler({ app, params, query }) {
        const a = await app.store.api.actor(params.id, { limit: query.limit });
        if (!a) throw notFound(`no actor ${params.id}`);
        const { eventsList, events, ...rest } = a;
        return { ...rest, eventCount: events, events: eventsList };
      },
    }),
    defineRoute({
      method: 'GET', path: '/api/countries/:iso3/relations', auth: 'read', tags: ['read'], summary: "A country's relations: partners, types, actions, contexts, timeline, top actors",
      params: z.object({ iso3: Iso3 }), query: RangeQuery, response: Relations,
      handler: ({ app, params, query }) => {
        checkRange(query);
        return app.store.api.relations(params.iso3, query);
      },
    }),
    defineRoute({
      method: 'GET', path: '/api/dyads/:a/:b', auth: 'read', tags: ['read'], summary: 'Events between two parties, with their timeline',
      params: z.object({ a: Party, b: Party }), query: RangeQuery.extend({ limit: Limit, offset: Offset }), response: Dyad,
      handler: ({ app, params, query }) => {
        checkRange(query);
        if (params.a === params.b) throw badRequest('a dyad needs two different parties', [{ path: 'b', message: 'same as a' }]);
        return app.store.api.dyad(params.a, params.b, query, query);
      },
    }),
  ];
}
