/** Overview of one country's relations: partner map and list, monthly timeline, recent events, top actors. */
import type { App } from '../app.ts';
import { h } from '../dom.ts';
import { link } from '../router.ts';
import { renderTimeline } from '../ui/timeline.ts';
import { barList, eventList, section, show } from '../ui/widgets.ts';

export async function overviewPage(app: App, main: HTMLElement, token: number): Promise<void> {
  const { api, i18n } = app;
  const focus = (app.route.parts[1] ?? app.config.focusCountry).toUpperCase();
  const [rel, recent, stats] = await Promise.all([
    api.relations(focus),
    api.events({ country: focus, limit: 8, sort: '-date' }),
    api.stats().catch(() => null),
  ]);
  const countries = (stats?.byCountry ?? []).map((c) => c.country).filter((c) => /^[A-Z]{3}$/.test(c));
  if (!countries.includes(focus)) countries.push(focus);
  const picker = h('select', {
    id: 'focus-country', 'aria-label': i18n.t('focusCountry'),
    on: { change: (e: Event) => app.go(link(['country', (e.target as HTMLSelectElement).value])) },
  }, countries.map((c) => [c, i18n.party(c)] as const).sort((a, b) => a[1].localeCompare(b[1], i18n.lang))
    .map(([c, name]) => h('option', { value: c, selected: c === focus }, name)));
  const partners = [...rel.partners].sort((a, b) => b.events - a.events);
  const counts = new Map(partners.filter((p) => p.kind === 'country').map((p) => [p.party, p.events]));
  const mapSlot = h('div', { class: 'map-slot' });
  const top = (rec: Record<string, number>, name: (k: string) => string, href: (k: string) => string) => {
    const entries = Object.entries(rec).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).slice(0, 8);
    return entries.length ? barList(entries.map(([k, n]) => [name(k), n, href(k)])) : h('p', { class: 'empty' }, i18n.t('none'));
  };

  const ok = show(app, main, token,
    h('div', { class: 'page-head' },
      h('h1', null, i18n.t('overviewOf'), ' ', h('span', { class: 'focus-name', 'data-iso': focus }, i18n.party(focus))),
      h('label', { class: 'picker' }, `${i18n.t('focusCountry')} `, picker)),
    h('div', { class: 'grid overview' },
      h('section', { class: 'card span2' }, h('h2', null, i18n.t('partnersMap')), mapSlot),
      section(i18n.t('partners'),
        partners.length
          ? barList(partners.slice(0, 12).map((p) => [i18n.party(p.party), p.events, link(['dyad', focus, p.party])]))
          : h('p', { class: 'empty' }, i18n.t('none'))),
      h('section', { class: 'card wide' }, h('h2', null, i18n.t('timeline')), renderTimeline(i18n, rel.timeline)),
      h('section', { class: 'card span2' }, h('h2', null, i18n.t('recentEvents')), eventList(app, recent.items, { from: focus }),
        h('p', null, h('a', { href: link(['events'], { country: focus }), class: 'more' }, `${i18n.t('allEvents')} (${i18n.number(recent.total)})`))),
      section(i18n.t('topActors'),
        rel.topActors.length
          ? barList(rel.topActors.slice(0, 10).map((a) => [h('bdi', null, a.name), a.events, link(['actor', a.id])]))
          : h('p', { class: 'empty' }, i18n.t('none'))),
      section(i18n.t('byAction'), top(rel.byAction, i18n.action, (k) => link(['events'], { country: focus, action: k }))),
      section(i18n.t('byContext'), top(rel.byContext, i18n.context, (k) => link(['events'], { country: focus, context: k }))),
    ));
  if (!ok) return;
  const { renderMap } = await import('../ui/map.ts');
  if (!app.isCurrent(token)) return;
  mapSlot.replaceChildren(renderMap({ focus, counts, i18n, href: (iso) => link(['dyad', focus, iso]) }));
}
