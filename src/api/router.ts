/**
 * A tiny router: a table of routes, each with its method, path (`/api/events/:id`), access level
 * and zod schemas for params, query and JSON body. The router matches, authenticates, validates
 * (400 with the failing field names) and turns the handler's result into a JSON response, or an
 * HttpError into the error body of docs/api.md. The same table generates the OpenAPI document.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z, type ZodType } from 'zod';
import { fromZod, HttpError } from './errors.ts';
import type { ApiContext } from './context.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone; any reader (viewer when reads require a login); editors; admins. */
export type Access = 'public' | 'read' | 'editor' | 'admin';
export type Role = 'viewer' | 'editor' | 'admin';

export interface AuthUser {
  name: string;
  role: Role;
}

/**
 * What the auth module (src/api/auth/) implements; see `defaultAuth` for the behaviour without it.
 * `checkCsrf` is called for every non-GET request to an editor/admin route.
 */
export interface AuthHook {
  authenticate(req: IncomingMessage): Promise<AuthUser | null> | AuthUser | null;
  checkCsrf(req: IncomingMessage, user: AuthUser): Promise<boolean> | boolean;
  /** CSRF token to hand to the dashboard through GET /api/config, for a logged-in user. */
  csrfToken?(req: IncomingMessage, user: AuthUser): string | undefined | Promise<string | undefined>;
}

/** Without an auth module: nobody is logged in, everyone reads (unless reads require a login), writes are refused. */
export const defaultAuth: AuthHook = {
  authenticate: () => null,
  checkCsrf: () => false,
};

export interface RouteContext<P, Q, B> {
  req: IncomingMessage;
  res: ServerResponse;
  params: P;
  query: Q;
  body: B;
  user: AuthUser | null;
  app: ApiContext;
}

type Out<S> = S extends ZodType ? z.output<S> : undefined;

export interface RouteSpec<PS extends ZodType | undefined, QS extends ZodType | undefined, BS extends ZodType | undefined> {
  method: Method;
  /** Path with `:name` parameters, e.g. `/api/events/:id`. */
  path: string;
  auth: Access;
  summary: string;
  tags?: string[];
  params?: PS;
  query?: QS;
  /** JSON request body. Leave unset for routes that read the body themselves (`rawBody`). */
  body?: BS;
  /** The handler reads the request body itself (e.g. multipart); listed in OpenAPI with these types. */
  rawBody?: { contentTypes: string[]; maxBytes?: number };
  /** Largest JSON body accepted (default 1 MiB). */
  maxBodyBytes?: number;
  /** Response schema, for the OpenAPI document only. */
  response?: ZodType;
  /** Media type of a successful response when not JSON (streams), for OpenAPI. */
  produces?: string[];
  /**
   * Returns the JSON body (status 200), a `Reply`, or `HANDLED` after writing the response
   * itself (streams).
   */
  handler(ctx: RouteContext<Out<PS> extends undefined ? Record<string, string> : Out<PS>, Out<QS>, Out<BS>>): Promise<unknown> | unknown;
}

/** A route with its types erased, as kept in the table. */
export type Route = RouteSpec<ZodType | undefined, ZodType | undefined, ZodType | undefined>;

/** Declares a route with its types inferred from its schemas. */
export function defineRoute<
  PS extends ZodType | undefined = undefined,
  QS extends ZodType | undefined = undefined,
  BS extends ZodType | undefined = undefined,
>(spec: RouteSpec<PS, QS, BS>): Route {
  return spec as unknown as Route;
}

/** A response with an explicit status and headers. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** Returned by a handler that wrote the response itself. */
export const HANDLED = Symbol('handled');

interface Compiled {
  route: Route;
  segments: string[];
}

export interface Router {
  routes: Route[];
  /** Handles a request under /api; always answers. */
  handle(req: IncomingMessage, res: ServerResponse, app: ApiContext): Promise<void>;
}

