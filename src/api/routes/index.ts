/** The route table of the API (plug-in routes from plugins.ts are appended by the caller). */
import type { Route } from '../router.ts';
import { exportRoutes } from './export.ts';
import { ingestRoutes } from './ingest.ts';
import { metaRoutes } from './meta.ts';
import { readRoutes } from './read.ts';

/** Every route: ours, then `extra` (auth, review, users modules). */
export function apiRoutes(extra: Route[] = []): Route[] {
  const table: Route[] = [];
  table.push(...metaRoutes(() => table), ...readRoutes(), ...exportRoutes(), ...ingestRoutes(), ...extra);
  return table;
}
