/** Relations between two parties: meetings, agreements, invitations and the rest on a timeline. */
import type { App } from '../app.ts';
import type { EventRow } from '../api.ts';
import { h } from '../dom.ts';
import { link } from '../router.ts';
import { renderTimeline } from '../ui/timeline.ts';
import { eventList, section, show } from '../ui/widgets.ts';

const MEETINGS = new Set(['meet', 'visit', 'host', 'attend', 'phone_call', 'negotiate', 'mediate']);
const AGREEMENTS = new Set(['agree', 'sign_agreement', 'sign_memorandum']);
const INVITATIONS = new Set(['invite']);

export function groupDyadEvents(events: EventRow[]): Record<'meetings' | 'agreements' | 'invitations' | 'otherEvents', EventRow[]> {
  const out = { meetings: [] as EventRow[], agreements: [] as EventRow[], invitations: [] as EventRow[], otherEvents: [] as EventRow[] };
  for (const e of events) {
    if (MEETINGS.has(e.action)) out.meetings.push(e);
    else if (AGREEMENTS.has(e.action) || (e.event === 'AGREE' && !INVITATIONS.has(e.action))) out.agreements.push(e);
    else if (INVITATIONS.has(e.action)) out.invitations.push(e);
    else out.otherEvents.push(e);
  }
  return out;
}

export async function dyadPage(app: App, main: HTMLElement, token: number): Promise<void> {
  const { api, i18n } = app;
  const a = (app.route.parts[1] ?? '').toUpperCase();
  const b = (app.route.parts[2] ?? '').toUpperCase();
  const dyad = await api.dyad(a, b);
  const groups = groupDyadEvents(dyad.events);
  show(app, main, token,
    h('h1', null, i18n.t('dyadTitle', { a: i18n.party(a), b: i18n.party(b) })),
    h('p', null, h('a', { href: link(['events'], { dyad: `${a},${b}` }) }, i18n.t('allEvents')), ' · ',
      h('a', { href: link(['dyad', b, a]) }, `${i18n.party(b)} – ${i18n.party(a)}`)),
    h('div', { class: 'grid' },
      h('section', { class: 'card wide' }, h('h2', null, i18n.t('timeline')), renderTimeline(i18n, dyad.timeline)),
      (['meetings', 'agreements', 'invitations', 'otherEvents'] as const).map((k) =>
        section(`${i18n.t(k)} (${i18n.number(groups[k].length)})`, eventList(app, groups[k], { from: a }))),
    ));
}
