import { api, type Aggregates } from '../api.js';
import { h, s, mount, emptyState } from '../dom.js';
import { dominantType, typeColor } from '../colors.js';
import { link, type Route } from '../router.js';
import { filterBar, filtersFrom } from './filters.js';
import { typeLegend } from './timeline.js';

interface Node { id: string; x: number; y: number; vx: number; vy: number; weight: number }

const MAX_EDGES = 60;

/**
 * A small force layout: nodes start on a circle, repel each other, and edges pull their ends
 * together (harder for heavier edges). Deterministic: the same data draws the same picture.
 */
export function layoutNetwork(ids: string[], edges: { source: string; target: string; count: number }[], size: number): Map<string, Node> {
  const nodes = new Map<string, Node>(ids.map((id, i) => {
    const a = (2 * Math.PI * i) / ids.length;
    return [id, { id, x: size / 2 + (size / 3) * Math.cos(a), y: size / 2 + (size / 3) * Math.sin(a), vx: 0, vy: 0, weight: 0 }];
  }));
  for (const e of edges) { nodes.get(e.source)!.weight += e.count; nodes.get(e.target)!.weight += e.count; }
  const list = [...nodes.values()];
  const ideal = size / Math.max(3, Math.sqrt(list.length) * 1.6);
  for (let step = 0; step < 300; step++) {
    const cool = 1 - step / 300;
    for (const a of list) for (const b of list) {
      if (a === b) continue;
      const dx = a.x - b.x, dy = a.y - b.y;
      const d2 = Math.max(dx * dx + dy * dy, 1);
      const f = (ideal * ideal) / d2;
      a.vx += dx * f * 0.02; a.vy += dy * f * 0.02;
    }
    for (const e of edges) {
      const a = nodes.get(e.source)!, b = nodes.get(e.target)!;
      const dx = b.x - a.x, dy = b.y - a.y;
      const d = Math.max(Math.hypot(dx, dy), 1);
      const f = ((d - ideal) / d) * 0.04 * Math.min(3, 1 + Math.log1p(e.count) / 2);
      a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
    }
    for (const n of list) {
      // Gravity keeps separate components (RUS→UKR next to MDA⇄ROU) from drifting to the corners.
      n.vx += (size / 2 - n.x) * 0.04; n.vy += (size / 2 - n.y) * 0.04;
      const v = Math.hypot(n.vx, n.vy), cap = 20 * cool + 1;
      if (v > cap) { n.vx *= cap / v; n.vy *= cap / v; }
      n.x = Math.min(size - 40, Math.max(40, n.x + n.vx)); n.y = Math.min(size - 30, Math.max(30, n.y + n.vy));
      n.vx *= 0.5; n.vy *= 0.5;
    }
  }
  return nodes;
}

export function networkChart(dyads: Aggregates['dyads'], names: Map<string, string>): SVGSVGElement {
  const edges = dyads.slice(0, MAX_EDGES);
  const ids = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
  const W = 900, H = 620;
  const nodes = layoutNetwork(ids, edges, Math.min(W, H));
  const dx = (W - Math.min(W, H)) / 2;
  const maxCount = Math.max(1, ...edges.map((e) => e.count));
  const maxWeight = Math.max(1, ...[...nodes.values()].map((n) => n.weight));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart network', role: 'img', 'aria-label': 'Who acts on whom' });
  const defs = s('defs');
  const markerFor = new Map<string, string>();
  for (const e of edges) {
    const color = typeColor(dominantType(e.types));
    if (markerFor.has(color)) continue;
    const id = `arrow-${markerFor.size}`;
    markerFor.set(color, id);
    defs.append(s('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 12, markerHeight: 12, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,5 L0,10 z', fill: color })));
  }
  svg.append(defs);
  const radius = (n: Node) => 8 + 16 * Math.sqrt(n.weight / maxWeight);
  for (const e of edges) {
    const a = nodes.get(e.source)!, b = nodes.get(e.target)!;
    const ax = a.x + dx, ay = a.y, bx = b.x + dx, by = b.y;
    const len = Math.max(Math.hypot(bx - ax, by - ay), 1);
    // Bend each edge to its right so A→B and B→A stay apart; stop at the target's rim.
    const mx = (ax + bx) / 2 + ((by - ay) / len) * 24, my = (ay + by) / 2 - ((bx - ax) / len) * 24;
    const tl = Math.max(Math.hypot(bx - mx, by - my), 1), rb = radius(b) + 3;
    const ex = bx - ((bx - mx) / tl) * rb, ey = by - ((by - my) / tl) * rb;
    const type = dominantType(e.types);
    const color = typeColor(type);
    svg.append(s('path', {
      d: `M${ax},${ay} Q${mx},${my} ${ex},${ey}`, fill: 'none', stroke: color, 'stroke-opacity': 0.75,
      'stroke-width': 1 + 6 * Math.sqrt(e.count / maxCount), 'marker-end': `url(#${markerFor.get(color)})`, class: 'edge',
    }, s('title', null, `${e.source} → ${e.target}: ${e.count} event(s) — ${Object.entries(e.types).map(([t, n]) => `${t} ${n}`).join(', ')}`)));
  }
  for (const n of nodes.values()) {
    const a = s('a', { href: link('events', [], { country: n.id }), class: 'node' },
      s('circle', { cx: n.x + dx, cy: n.y, r: radius(n) }),
      // Country codes fit inside the circle; a longer name (an actor without a country) goes below it.
      n.id.length <= 4
        ? s('text', { x: n.x + dx, y: n.y + 4, 'text-anchor': 'middle' }, n.id)
        : s('text', { x: n.x + dx, y: n.y + radius(n) + 13, 'text-anchor': 'middle', class: 'long' }, n.id.length > 18 ? `${n.id.slice(0, 17)}…` : n.id),
      s('title', null, `${names.get(n.id) ?? n.id}: ${n.weight} event(s) — click for its events`));
    svg.append(a);
  }
  return svg;
}

export async function networkView(root: HTMLElement, route: Route): Promise<void> {
  const filters = filtersFrom(route);
  const panel = h('div', { class: 'panel' });
  mount(root, h('div', { class: 'toolbar' }, filterBar('network', filters, ['type', 'factuality', 'country', 'from', 'to', 'text'])), panel);
  const agg = await api.aggregates(filters);
  if (!agg.dyads.length) { mount(panel, emptyState('No actor → recipient pairs yet', 'The network links the actor side of each event to its recipient side.')); return; }
  const names = new Map(Object.entries(agg.names ?? {}));
  mount(panel,
    h('h2', null, 'Who acts on whom ', h('small', null, `${agg.dyads.length} pair(s)${agg.dyads.length > MAX_EDGES ? `, the ${MAX_EDGES} heaviest drawn` : ''}`)),
    h('p', { class: 'muted small' }, 'Arrows run from actor to recipient; width is the number of events, colour the most frequent type.'),
    networkChart(agg.dyads, names), typeLegend(agg.dyads.slice(0, MAX_EDGES).map((d) => dominantType(d.types))));
}