export function createRouter(routes: Route[]): Router {
  const compiled: Compiled[] = [];
  const seen = new Set<string>();
  for (const route of routes) {
    const key = `${route.method} ${route.path.replace(/:[^/]+/g, ':')}`;
    if (seen.has(key)) throw new Error(`router: duplicate route ${route.method} ${route.path}`);
    seen.add(key);
    compiled.push({ route, segments: route.path.split('/').filter(Boolean) });
  }

  function match(method: string, path: string): { route: Route; params: Record<string, string> } | { allow: string[] } | null {
    const parts = path.split('/').filter(Boolean);
    const allow: string[] = [];
    for (const c of compiled) {
      if (c.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const seg = c.segments[i];
        if (seg.startsWith(':')) {
          try {
            params[seg.slice(1)] = decodeURIComponent(parts[i]);
          } catch {
            ok = false;
          }
        } else ok = seg === parts[i];
      }
      if (!ok) continue;
      if (c.route.method === method || (method === 'HEAD' && c.route.method === 'GET')) return { route: c.route, params };
      allow.push(c.route.method);
    }
    return allow.length ? { allow } : null;
  }

  return {
    routes,
    async handle(req, res, app) {
      try {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const found = match(req.method ?? 'GET', url.pathname);
        if (!found) throw new HttpError('not_found', `no such endpoint: ${req.method} ${url.pathname}`);
        if ('allow' in found) {
          throw new HttpError('bad_request', `method ${req.method} not allowed on ${url.pathname}`, undefined, 405, {
            Allow: found.allow.join(', '),
          });
        }
        const { route, params } = found;
        const user = await authorize(route, req, app);
        const p = route.params ? parse(route.params, params, 'path parameter') : params;
        const q = route.query ? parse(route.query, queryObject(url.searchParams), 'query parameter') : undefined;
        let body: unknown;
        if (route.body) body = parse(route.body, await readJson(req, route.maxBodyBytes ?? 1 << 20), 'body');
        const result = await route.handler({ req, res, params: p as Record<string, string>, query: q, body, user, app });
        if (result === HANDLED) return;
        if (result instanceof Reply) sendJson(res, result.status, result.body, result.headers);
        else sendJson(res, 200, result === undefined ? { ok: true } : result);
      } catch (err) {
        sendError(res, err, app);
      }
    },
  };
}

async function authorize(route: Route, req: IncomingMessage, app: ApiContext): Promise<AuthUser | null> {
  const user = await app.auth.authenticate(req);
  const need = route.auth;
  if (need === 'public') return user;
  if (need === 'read') {
    if (app.config.readsRequireLogin && !user) throw new HttpError('unauthorized', 'log in to read');
    return user;
  }
  if (!user) throw new HttpError('unauthorized', 'log in as an editor to do this');
  if (need === 'admin' && user.role !== 'admin') throw new HttpError('forbidden', 'administrators only');
  if (need === 'editor' && user.role === 'viewer') throw new HttpError('forbidden', 'editors only');
  if (req.method !== 'GET' && req.method !== 'HEAD' && !(await app.auth.checkCsrf(req, user))) {
    throw new HttpError('forbidden', 'missing or invalid X-CSRF-Token header');
  }
  return user;
}

function parse(schema: ZodType, value: unknown, where: string): unknown {
  const r = schema.safeParse(value);
  if (!r.success) throw fromZod(r.error, where);
  return r.data;
}

/** Query string as an object: a repeated key becomes an array. */
function queryObject(sp: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of sp) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** Reads the whole request body up to `max` bytes. */
export async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) throw new HttpError('bad_request', `request body over ${max} bytes`, undefined, 413);
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    n += chunk.length;
    if (n > max) throw new HttpError('bad_request', `request body over ${max} bytes`, undefined, 413);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function readJson(req: IncomingMessage, max: number): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '');
  const raw = await readBody(req, max);
  if (!raw.length) return {};
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new HttpError('bad_request', 'expected Content-Type: application/json', undefined, 415);
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw new HttpError('bad_request', `body is not valid JSON: ${(err as Error).message}`);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(data.length),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(res.req?.method === 'HEAD' ? undefined : data);
}

function sendError(res: ServerResponse, err: unknown, app: ApiContext): void {
  const e = err instanceof HttpError ? err : new HttpError('internal', 'internal error');
  if (!(err instanceof HttpError)) app.log?.('error', `${res.req?.method} ${res.req?.url}: ${(err as Error)?.stack ?? err}`);
  if (res.headersSent) {
    res.destroy(); // a stream failed midway: cut it so the client sees an incomplete download
    return;
  }
  sendJson(res, e.status, e.body(), e.headers);
}
