/** The application object passed to every page (no module-level mutable state). */
import { Api, ApiError, type AppConfig } from './api.ts';
import { h, mount } from './dom.ts';
import { createI18n, isLang, type I18n, type Lang } from './i18n.ts';
import { link, parseHash, type Route } from './router.ts';
import { renderLayout } from './ui/layout.ts';
import { PAGES, type PageFn } from './pages/index.ts';

export interface App {
  api: Api;
  i18n: I18n;
  config: AppConfig;
  route: Route;
  /** True while the page that asked is still the one on screen (guards late async renders). */
  isCurrent(token: number): boolean;
  setLang(lang: Lang): void;
  /** Re-reads GET /api/config (after login/logout) and re-renders. */
  refreshConfig(): Promise<void>;
  go(hash: string): void;
  render(): void;
}

const LANG_KEY = 'rasid.lang';

function storedLang(): Lang {
  try {
    const v = localStorage.getItem(LANG_KEY);
    return isLang(v) ? v : 'ar';
  } catch {
    return 'ar';
  }
}

export async function startApp(root: HTMLElement): Promise<App> {
  const api = new Api();
  let config: AppConfig;
  try {
    config = await api.config();
  } catch {
    config = { focusCountry: 'LBY', readsRequireLogin: false, user: null };
  }
  if (config.csrfToken) api.csrfToken = config.csrfToken;
  let token = 0;

  const app: App = {
    api,
    i18n: createI18n(storedLang()),
    config,
    route: parseHash(location.hash),
    isCurrent: (t) => t === token,
    setLang(lang) {
      try {
        localStorage.setItem(LANG_KEY, lang);
      } catch {
        /* private mode: the choice lasts for this page only */
      }
      app.i18n = createI18n(lang);
      app.render();
    },
    async refreshConfig() {
      app.config = await api.config();
      api.csrfToken = app.config.csrfToken;
      app.render();
    },
    go(hash) {
      if (location.hash === hash) app.render();
      else location.hash = hash;
    },
    render() {
      const my = ++token;
      app.route = parseHash(location.hash);
      const { i18n } = app;
      document.documentElement.lang = i18n.lang;
      document.documentElement.dir = i18n.dir;
      document.title = i18n.t('appName');
      const main = h('main', { id: 'content', tabindex: '-1' });
      mount(root, renderLayout(app), main);
      let page: PageFn = PAGES[app.route.parts[0] ?? ''] ?? PAGES['404'];
      // A server that requires login for reads shows the login form first.
      if (app.config.readsRequireLogin && !app.config.user) page = PAGES.login;
      main.appendChild(h('p', { class: 'loading', role: 'status' }, i18n.t('loading')));
      page(app, main, my).catch((err: unknown) => {
        if (!app.isCurrent(my)) return;
        const msg = err instanceof ApiError ? `${err.status} ${err.code}: ${err.message}` : String(err);
        const needsLogin = err instanceof ApiError && (err.status === 401 || err.status === 403);
        mount(main, h('div', { class: 'error', role: 'alert' }, h('strong', null, i18n.t('error')), ' — ', msg,
          needsLogin ? h('p', null, h('a', { href: link(['login'], { next: location.hash }) }, i18n.t('navLogin'))) : null));
      });
    },
  };
  window.addEventListener('hashchange', () => app.render());
  app.render();
  return app;
}
