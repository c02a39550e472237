/** Actor directory (search by name) and actor profiles (aliases, dated roles, events). */
import type { App } from '../app.ts';
import { debounce, h, mount } from '../dom.ts';
import { link } from '../router.ts';
import { dateView, eventList, pager, partyLink, section, sep, show } from '../ui/widgets.ts';

const PAGE = 50;

export async function actorsPage(app: App, main: HTMLElement, token: number): Promise<void> {
  const { api, i18n } = app;
  const input = h('input', { id: 'actor-q', type: 'search', value: app.route.query.get('q') ?? '', autocomplete: 'off' });
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  let offset = 0;
  let seq = 0;
  const kindName = (k: string) => (k === 'person' ? i18n.t('kindPerson') : k === 'organization' || k === 'org' ? i18n.t('kindOrg') : k === 'country' ? i18n.t('kindCountry') : k);
  const load = async () => {
    const mine = ++seq;
    const q = input.value.trim();
    history.replaceState(null, '', link(['actors'], { q }));
    let page;
    try {
      page = await api.actors({ q: q || undefined, limit: PAGE, offset });
    } catch (err) {
      if (mine === seq) mount(results, h('p', { class: 'error', role: 'alert' }, `${i18n.t('error')}: ${(err as Error).message}`));
      return;
    }
    if (mine !== seq || !app.isCurrent(token)) return;
    mount(results,
      page.items.length === 0 ? h('p', { class: 'empty' }, i18n.t('none')) : h('table', { class: 'actors' },
        h('thead', null, h('tr', null, [i18n.t('name'), i18n.t('kind'), i18n.t('country'), i18n.t('aliases'), i18n.t('events')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', null, page.items.map((a) => h('tr', null,
          h('td', null, h('a', { href: link(['actor', a.id]) }, h('bdi', null, a.name))),
          h('td', null, kindName(a.kind), a.discovered ? h('small', { class: 'muted', title: i18n.t('discovered') }, ' *') : null),
          h('td', null, a.country ? partyLink(i18n, a.country) : '—'),
          h('td', { class: 'aliases' }, a.aliases.slice(0, 4).map((x, i) => [i ? sep(i18n) : '', h('bdi', null, x)])),
          h('td', { class: 'num' }, i18n.number(a.events)))))),
      page.total > page.limit ? pager(app, page, (o) => { offset = o; void load(); }) : null);
  };
  input.addEventListener('input', debounce(() => { offset = 0; void load(); }, 250));
  if (!show(app, main, token, h('h1', null, i18n.t('actorDirectory')),
    h('div', { class: 'field', role: 'search' }, h('label', { for: 'actor-q' }, i18n.t('actorSearch')), input), results)) return;
  await load();
}

export async function actorPage(app: App, main: HTMLElement, token: number): Promise<void> {
  const { api, i18n } = app;
  const actor = await api.actor(app.route.parts[1] ?? '');
  show(app, main, token,
    h('h1', null, h('bdi', null, actor.name), actor.nameEn ? h('small', { class: 'muted', lang: 'en', dir: 'ltr' }, ` ${actor.nameEn}`) : null),
    h('div', { class: 'grid' },
      section(i18n.t('aliases'), actor.aliases.length
        ? h('ul', { class: 'aliases' }, actor.aliases.map((a) => h('li', null, h('bdi', null, a))))
        : h('p', { class: 'empty' }, i18n.t('none')),
        actor.country ? h('p', null, `${i18n.t('country')}: `, partyLink(i18n, actor.country)) : null),
      section(i18n.t('roles'), actor.roles.length
        ? h('ul', { class: 'roles' }, actor.roles.map((r) => h('li', null,
          h('bdi', null, r.office), r.institution ? [' — ', h('bdi', null, r.institution)] : null,
          r.country ? [' (', i18n.party(r.country), ')'] : null, ' ',
          h('span', { class: 'period' }, r.from ? dateView(i18n, r.from) : '…', ' – ', r.to ? dateView(i18n, r.to) : i18n.t('present')))))
        : h('p', { class: 'empty' }, i18n.t('none'))),
      h('section', { class: 'card wide' }, h('h2', null, i18n.t('events')), eventList(app, actor.events)),
    ));
}
