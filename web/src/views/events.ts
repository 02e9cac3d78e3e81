import { api, type StoredEvent } from '../api.js';
import { h, mount, emptyState } from '../dom.js';
import { link, type Route } from '../router.js';
import { factualityTag, typeBadge } from './document.js';
import { filterBar, filtersFrom } from './filters.js';

const PAGE = 50;

const parties = (list: StoredEvent['actor']) => list.map((p) => `${p.name}${p.country ? ` (${p.country}${p.countryFrom === 'sentence' ? ', from the sentence' : ''})` : ''}`).join(', ') || '—';

/** The events table: filters, paging, and downloads of exactly what is filtered. */
export async function eventsView(root: HTMLElement, route: Route): Promise<void> {
  const filters = filtersFrom(route);
  const offset = Math.max(0, Number(route.params.get('offset') ?? 0) || 0);
  const body = h('div', { class: 'table-wrap' });
  const downloads = h('div', { class: 'downloads' },
    h('a', { class: 'button', href: api.exportUrl('csv', filters), download: 'parley-events.csv', 'data-testid': 'csv' }, 'Download CSV'),
    ...['jsonl', 'plover', 'gdelt'].map((f) => h('a', { href: api.exportUrl(f, filters), download: '' }, f.toUpperCase())));
  const summary = h('p', { class: 'summary', 'aria-live': 'polite' });
  mount(root, h('div', { class: 'toolbar' }, filterBar('events', filters), downloads), summary, body);

  const page = await api.events({ ...filters, limit: String(PAGE), offset: String(offset) });
  mount(summary, page.total ? `${page.total} event(s) · showing ${offset + 1}–${offset + page.items.length}` : '');
  if (!page.items.length) {
    mount(body, emptyState(Object.keys(filters).length ? 'No event matches these filters' : 'No events stored yet', 'Events appear once articles are ingested.'));
    return;
  }
  const rows = page.items.map((e) => h('tr', { 'data-key': e.key },
    h('td', { class: 'nowrap' }, e.date ?? '—'),
    h('td', null, typeBadge(e.type, e.mode)),
    h('td', null, parties(e.actor)),
    h('td', null, parties(e.recipient)),
    h('td', null, factualityTag(e.factuality)),
    h('td', { class: 'evidence-cell' }, h('mark', { class: 'm-trigger' }, e.evidence.trigger.text), ' ', h('span', { class: 'sentence' }, e.sentenceText)),
    h('td', null, h('a', { href: link('article', [e.articleId], { event: e.id }) }, 'open'))));
  const pager = h('div', { class: 'pager' },
    offset > 0 ? h('a', { href: link('events', [], { ...filters, offset: String(Math.max(0, offset - PAGE)) }) }, '← Newer') : h('span'),
    offset + PAGE < page.total ? h('a', { href: link('events', [], { ...filters, offset: String(offset + PAGE) }) }, 'Older →') : h('span'));
  mount(body, h('table', { class: 'events', 'data-testid': 'events-table' },
    h('thead', null, h('tr', null, ...['Date', 'Type', 'Actor', 'Recipient', 'Factuality', 'Evidence', ''].map((c) => h('th', null, c)))),
    h('tbody', null, ...rows)), pager);
}
