/** Editor tools on the event page: confirm, reject, correct type/action/place/date, and the audit log. */
import type { App } from '../app.ts';
import type { AuditEntry, EventDetail } from '../api.ts';
import { ACTIONS, CONTEXTS, EVENT_TYPES, MODES_BY_TYPE } from '../dictionary.ts';
import { h, mount } from '../dom.ts';
import type { I18n } from '../i18n.ts';

function changes(before: unknown, after: unknown): string {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  const fmt = (v: unknown) => (v === undefined ? '∅' : typeof v === 'string' ? v : JSON.stringify(v));
  return keys.map((k) => `${k}: ${fmt(b[k])} → ${fmt(a[k])}`).join('; ');
}

export function auditTable(i18n: I18n, entries: AuditEntry[]): HTMLElement {
  if (entries.length === 0) return h('p', { class: 'empty' }, i18n.t('noAudit'));
  return h('table', { class: 'audit' },
    h('thead', null, h('tr', null, [i18n.t('auditAt'), i18n.t('auditUser'), i18n.t('auditAction'), i18n.t('auditChange')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, entries.map((e) => h('tr', { class: 'audit-entry', 'data-action': e.action },
      h('td', null, h('time', { datetime: e.at, dir: 'ltr' }, e.at.replace('T', ' ').slice(0, 19))),
      h('td', null, h('bdi', null, e.user)),
      h('td', null, h('code', { dir: 'ltr' }, e.action)),
      h('td', null, h('bdi', { dir: 'ltr' }, changes(e.before, e.after)))))));
}

export function reviewPanel(app: App, ev: EventDetail): HTMLElement {
  const { api, i18n } = app;
  const status = h('p', { class: 'status', role: 'status' });
  const auditSlot = h('div', { class: 'audit-slot' }, ev.audit ? auditTable(i18n, ev.audit) : h('p', null, i18n.t('loading')));
  const refreshAudit = async () => {
    try {
      mount(auditSlot, auditTable(i18n, await api.audit(`event:${ev.id}`)));
    } catch (err) {
      mount(auditSlot, h('p', { class: 'error' }, (err as Error).message));
    }
  };
  const run = async (fn: () => Promise<unknown>) => {
    status.textContent = i18n.t('loading');
    status.className = 'status';
    try {
      await fn();
      status.textContent = i18n.t('saved');
      status.className = 'status ok';
      // Show the stored state: the page is drawn again from the API (facts, review state, audit).
      app.render();
    } catch (err) {
      status.textContent = `${i18n.t('error')}: ${(err as Error).message}`;
      status.className = 'status error';
    }
  };
  const options = (table: Record<string, unknown>, name: (k: string) => string, current: string) =>
    Object.keys(table).map((k) => h('option', { value: k, selected: k === current }, `${name(k)} (${k})`));
  const type = h('select', { id: 'rv-type', name: 'event' }, options(EVENT_TYPES, i18n.eventType, ev.event));
  const action = h('select', { id: 'rv-action', name: 'action' }, options(ACTIONS, i18n.action, ev.action));
  const mode = h('select', { id: 'rv-mode', name: 'mode' });
  // The modes offered follow the chosen type; a mode the new type lacks is dropped.
  const fillModes = () => {
    const allowed = MODES_BY_TYPE[type.value] ?? [];
    const keep = allowed.includes(mode.value) ? mode.value : mode.options.length === 0 && ev.mode && allowed.includes(ev.mode) ? ev.mode : '';
    mode.replaceChildren(h('option', { value: '' }, i18n.t('noMode')), ...allowed.map((m) => h('option', { value: m }, `${i18n.mode(m)} (${m})`)));
    mode.value = keep;
    mode.disabled = allowed.length === 0;
  };
  fillModes();
  type.addEventListener('change', fillModes);
  const place = h('input', { id: 'rv-place', name: 'place', type: 'text', value: ev.location?.name ?? '', dir: 'auto' });
  const placeCountry = h('input', { id: 'rv-place-country', name: 'placeCountry', type: 'text', value: ev.location?.country ?? '', maxlength: 3, size: 4 });
  const date = h('input', { id: 'rv-date', name: 'date', type: 'date', value: ev.date ?? '' });
  const contexts = h('input', {
    id: 'rv-contexts', name: 'contexts', type: 'text', dir: 'ltr', value: ev.contexts.join(', '), list: 'rv-context-codes',
    title: Object.keys(CONTEXTS).join(', '),
  });
  const contextCodes = h('datalist', { id: 'rv-context-codes' }, Object.keys(CONTEXTS).map((c) => h('option', { value: c }, i18n.context(c))));
  const field = (label: Parameters<typeof i18n.t>[0], control: HTMLElement & { id: string }) =>
    h('div', { class: 'field' }, h('label', { for: control.id }, i18n.t(label)), control);

  const form = h('form', {
    class: 'correct', 'aria-label': i18n.t('correctTitle'),
    on: {
      submit: (e: Event) => {
        e.preventDefault();
        const patch: Record<string, unknown> = {};
        if (type.value !== ev.event) patch.event = type.value;
        if (action.value !== ev.action) patch.action = action.value;
        if ((mode.value || null) !== (ev.mode ?? null)) patch.mode = mode.value || null;
        if (date.value !== (ev.date ?? '')) patch.date = date.value || null;
        const loc = place.value.trim() ? { name: place.value.trim(), country: placeCountry.value.trim().toUpperCase() || null } : null;
        if (JSON.stringify(loc) !== JSON.stringify(ev.location ?? null)) patch.location = loc;
        const ctx = contexts.value.split(/[\s,،]+/).map((c) => c.trim()).filter(Boolean);
        if (ctx.join(',') !== ev.contexts.join(',')) patch.contexts = ctx;
        void run(() => api.correct(ev.id, patch));
      },
    },
  },
    h('h3', null, i18n.t('correctTitle')),
    h('div', { class: 'fields' }, field('type', type), field('mode', mode), field('action', action), field('place', place), field('placeCountry', placeCountry), field('date', date), field('context', contexts)), contextCodes,
    h('button', { type: 'submit', id: 'rv-save' }, i18n.t('correct')));

  if (!ev.audit) void refreshAudit();
  return h('section', { class: 'card wide review', id: 'review' },
    h('h2', null, i18n.t('reviewPanel')),
    ev.review ? h('p', null, `${i18n.t('reviewState')}: `, h('strong', { class: 'review-state' }, i18n.t(`review_${ev.review}` as 'review_confirmed'))) : null,
    h('div', { class: 'buttons' },
      h('button', { type: 'button', id: 'rv-confirm', on: { click: () => void run(() => api.review(ev.id, 'confirm')) } }, i18n.t('confirm')),
      h('button', { type: 'button', id: 'rv-reject', class: 'danger', on: { click: () => void run(() => api.review(ev.id, 'reject')) } }, i18n.t('reject'))),
    form, status,
    h('h3', null, i18n.t('auditLog')), auditSlot);
}
