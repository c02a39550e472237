/**
 * World map of partners shaded by number of events (d3-geo + world-atlas 110m, bundled: no tile
 * server). Loaded lazily so the first paint does not wait for the shapes.
 */
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };
import { h, s } from '../dom.ts';
import type { I18n } from '../i18n.ts';
import { countryCodes } from '../geo/codes.ts';

export interface MapOptions {
  focus: string;
  /** Events per partner (ISO alpha-3). */
  counts: Map<string, number>;
  /** Link for a partner country. */
  href: (iso3: string) => string;
  i18n: I18n;
}

const WIDTH = 960;
const HEIGHT = 500;

/** Blends two hex colors; t in [0, 1]. */
export function blend(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  return '#' + pa.map((v, i) => Math.round(v + (pb[i] - v) * t).toString(16).padStart(2, '0')).join('');
}

export function renderMap(opts: MapOptions): HTMLElement {
  const { i18n, counts, focus } = opts;
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const shapes = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const byNumeric = new Map<string, string>();
  for (const c of countryCodes().values()) if (c.numeric) byNumeric.set(c.numeric, c.alpha3);
  // Zoom on the focus country and its partners (the whole world when there are none).
  const shown = shapes.features.filter((f) => {
    const iso3 = f.id !== undefined ? byNumeric.get(String(f.id)) : undefined;
    return iso3 !== undefined && (iso3 === focus || counts.has(iso3));
  });
  const frame = shown.length > 1 ? { type: 'FeatureCollection' as const, features: shown } : shapes;
  const projection = geoNaturalEarth1().fitExtent([[60, 40], [WIDTH - 60, HEIGHT - 40]], frame);
  const path = geoPath(projection);
  const max = Math.max(1, ...counts.values());
  const svg = s('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'map', role: 'group', 'aria-label': i18n.t('partnersMap'),
  });
  for (const f of shapes.features) {
    const iso3 = f.id !== undefined ? byNumeric.get(String(f.id)) : undefined;
    const d = path(f);
    if (!d) continue;
    const n = iso3 ? counts.get(iso3) ?? 0 : 0;
    const isFocus = iso3 === focus;
    const fill = isFocus ? '#1a365d' : n > 0 ? blend('#fde2b8', '#c2410c', Math.sqrt(n / max)) : '#e7ebef';
    const name = iso3 ? i18n.party(iso3) : f.properties?.name ?? '';
    const shape = s('path', { d, fill, class: isFocus ? 'focus' : n > 0 ? 'partner' : 'land', 'data-iso': iso3 ?? '' },
      s('title', null, n > 0 ? `${name}: ${i18n.number(n)}` : name));
    svg.appendChild(n > 0 && iso3 && !isFocus ? s('a', { href: opts.href(iso3), 'aria-label': `${name}: ${n}` }, shape) : shape);
  }
  const legend = h('div', { class: 'legend', 'aria-hidden': 'true' },
    counts.size > 0 ? [
      h('span', null, i18n.t('mapLegend')), ' ',
      h('span', { class: 'swatch', style: `background:${blend('#fde2b8', '#c2410c', Math.sqrt(1 / max))}` }), ' 1 ',
      max > 1 ? [h('span', { class: 'swatch', style: 'background:#c2410c' }), ` ${i18n.number(max)} `] : null,
    ] : null,
    h('span', { class: 'swatch', style: 'background:#1a365d' }), ` ${i18n.party(focus)}`);
  return h('figure', { class: 'map-figure' }, svg, h('figcaption', null, legend));
}
