/**
 * The HTTP server of `rasid serve`: the JSON API under /api (router.ts) and the built dashboard
 * (web/dist) everywhere else, with security headers on every response.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.ts';
import type { JobQueue } from '../queue/types.ts';
import type { Store } from '../store/index.ts';
import type { ApiContext } from './context.ts';
import { HttpError } from './errors.ts';
import { createRouter, defaultAuth, sendJson, type AuthHook, type Route, type Router } from './router.ts';
import { serveStatic } from './static.ts';

/** Default location of the built dashboard. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface ServerOptions {
  store: Store;
  config: Config;
  jobs: JobQueue;
  /** Auth module; default: nobody logged in, writes refused (see router.ts `defaultAuth`). */
  auth?: AuthHook;
  /** Every API route (see routes/index.ts `apiRoutes`). */
  routes: Route[];
  /** Built dashboard directory; default web/dist. */
  staticDir?: string;
  log?: ApiContext['log'];
}

export interface ApiServer {
  server: Server;
  router: Router;
  context: ApiContext;
  /** Listens and resolves with the bound address (port 0: a free port). */
  listen(port: number, host: string): Promise<{ host: string; port: number; url: string }>;
  close(): Promise<void>;
}

export function createApiServer(options: ServerOptions): ApiServer {
  const context: ApiContext = {
    store: options.store,
    config: options.config,
    auth: options.auth ?? defaultAuth,
    jobs: options.jobs,
    log: options.log,
  };
  const router = createRouter(options.routes);
  const staticDir = options.staticDir ?? WEB_DIST;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/api' || path.startsWith('/api/')) return router.handle(req, res, context);
    try {
      await serveStatic(req, res, staticDir);
    } catch (err) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const e = err instanceof HttpError ? err : new HttpError('internal', 'internal error');
      sendJson(res, e.status, e.body(), e.headers);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      context.log?.('error', `unhandled: ${(err as Error)?.stack ?? err}`);
      if (!res.headersSent) sendJson(res, 500, new HttpError('internal', 'internal error').body());
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  server.requestTimeout = 10 * 60 * 1000;

  return {
    server,
    router,
    context,
    listen(port, host) {
      return new Promise((ok, fail) => {
        server.once('error', fail);
        server.listen(port, host, () => {
          server.off('error', fail);
          const a = server.address() as AddressInfo;
          const h = a.family === 'IPv6' ? `[${a.address}]` : a.address;
          ok({ host: a.address, port: a.port, url: `http://${h}:${a.port}` });
        });
      });
    },
    close() {
      return new Promise((ok) => {
        server.close(() => ok());
        server.closeIdleConnections();
      });
    },
  };
}
