import { feature } from 'topojson-client';
import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
// Natural Earth 1:110m country shapes (public domain), bundled by Vite: no tile server, no network.
import countries110m from 'world-atlas/countries-110m.json';
import { api } from '../api.js';
import { h, s, mount, emptyState } from '../dom.js';
import { dominantType, typeColor } from '../colors.js';
import { link, type Route } from '../router.js';
import { filterBar, filtersFrom } from './filters.js';
import { typeLegend } from './timeline.js';

const W = 960, H = 500;

let land: FeatureCollection | null = null;
const countriesShape = (): FeatureCollection => {
  const topo = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return (land ??= feature(topo, topo.objects.countries) as unknown as FeatureCollection);
};

export async function mapView(root: HTMLElement, route: Route): Promise<void> {
  const filters = filtersFrom(route);
  const panel = h('div', { class: 'panel' });
  mount(root, h('div', { class: 'toolbar' }, filterBar('map', filters, ['type', 'factuality', 'country', 'from', 'to', 'text'])), panel);
  const agg = await api.aggregates(filters);

  const projection = geoNaturalEarth1().fitExtent([[8, 8], [W - 8, H - 8]], { type: 'Sphere' });
  const path = geoPath(projection);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart map', role: 'img', 'aria-label': 'World map of event places' },
    s('path', { d: path({ type: 'Sphere' }) ?? '', class: 'sphere' }),
    s('path', { d: path(geoGraticule10()) ?? '', class: 'graticule' }),
    ...countriesShape().features.map((f) => s('path', { d: path(f) ?? '', class: 'country' }, s('title', null, String(f.properties?.name ?? '')))));
  const max = Math.max(1, ...agg.places.map((p) => p.count));
  // Biggest first, so small circles stay on top and clickable.
  for (const p of [...agg.places].sort((a, b) => b.count - a.count)) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const type = dominantType(p.types);
    svg.append(s('a', { href: p.country ? link('events', [], { ...filters, country: p.country }) : link('events', [], filters), class: 'place' },
      s('circle', { cx: xy[0], cy: xy[1], r: 3 + 14 * Math.sqrt(p.count / max), fill: typeColor(type), 'data-place': p.name }),
      s('title', null, `${p.name}${p.country ? `, ${p.country}` : ''}: ${p.count} event(s) — ${Object.entries(p.types).map(([t, n]) => `${t} ${n}`).join(', ')}`)));
  }
  mount(panel,
    h('h2', null, 'Where events happen ', h('small', null, `${agg.places.length} place(s)`)),
    agg.places.length ? null : emptyState('No event has a place yet', 'Places come from the gazetteer when an article names where an event happened.'),
    svg,
    agg.places.length ? typeLegend(agg.places.map((p) => dominantType(p.types))) : null,
    h('p', { class: 'muted small' }, 'Country shapes: Natural Earth (public domain) via world-atlas.'));
}
