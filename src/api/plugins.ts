/**
 * Modules written by other parts of the project that plug into the server when present:
 * - `src/api/auth/index.ts` exporting `createAuth(deps: PluginDeps): AuthHook | Promise<AuthHook>`
 *   (and optionally `routes: Route[]`, e.g. login/logout);
 * - `src/api/routes/review.ts`, `src/api/routes/users.ts` exporting `routes: Route[]`.
 * A module that is absent is skipped; one that fails to load is an error.
 */
import type { Config } from '../config.ts';
import type { Store } from '../store/index.ts';
import type { AuthHook, Route } from './router.ts';

export interface PluginDeps {
  store: Store;
  config: Config;
}

interface PluginModule {
  routes?: Route[];
  createAuth?: (deps: PluginDeps) => AuthHook | Promise<AuthHook>;
}

export const PLUGIN_MODULES = ['./auth/index.ts', './routes/review.ts', './routes/users.ts'];

export interface Plugins {
  routes: Route[];
  auth: AuthHook | null;
  /** Modules found. */
  loaded: string[];
}

export async function loadPlugins(deps: PluginDeps, modules: string[] = PLUGIN_MODULES): Promise<Plugins> {
  const out: Plugins = { routes: [], auth: null, loaded: [] };
  for (const rel of modules) {
    const url = new URL(rel, import.meta.url);
    let mod: PluginModule;
    try {
      mod = (await import(url.href)) as PluginModule;
    } catch (err) {
      const e = err as { code?: string; message?: string };
      const missing = e.code === 'ERR_MODULE_NOT_FOUND' && (e.message ?? '').includes(rel.replace('./', ''));
      if (missing) continue;
      throw new Error(`api: cannot load ${rel}: ${e.message}`);
    }
    out.loaded.push(rel);
    if (mod.routes) out.routes.push(...mod.routes);
    if (mod.createAuth) out.auth = await mod.createAuth(deps);
  }
  return out;
}
