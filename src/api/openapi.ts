/** OpenAPI 3.1 document generated from the route table and its zod schemas (z.toJSONSchema). */
import { z, type ZodType } from 'zod';
import type { Route } from './router.ts';

const ERROR = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: ['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'rate_limited', 'internal'] },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
};

type Json = Record<string, unknown>;

function schemaOf(s: ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete out.$schema;
  return out;
}

/** Path, query and body parameters of a route as OpenAPI parameter objects. */
function parameters(route: Route): Json[] {
  const out: Json[] = [];
  const names = [...route.path.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => m[1]);
  const pschema = route.params ? schemaOf(route.params, 'input') : null;
  for (const name of names) {
    const props = (pschema?.properties ?? {}) as Record<string, Json>;
    out.push({ name, in: 'path', required: true, schema: props[name] ?? { type: 'string' } });
  }
  if (route.query) {
    const q = schemaOf(route.query, 'input');
    const required = new Set((q.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((q.properties ?? {}) as Record<string, Json>)) {
      const { description, ...rest } = schema;
      out.push({ name, in: 'query', required: required.has(name), schema: rest, ...(description ? { description } : {}) });
    }
  }
  return out;
}

export function openApiDocument(routes: Route[], info: { title?: string; version?: string } = {}): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z_]\w*)/g, '{$1}');
    const op: Json = {
      operationId: `${route.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/(^|[/_-])(\w)/g, (_m, _s, c: string) => c.toUpperCase())}`,
      summary: route.summary,
      tags: route.tags ?? [],
      parameters: parameters(route),
      'x-access': route.auth,
      responses: {
        '200': route.produces
          ? { description: 'OK', content: Object.fromEntries(route.produces.map((t) => [t, { schema: { type: 'string' } }])) }
          : { description: 'OK', content: { 'application/json': { schema: route.response ? schemaOf(route.response, 'output') : {} } } },
        '400': { $ref: '#/components/responses/Error' },
        default: { $ref: '#/components/responses/Error' },
      },
    };
    if (route.auth !== 'public') op.security = [{ session: [] }];
    if (route.body) op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } };
    else if (route.rawBody) {
      op.requestBody = { required: true, content: Object.fromEntries(route.rawBody.contentTypes.map((t) => [t, { schema: {} }])) };
    }
    (paths[path] ??= {})[route.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title ?? 'Rasid API', version: info.version ?? '0.1.0' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: { Error: ERROR },
      responses: { Error: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'rasid_session' } },
    },
  };
}
