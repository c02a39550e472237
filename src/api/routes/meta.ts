/** Server-level routes: stats, client configuration, the OpenAPI document. */
import { z } from 'zod';
import { openApiDocument } from '../openapi.ts';
import { defineRoute, type Route } from '../router.ts';

const Stats = z.object({
  documents: z.number(), stories: z.number(), duplicateStories: z.number(), sentences: z.number(), mentions: z.number(),
  events: z.number(), sources: z.number(),
  byType: z.array(z.object({ type: z.string(), events: z.number(), sources: z.number() })),
  byCountry: z.array(z.object({ country: z.string(), events: z.number() })),
});

const ClientConfig = z.object({
  focusCountry: z.string(),
  readsRequireLogin: z.boolean(),
  user: z.object({ name: z.string(), role: z.enum(['viewer', 'editor', 'admin']) }).nullable(),
  csrfToken: z.string().optional(),
});

/** `all` returns the full route table (for the OpenAPI document, which lists itself too). */
export function metaRoutes(all: () => Route[]): Route[] {
  return [
    defineRoute({
      method: 'GET', path: '/api/stats', auth: 'read', tags: ['read'], summary: 'Counts of documents, stories, events, by type and country',
      response: Stats,
      handler: ({ app }) => app.store.stats(),
    }),
    defineRoute({
      method: 'GET', path: '/api/config', auth: 'public', tags: ['meta'], summary: 'Client configuration and the current user',
      response: ClientConfig,
      async handler({ app, user, req }) {
        const csrfToken = user ? await app.auth.csrfToken?.(req, user) : undefined;
        return {
          focusCountry: app.config.focusCountry,
          readsRequireLogin: app.config.readsRequireLogin,
          user: user ? { name: user.name, role: user.role } : null,
          ...(csrfToken ? { csrfToken } : {}),
        };
      },
    }),
    defineRoute({
      method: 'GET', path: '/api/openapi.json', auth: 'public', tags: ['meta'], summary: 'This API as an OpenAPI 3.1 document',
      handler: () => openApiDocument(all()),
    }),
  ];
}
