/** What every route handler receives besides the request: the store, configuration, auth and jobs. */
import type { Config } from '../config.ts';
import type { JobQueue } from '../queue/types.ts';
import type { Store } from '../store/index.ts';
import type { AuthHook } from './router.ts';

export interface ApiContext {
  store: Store;
  config: Config;
  auth: AuthHook;
  /** Ingest jobs (POST /api/ingest, GET /api/jobs/:id). */
  jobs: JobQueue;
  /** Server log (the CLI prints it); library code never prints. */
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}
