/** Test helpers for the API: a server on a free port over a given store, and a fetch wrapper. */
import { loadConfig } from '../config.ts';
import { createMemoryQueue } from '../queue/memory.ts';
import type { JobQueue } from '../queue/types.ts';
import type { Store } from '../store/index.ts';
import { apiRoutes } from './routes/index.ts';
import type { AuthHook, AuthUser } from './router.ts';
import { createApiServer, type ApiServer } from './server.ts';

export interface TestServer {
  url: string;
  api: ApiServer;
  get(path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: any; text: string }>;
  close(): Promise<void>;
}

/** An auth hook for tests: the `X-Test-User: name:role` header logs in; CSRF token `ok`. */
export const headerAuth: AuthHook = {
  authenticate(req): AuthUser | null {
    const h = req.headers['x-test-user'];
    if (typeof h !== 'string') return null;
    const [name, role] = h.split(':');
    return { name, role: role as AuthUser['role'] };
  },
  checkCsrf: (req) => req.headers['x-csrf-token'] === 'ok',
  csrfToken: () => 'ok',
};

export async function startTestServer(options: {
  store: Store; auth?: AuthHook; jobs?: JobQueue; staticDir?: string; readsRequireLogin?: boolean;
}): Promise<TestServer> {
  const config = loadConfig({ dataDir: 'memory://', readsRequireLogin: options.readsRequireLogin ?? false }, {});
  const api = createApiServer({
    store: options.store, config, jobs: options.jobs ?? createMemoryQueue(), auth: options.auth, routes: apiRoutes(),
    staticDir: options.staticDir,
  });
  const { url } = await api.listen(0, '127.0.0.1');
  return {
    url,
    api,
    async get(path, init) {
      const res = await fetch(url + path, init);
      const text = await res.text();
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, headers: res.headers, body, text };
    },
    close: () => api.close(),
  };
}
