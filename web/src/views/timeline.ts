import { api, type Aggregates } from '../api.js';
import { h, s, mount, emptyState } from '../dom.js';
import { PLOVER_TYPES, typeColor } from '../colors.js';
import type { Route } from '../router.js';
import { filterBar, filtersFrom } from './filters.js';

const DAY = 86_400_000;
const toTime = (d: string) => Date.parse(`${d}T00:00:00Z`);
const toDay = (t: number) => new Date(t).toISOString().slice(0, 10);

type Bin = 'day' | 'week' | 'month';

/** Long spans are binned by week or month so bars stay readable. */
function binOf(date: string, bin: Bin): string {
  if (bin === 'day') return date;
  if (bin === 'month') return `${date.slice(0, 7)}-01`;
  const t = toTime(date);
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday = 0
  return toDay(t - weekday * DAY);
}

function nextBin(date: string, bin: Bin): string {
  if (bin === 'month') { const d = new Date(toTime(date)); d.setUTCMonth(d.getUTCMonth() + 1); return toDay(d.getTime()); }
  return toDay(toTime(date) + (bin === 'week' ? 7 : 1) * DAY);
}

/** A stacked bar chart of events per day (or week, month) and PLOVER type, drawn as SVG. */
export function timelineChart(days: Aggregates['days']): SVGSVGElement {
  const dates = days.map((d) => d.date).sort();
  const spanDays = (toTime(dates[dates.length - 1]) - toTime(dates[0])) / DAY;
  const bin: Bin = spanDays > 3 * 365 ? 'month' : spanDays > 120 ? 'week' : 'day';
  const bins = new Map<string, Map<string, number>>();
  for (let d = binOf(dates[0], bin); d <= dates[dates.length - 1]; d = nextBin(d, bin)) bins.set(d, new Map());
  for (const d of days) {
    const b = bins.get(binOf(d.date, bin)) as Map<string, number>;
    b.set(d.type, (b.get(d.type) ?? 0) + d.count);
  }
  const entries = [...bins.entries()];
  const max = Math.max(1, ...entries.map(([, m]) => [...m.values()].reduce((a, b) => a + b, 0)));
  const W = 1000, H = 320, left = 44, right = 12, top = 12, bottom = 46;
  const bw = (W - left - right) / entries.length;
  const y = (v: number) => top + (H - top - bottom) * (1 - v / max);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': `Events per ${bin} by type` });
  const ticks = max <= 5 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * max));
  for (const t of new Set(ticks)) {
    svg.append(s('line', { x1: left, x2: W - right, y1: y(t), y2: y(t), class: 'grid' }), s('text', { x: left - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'tick' }, String(t)));
  }
  const labelEvery = Math.ceil(entries.length / 12);
  entries.forEach(([date, types], i) => {
    let acc = 0;
    const x = left + i * bw;
    for (const type of PLOVER_TYPES) {
      const n = types.get(type);
      if (!n) continue;
      svg.append(s('rect', { x: x + Math.min(1, bw * 0.1), width: Math.max(1, bw - Math.min(2, bw * 0.2)), y: y(acc + n), height: y(acc) - y(acc + n), fill: typeColor(type), 'data-type': type },
        s('title', null, `${date}${bin === 'day' ? '' : ` (${bin})`}: ${n} ${type}`)));
      acc += n;
    }
    if (i % labelEvery === 0) svg.append(s('text', { x: x + bw / 2, y: H - bottom + 16, 'text-anchor': 'middle', class: 'tick' }, bin === 'month' ? date.slice(0, 7) : date.slice(5)));
  });
  svg.append(s('text', { x: left, y: H - 8, class: 'axis-label' }, `${dates[0].slice(0, 4)} · events per ${bin}`));
  return svg;
}

export const typeLegend = (types: Iterable<string>) => h('div', { class: 'type-legend' },
  ...[...new Set(types)].sort((a, b) => PLOVER_TYPES.indexOf(a) - PLOVER_TYPES.indexOf(b)).map((t) => h('span', null, h('i', { style: `background:${typeColor(t)}` }), t)));

export async function timelineView(root: HTMLElement, route: Route): Promise<void> {
  const filters = filtersFrom(route);
  const chart = h('div', { class: 'panel' });
  mount(root, h('div', { class: 'toolbar' }, filterBar('timeline', filters, ['type', 'factuality', 'country', 'from', 'to', 'text'])), chart);
  const agg = await api.aggregates(filters);
  if (!agg.days.length) { mount(chart, emptyState('No dated events', 'Events get a day from their time expression or the article\'s publication date.')); return; }
  mount(chart,
    h('h2', null, 'Events over time ', h('small', null, `${agg.events} event(s)${agg.truncated ? ' (newest 20,000 drawn)' : ''}`)),
    timelineChart(agg.days), typeLegend(agg.days.map((d) => d.type)));
}
