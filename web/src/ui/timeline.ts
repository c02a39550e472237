/** Monthly stacked bars by event type (SVG). In Arabic, time runs from right to left. */
import type { ByType } from '../api.ts';
import { h, s } from '../dom.ts';
import type { I18n } from '../i18n.ts';
import { typeBadge, typeColor } from './widgets.ts';

const W = 800;
const H = 220;
const PAD = { top: 10, bottom: 34, side: 30 };

/** All months from the first to the last (YYYY-MM), gaps filled with empty counts. */
export function fillMonths(timeline: Array<{ month: string; byType: ByType }>): Array<{ month: string; byType: ByType }> {
  const sorted = [...timeline].filter((t) => /^\d{4}-\d{2}$/.test(t.month)).sort((a, b) => a.month.localeCompare(b.month));
  if (sorted.length === 0) return [];
  const byMonth = new Map(sorted.map((t) => [t.month, t.byType]));
  const out: Array<{ month: string; byType: ByType }> = [];
  let [y, m] = sorted[0].month.split('-').map(Number);
  const last = sorted[sorted.length - 1].month;
  for (let guard = 0; guard < 600; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ month: key, byType: byMonth.get(key) ?? {} });
    if (key === last) break;
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

export function renderTimeline(i18n: I18n, timeline: Array<{ month: string; byType: ByType }>): HTMLElement {
  const months = fillMonths(timeline);
  if (months.length === 0) return h('p', { class: 'empty' }, i18n.t('noEvents'));
  const types = [...new Set(months.flatMap((m) => Object.keys(m.byType)))].sort();
  const totals = months.map((m) => Object.values(m.byType).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const plotW = W - 2 * PAD.side;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / months.length;
  const barW = Math.max(2, Math.min(48, slot * 0.7));
  const every = Math.ceil(months.length / 12);
  const rtl = i18n.dir === 'rtl';
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline', role: 'img', 'aria-label': i18n.t('timeline') });
  svg.appendChild(s('line', { x1: PAD.side, x2: W - PAD.side, y1: H - PAD.bottom, y2: H - PAD.bottom, class: 'axis' }));
  // The scale: a dashed line at the highest month, labelled on the side where time starts.
  svg.appendChild(s('line', { x1: PAD.side, x2: W - PAD.side, y1: PAD.top, y2: PAD.top, class: 'grid' }));
  svg.appendChild(s('text', { x: rtl ? W - PAD.side + 4 : PAD.side - 4, y: PAD.top + 4, class: 'tick', 'text-anchor': rtl ? 'start' : 'end' }, i18n.number(max)));
  months.forEach((m, i) => {
    const center = PAD.side + slot * (i + 0.5);
    const x = rtl ? W - center : center;
    let y = H - PAD.bottom;
    const g = s('g', { class: 'month', 'data-month': m.month });
    const parts = types.filter((t) => m.byType[t]).map((t) => `${i18n.eventType(t)}: ${m.byType[t]}`);
    g.appendChild(s('title', null, `${i18n.month(m.month)} — ${parts.join('، ') || '0'}`));
    for (const t of types) {
      const n = m.byType[t] ?? 0;
      if (!n) continue;
      const bh = (n / max) * plotH;
      y -= bh;
      g.appendChild(s('rect', { x: x - barW / 2, y, width: barW, height: bh, fill: typeColor(t) }));
    }
    if (i % every === 0) {
      g.appendChild(s('text', { x, y: H - PAD.bottom + 16, class: 'tick', 'text-anchor': 'middle' }, i18n.month(m.month)));
    }
    svg.appendChild(g);
  });
  const legend = h('div', { class: 'legend' }, types.map((t) => [typeBadge(i18n, t), ' ']));
  return h('figure', { class: 'timeline-figure' }, svg, h('figcaption', null, legend));
}
