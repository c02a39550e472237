/**
 * Starts the real `rasid serve` stack for the browser tests and the dashboard bench: an in-memory
 * store (PGlite), optionally seeded by ingesting examples/, the memory job queue with the ingest
 * runner, the auth/review plug-ins, and the built dashboard, on a free loopback port.
 */
import { join } from 'node:path';
import { loadPlugins } from '../../src/api/plugins.ts';
import { apiRoutes } from '../../src/api/routes/index.ts';
import { createApiServer } from '../../src/api/server.ts';
import { hashPassword } from '../../src/api/auth/password.ts';
import { ingest } from '../../src/app/ingest.ts';
import { buildPipeline, loadResources } from '../../src/app/pipeline.ts';
import { loadConfig } from '../../src/config.ts';
import { createIngestRunner, openQueue } from '../../src/queue/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { ROOT } from './browser.ts';

export interface DashboardServer {
  url: string;
  store: Store;
  /** Creates an account (editor by default) through the store's user module. */
  createEditor(name: string, password: string, role?: 'viewer' | 'editor'): Promise<void>;
  close(): Promise<void>;
}

export async function startDashboardServer(options: { staticDir: string; seed: boolean; readsRequireLogin?: boolean }): Promise<DashboardServer> {
  const config = loadConfig({ dataDir: 'memory://', host: '127.0.0.1', port: 0, readsRequireLogin: options.readsRequireLogin ?? false }, {});
  const store = await openStore({});
  try {
    if (options.seed) {
      const res = loadResources();
      const summary = await ingest(store, buildPipeline(res), res.context, [join(ROOT, 'examples')]);
      if (summary.errors.length > 0) throw new Error(`seeding failed: ${summary.errors.map((e) => e.message).join('; ')}`);
    }
    const jobs = await openQueue({});
    const plugins = await loadPlugins({ store, config });
    const api = createApiServer({
      store, config, jobs, auth: plugins.auth ?? undefined, routes: apiRoutes(plugins.routes), staticDir: options.staticDir,
    });
    jobs.work(createIngestRunner(store));
    const { url } = await api.listen(0, '127.0.0.1');
    return {
      url,
      store,
      async createEditor(name, password, role = 'editor') {
        await store.users.createUser(name, role, await hashPassword(password), 'browser-test');
      },
      async close() {
        await api.close();
        await jobs.close();
        await store.close();
      },
    };
  } catch (err) {
    await store.close().catch(() => {});
    throw err;
  }
}
