/** One event: source texts with the evidence highlighted in place, participants, sources, merges, review. */
import type { App } from '../app.ts';
import type { DocumentView, EventDetail } from '../api.ts';
import { h } from '../dom.ts';
import { link } from '../router.ts';
import { renderHighlighted, type Span } from '../ui/highlight.ts';
import { reviewPanel } from '../ui/review.ts';
import { dateView, modeSuffix, partyLink, sep, section, show, typeBadge } from '../ui/widgets.ts';

/** Only http(s) links are rendered as links. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function evidenceSpans(doc: DocumentView, ev: EventDetail): Span[] {
  const spans: Span[] = doc.furniture.map((f) => ({ start: f.start, end: f.end, kind: 'furniture', ref: f.rule }));
  for (const e of doc.events) {
    for (const s of e.evidence) spans.push({ start: s.start, end: s.end, kind: e.id === ev.id ? 'current' : 'other', ref: String(e.id) });
  }
  for (const s of ev.evidence) {
    if (s.document === doc.id || s.doc === doc.name) spans.push({ start: s.start, end: s.end, kind: 'current', ref: String(ev.id) });
  }
  return spans;
}

function sourceText(app: App, doc: DocumentView, ev: EventDetail): HTMLElement {
  const { i18n } = app;
  const url = safeUrl(doc.url);
  const body = h('div', { class: 'doc-text', lang: 'ar', dir: 'rtl', tabindex: '0', 'aria-label': `${i18n.t('sourceText')}: ${doc.name}` });
  body.appendChild(renderHighlighted(doc.text, evidenceSpans(doc, ev), { current: i18n.t('evidence'), other: i18n.t('event') }));
  return h('article', { class: 'source-doc', 'data-document': doc.id },
    h('h3', null, h('bdi', { lang: 'ar' }, doc.title ?? doc.name)),
    h('p', { class: 'meta' },
      doc.outlet ? [h('bdi', null, doc.outlet), ' · '] : null,
      doc.published ? [dateView(i18n, doc.published.slice(0, 10)), ' · '] : null,
      url ? h('a', { href: url, rel: 'noopener noreferrer', target: '_blank', dir: 'ltr' }, doc.name) : h('span', { dir: 'ltr' }, doc.name),
      ' · ', h('a', { href: link(['events'], { source: doc.name }) }, i18n.t('docEvents'))),
    body);
}

function facts(app: App, ev: EventDetail): HTMLElement {
  const { i18n } = app;
  const row = (label: string, ...value: Parameters<typeof h>[2][]) => [h('dt', null, label), h('dd', null, ...value)];
  const parties = [...ev.countries, ...ev.organizations];
  return h('dl', { class: 'facts' },
    row(i18n.t('date'), dateView(i18n, ev.date ?? ev.day)),
    row(i18n.t('type'), typeBadge(i18n, ev.event), ev.cameo ? h('small', { class: 'muted' }, ` CAMEO ${ev.cameo}`) : null),
    row(i18n.t('action'), i18n.action(ev.action), modeSuffix(i18n, ev)),
    row(i18n.t('parties'), parties.length ? parties.map((p, i) => [i ? sep(i18n) : '', partyLink(i18n, p)]) : '—',
      ev.countries.length === 2 ? [' · ', h('a', { href: link(['dyad', ev.countries[0], ev.countries[1]]), class: 'dyad-link' }, i18n.t('dyadLink'))] : null),
    row(i18n.t('place'), ev.location ? [h('bdi', { class: 'place-name' }, ev.location.name), ev.location.country ? [' (', i18n.party(ev.location.country), ')'] : null] : '—'),
    row(i18n.t('context'), ev.contexts.length ? ev.contexts.map((c) => h('span', { class: 'tag' }, i18n.context(c))) : '—'),
    row(i18n.t('confidence'), i18n.number(Math.round(ev.confidence * 100)), '%', ev.negated ? h('span', { class: 'tag neg' }, i18n.t('negated')) : null),
    row(i18n.t('rules'), h('code', { dir: 'ltr' }, ev.rules.join(', ') || '—')),
  );
}

function participants(app: App, ev: EventDetail): HTMLElement {
  const { i18n } = app;
  if (ev.actors.length === 0) return h('p', { class: 'empty' }, i18n.t('none'));
  return h('table', { class: 'participants' },
    h('thead', null, h('tr', null, [i18n.t('name'), i18n.t('title'), i18n.t('country'), i18n.t('side')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, ev.actors.map((a) => h('tr', null,
      h('td', null, a.entity ? h('a', { href: link(['actor', a.entity]) }, h('bdi', null, a.name)) : h('bdi', null, a.name)),
      h('td', null, a.title ? h('bdi', null, a.title) : '—'),
      h('td', null, a.country ? partyLink(i18n, a.country) : a.org ? partyLink(i18n, a.org) : '—'),
      h('td', null, i18n.side(a.side))))));
}

export async function eventPage(app: App, main: HTMLElement, token: number): Promise<void> {
  const { api, i18n } = app;
  const id = app.route.parts[1] ?? '';
  const ev = await api.event(id);
  const docIds = [...new Set([...ev.evidence.map((e) => e.document), ...ev.sourcesDetail.map((s) => s.document)])];
  const docs = await Promise.all(docIds.map((d) => api.document(d).catch(() => null)));
  const canEdit = app.config.user && (app.config.user.role === 'editor' || app.config.user.role === 'admin');
  const ok = show(app, main, token,
    h('h1', null, typeBadge(i18n, ev.event), ' ', i18n.action(ev.action), ' ', h('small', { class: 'muted' }, i18n.t('eventNo', { id: ev.id }))),
    h('div', { class: 'grid event' },
      section(i18n.t('event'), facts(app, ev)),
      section(i18n.t('participants'), participants(app, ev)),
      h('section', { class: 'card wide' }, h('h2', null, i18n.t('sourceTexts')),
        h('p', { class: 'note' }, i18n.t('highlightNote')),
        docs.filter((d): d is DocumentView => d !== null).map((d) => sourceText(app, d, ev))),
      section(i18n.t('allSources'), h('ul', { class: 'sources' }, ev.sourcesDetail.map((s) => {
        const url = safeUrl(s.url);
        return h('li', null, h('bdi', null, s.title ?? s.name), ' — ', s.outlet ? h('bdi', null, s.outlet) : null, ' ',
          dateView(i18n, s.published?.slice(0, 10)), ' ', url ? h('a', { href: url, rel: 'noopener noreferrer', target: '_blank', dir: 'ltr' }, s.name) : h('code', { dir: 'ltr' }, s.name));
      }))),
      section(i18n.t('merges'), ev.merges.length
        ? h('ul', { class: 'merges' }, ev.merges.map((m) => h('li', null, h('code', { dir: 'ltr' }, m.reason), m.document ? [' — ', h('bdi', null, m.document)] : null, ' ', dateView(i18n, m.at.slice(0, 10)))))
        : h('p', { class: 'empty' }, i18n.t('noMerges'))),
      canEdit ? reviewPanel(app, ev) : null,
    ));
  if (!ok) return;
  for (const box of main.querySelectorAll<HTMLElement>('.doc-text')) {
    const mark = box.querySelector<HTMLElement>('mark.ev-current');
    if (mark) box.scrollTop = Math.max(0, mark.offsetTop - 60);
  }
}
