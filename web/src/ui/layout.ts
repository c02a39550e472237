/** Page frame: skip link, header with navigation, language switch and the signed-in user. */
import type { App } from '../app.ts';
import { h } from '../dom.ts';
import { link } from '../router.ts';

export function renderLayout(app: App): HTMLElement {
  const { i18n, config } = app;
  const here = app.route.parts[0] ?? '';
  const nav = (key: Parameters<typeof i18n.t>[0], target: string, names: string[]) =>
    h('li', null, h('a', { href: target, 'aria-current': names.includes(here) ? 'page' : null }, i18n.t(key)));
  const user = config.user
    ? h('span', { class: 'user' }, `${i18n.t('signedInAs')} `, h('bdi', null, config.user.name), ' ',
        h('button', {
          type: 'button', class: 'link-button', id: 'logout',
          on: { click: () => void app.api.logout().catch(() => undefined).then(() => app.refreshConfig()).catch(() => app.render()) },
        }, i18n.t('logout')))
    : h('a', { href: link(['login']), id: 'login-link' }, i18n.t('navLogin'));
  const other = i18n.lang === 'ar' ? 'en' : 'ar';
  return h('header', { class: 'top' },
    h('a', { class: 'skip', href: '#content', on: { click: (e: Event) => { e.preventDefault(); document.getElementById('content')?.focus(); } } }, i18n.t('skipToContent')),
    h('div', { class: 'brand' }, h('a', { href: link([]) }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '◉'), i18n.t('appName')),
      h('span', { class: 'tagline' }, i18n.t('tagline'))),
    h('nav', { 'aria-label': i18n.t('mainNav') },
      h('ul', null,
        nav('navOverview', link([]), ['', 'country']),
        nav('navEvents', link(['events']), ['events', 'event']),
        nav('navActors', link(['actors']), ['actors', 'actor']),
        nav('navIngest', link(['ingest']), ['ingest']),
      )),
    h('div', { class: 'tools' },
      user,
      h('button', {
        type: 'button', id: 'lang-switch', class: 'lang', lang: other, title: i18n.t('switchLangHint'),
        on: { click: () => app.setLang(other) },
      }, i18n.t('switchLang'))),
  );
}
