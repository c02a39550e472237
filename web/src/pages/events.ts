/** Event list with the API's filters (kept in the URL), instant text search and pagination. */
import type { App } from '../app.ts';
import type { EventQuery } from '../api.ts';
import { ACTIONS, CONTEXTS, EVENT_TYPES } from '../dictionary.ts';
import { debounce, h, mount } from '../dom.ts';
import type { LabelKey } from '../dictionary.ts';
import { eventList, pager, show } from '../ui/widgets.ts';

const FIELDS = ['q', 'country', 'dyad', 'type', 'action', 'context', 'actor', 'place', 'source', 'since', 'until', 'review', 'sort'] as const;
type Field = (typeof FIELDS)[number];
const PAGE = 20;

export async function eventsPage(app: App, main: HTMLElement, token: number): Promise<void> {
  const { api, i18n } = app;
  const initial = app.route.query;
  let offset = Number(initial.get('offset') ?? 0) || 0;
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const controls = new Map<Field, HTMLInputElement | HTMLSelectElement>();
  let seq = 0;

  const field = (name: Field, label: LabelKey, control: HTMLInputElement | HTMLSelectElement) => {
    control.id = `f-${name}`;
    control.name = name;
    control.value = initial.get(name) ?? control.value;
    controls.set(name, control);
    return h('div', { class: `field field-${name}` }, h('label', { for: control.id }, i18n.t(label)), control);
  };
  const select = (options: Array<[string, string]>) =>
    h('select', null, h('option', { value: '' }, i18n.t('any')), options.map(([v, l]) => h('option', { value: v }, l)));
  const pairs = (table: Record<string, unknown>, name: (k: string) => string) =>
    Object.keys(table).map((k) => [k, name(k)] as [string, string]).sort((a, b) => a[1].localeCompare(b[1], i18n.lang));

  const query = (): EventQuery => {
    const q: Record<string, string | number> = {};
    for (const [k, c] of controls) if (c.value.trim()) q[k] = c.value.trim();
    // A country code is sent once complete (3 letters), a dyad once it names two parties.
    if (q.country && !/^[A-Z]{3}$/.test(String(q.country))) delete q.country;
    if (q.dyad && !/^[A-Z_]+,[A-Z_]+$/.test(String(q.dyad))) delete q.dyad;
    if (q.sort === '-date') delete q.sort; // the API's default order
    q.limit = PAGE;
    q.offset = offset;
    return q as EventQuery;
  };

  const load = async () => {
    const mine = ++seq;
    const q = query();
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (k !== 'limit' && (k !== 'offset' || v)) params.set(k, String(v));
    history.replaceState(null, '', `#/events${params.toString() ? `?${params}` : ''}`);
    results.setAttribute('aria-busy', 'true');
    try {
      const page = await api.events(q);
      if (mine !== seq || !app.isCurrent(token)) return;
      const goTo = (o: number) => { offset = o; void load(); };
      mount(results,
        h('p', { class: 'count-line', id: 'result-count', 'data-total': page.total, 'data-query': params.toString() }, i18n.count('events', page.total)),
        eventList(app, page.items),
        page.total > page.limit ? pager(app, page, goTo) : null);
    } catch (err) {
      if (mine !== seq) return;
      mount(results, h('p', { class: 'error', role: 'alert' }, `${i18n.t('error')}: ${(err as Error).message}`));
    } finally {
      if (mine === seq) results.removeAttribute('aria-busy');
    }
  };
  const reload = () => { offset = 0; void load(); };
  const reloadSoon = debounce(reload, 250);

  const text = (placeholder = '') => h('input', { type: 'search', placeholder, autocomplete: 'off' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': i18n.t('filters'), on: { submit: (e: Event) => { e.preventDefault(); reload(); } } },
    field('q', 'search', text(i18n.t('searchPlaceholder'))),
    field('country', 'country', h('input', { type: 'text', placeholder: 'LBY', maxlength: 3, size: 4, autocomplete: 'off' })),
    field('dyad', 'dyad', h('input', { type: 'text', placeholder: 'LBY,TUR', size: 8, autocomplete: 'off' })),
    field('type', 'type', select(pairs(EVENT_TYPES, i18n.eventType))),
    field('action', 'action', select(pairs(ACTIONS, i18n.action))),
    field('context', 'context', select(pairs(CONTEXTS, i18n.context))),
    field('actor', 'actor', text()),
    field('place', 'place', text()),
    field('source', 'sourceDoc', h('input', { type: 'search', dir: 'ltr', autocomplete: 'off' })),
    field('since', 'since', h('input', { type: 'date' })),
    field('until', 'until', h('input', { type: 'date' })),
    field('review', 'review', select((['confirmed', 'corrected', 'rejected', 'unreviewed'] as const).map((r) => [r, i18n.t(`review_${r}`)]))),
    field('sort', 'sort', h('select', null,
      h('option', { value: '-date' }, i18n.t('sortNewest')), h('option', { value: 'date' }, i18n.t('sortOldest')),
      h('option', { value: '-sources' }, i18n.t('sortSources')), h('option', { value: '-confidence' }, i18n.t('sortConfidence')))),
    h('div', { class: 'field actions' },
      h('button', { type: 'button', class: 'secondary', on: { click: () => { for (const c of controls.values()) c.value = c.name === 'sort' ? '-date' : ''; reload(); } } }, i18n.t('clearFilters'))),
  );
  for (const [name, c] of controls) {
    const typed = c instanceof HTMLInputElement && (c.type === 'search' || c.type === 'text');
    c.addEventListener(typed ? 'input' : 'change', () => {
      if (name === 'country' && c.value) c.value = c.value.toUpperCase();
      if (name === 'dyad' && c.value) c.value = c.value.toUpperCase();
      (typed ? reloadSoon : reload)();
    });
  }
  if (!show(app, main, token, h('h1', null, i18n.t('navEvents')), form, results)) return;
  await load();
}
