/** Small shared pieces: dates with Hijri, type badges, party links, pagination, page mounting. */
import type { App } from '../app.ts';
import type { EventRow } from '../api.ts';
import { h, mount, type Child } from '../dom.ts';
import type { I18n } from '../i18n.ts';
import { link } from '../router.ts';

/** Mounts a page's content if the page is still current. */
export function show(app: App, main: HTMLElement, token: number, ...children: Child[]): boolean {
  if (!app.isCurrent(token)) return false;
  mount(main, ...children);
  return true;
}

/** A <time> with the Gregorian date and, for full dates, the Hijri date beneath. */
export function dateView(i18n: I18n, iso: string | null | undefined): HTMLElement {
  if (!iso) return h('span', { class: 'muted' }, '—');
  const hijri = i18n.hijri(iso);
  return h('span', { class: 'date' },
    h('time', { datetime: iso }, i18n.date(iso)),
    hijri ? h('small', { class: 'hijri', title: i18n.t('hijri') }, hijri) : null);
}

/** Modes an action already says (data/ontology/actions.yaml defaults). */
const ACTION_DEFAULT_MODE: Record<string, string> = { visit: 'visit', host: 'host', attend: 'multilateral', phone_call: 'phone' };

/** ' · mode' unless the mode only repeats the action (visit · visit). */
export function modeSuffix(i18n: I18n, r: Pick<EventRow, 'action' | 'mode'>): string {
  if (!r.mode || r.mode === r.action || ACTION_DEFAULT_MODE[r.action] === r.mode || i18n.mode(r.mode) === i18n.action(r.action)) return '';
  return ` · ${i18n.mode(r.mode)}`;
}

/** A colored label for an event type; colors are per type and shared with the timeline. */
export function typeBadge(i18n: I18n, type: string): HTMLElement {
  return h('span', { class: 'badge', style: `--c:${typeColor(type)}`, 'data-type': type }, i18n.eventType(type));
}

const TYPE_COLORS: Record<string, string> = {
  CONSULT: '#2b6cb0', AGREE: '#2f855a', SUPPORT: '#38a169', COOPERATE: '#319795', AID: '#0d9488',
  STATEMENT: '#718096', REQUEST: '#b7791f', CONCEDE: '#805ad5', RETREAT: '#9f7aea', ACCUSE: '#dd6b20',
  REJECT: '#c05621', THREATEN: '#e53e3e', PROTEST: '#d53f8c', SANCTION: '#9b2c2c', MOBILIZE: '#744210',
  COERCE: '#822727', ASSAULT: '#63171b',
};

export function typeColor(type: string): string {
  return TYPE_COLORS[type] ?? '#4a5568';
}

export function partyLink(i18n: I18n, code: string, from?: string): HTMLElement {
  const target = from && from !== code ? link(['dyad', from, code]) : link(['country', code]);
  return h('a', { href: target, class: 'party', 'data-party': code }, i18n.party(code));
}

/** An actor's name and title as one isolated Arabic run (keeps parentheses in place in an English page). */
export function actorText(a: EventRow['actors'][number]): Child {
  return h('bdi', { dir: 'rtl', lang: 'ar' }, a.name, a.title ? h('span', { class: 'muted' }, ` (${a.title})`) : null);
}

/** List separator of the interface language. */
export function sep(i18n: I18n): string {
  return i18n.lang === 'ar' ? '، ' : ', ';
}

/** Compact list of events: date, type/action, parties, place, snippet, sources. */
export function eventList(app: App, rows: EventRow[], opts: { from?: string } = {}): HTMLElement {
  const { i18n } = app;
  if (rows.length === 0) return h('p', { class: 'empty' }, i18n.t('noEvents'));
  return h('ol', { class: 'events' }, rows.map((r) =>
    h('li', { class: 'event-item', 'data-event-id': r.id },
      h('div', { class: 'when' }, dateView(i18n, r.date ?? r.day)),
      h('div', { class: 'what' },
        h('div', { class: 'head' },
          typeBadge(i18n, r.event), ' ',
          h('a', { href: link(['event', r.id]), class: 'event-link' }, i18n.action(r.action), modeSuffix(i18n, r)),
          r.negated ? h('span', { class: 'tag neg' }, i18n.t('negated')) : null,
          r.review && r.review !== 'unreviewed' ? h('span', { class: `tag review-${r.review}` }, i18n.t(`review_${r.review}` as 'review_confirmed')) : null,
        ),
        h('div', { class: 'parties' }, [...r.countries, ...r.organizations].map((c) => [partyLink(i18n, c, opts.from), ' '])),
        r.actors.length ? h('div', { class: 'actors' }, r.actors.slice(0, 4).map((a, i) => [i ? sep(i18n) : '', actorText(a)])) : null,
        r.location ? h('div', { class: 'place' }, `${i18n.t('place')}: `, h('bdi', null, r.location.name)) : null,
        r.snippet ? h('blockquote', { class: 'snippet', lang: 'ar', dir: 'rtl' }, r.snippet) : null,
      ),
      h('div', { class: 'count', title: i18n.t('sources') }, i18n.number(r.sourceCount), ' ', h('small', null, i18n.count('sources', r.sourceCount))),
    )));
}

/** Previous/next buttons and "from–to of total". */
export function pager(app: App, page: { total: number; limit: number; offset: number }, goTo: (offset: number) => void): HTMLElement {
  const { i18n } = app;
  const from = page.total === 0 ? 0 : page.offset + 1;
  const to = Math.min(page.total, page.offset + page.limit);
  return h('nav', { class: 'pager', 'aria-label': i18n.t('results') },
    h('button', { type: 'button', class: 'prev', disabled: page.offset <= 0, on: { click: () => goTo(Math.max(0, page.offset - page.limit)) } }, i18n.t('previous')),
    h('span', { class: 'range', role: 'status' }, i18n.t('pageOf', { from, to, total: page.total })),
    h('button', { type: 'button', class: 'next', disabled: to >= page.total, on: { click: () => goTo(page.offset + page.limit) } }, i18n.t('next')),
  );
}

/** A titled section. */
export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', null, title), ...children);
}

/** A horizontal bar list of counts: [label, count, href?]. */
export function barList(items: Array<[Child, number, string?]>, max?: number): HTMLElement {
  const top = max ?? Math.max(1, ...items.map((i) => i[1]));
  return h('ul', { class: 'bars' }, items.map(([label, n, href]) =>
    h('li', null,
      h('bdi', { class: 'bar-label', dir: 'auto', title: typeof label === 'string' ? label : (label as Node).textContent ?? '' }, href ? h('a', { href }, label) : label),
      h('span', { class: 'bar', style: `--w:${Math.round((100 * n) / top)}%` }, h('span', { class: 'bar-n' }, String(n))))));
}
