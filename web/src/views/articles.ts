import { api } from '../api.js';
import { h, mount, emptyState } from '../dom.js';
import { link, type Route } from '../router.js';
import { documentView } from './document.js';

/** Article list (searchable) on the left, the chosen article with its highlights and events on the right. */
export async function articlesView(root: HTMLElement, route: Route): Promise<void> {
  const text = route.params.get('text') ?? '';
  const chosen = route.name === 'article' ? route.parts[0] ?? null : null;
  const offset = Number(route.params.get('offset') ?? 0) || 0;
  const search = h('input', { type: 'search', name: 'text', placeholder: 'Search article text…', value: text, 'aria-label': 'Search articles' });
  const form = h('form', { class: 'search', 'on:submit': (e: Event) => { e.preventDefault(); location.hash = link('articles', [], { text: search.value.trim() }); } }, search);
  const list = h('nav', { class: 'article-list', 'aria-label': 'Articles' });
  const main = h('div', { class: 'article-main' });
  mount(root, h('div', { class: 'split' }, h('div', { class: 'sidebar' }, form, list), main));

  const page = await api.articles({ text, limit: '100', offset: String(offset) });
  if (!page.items.length) {
    mount(list, emptyState(text ? 'No article matches' : 'No articles yet', text ? 'Try other words.' : 'Ingest some with `parley ingest FILES`, or paste one in Read.'));
  } else {
    mount(list,
      h('p', { class: 'muted small' }, `${page.total} article(s)`),
      ...page.items.map((a) => h('a', { class: `article-item${a.id === chosen ? ' active' : ''}`, href: link('article', [a.id]), 'data-article': a.id },
        h('strong', null, a.title ?? a.id),
        h('small', null, [a.published ?? 'undated', a.source, `${a.eventCount} event(s)`].filter(Boolean).join(' · ')))),
      page.total > offset + page.items.length ? h('a', { class: 'more', href: link('articles', [], { text, offset: String(offset + page.items.length) }) }, 'More…') : null);
  }
  const id = chosen ?? page.items[0]?.id;
  if (!id) { mount(main, emptyState('Nothing to show', 'Articles you store appear here with their events highlighted.')); return; }
  try {
    const article = await api.article(id);
    mount(main, documentView(article.document, { initialEvent: route.params.get('event') }));
  } catch (err) {
    mount(main, emptyState(`Article "${id}" could not be opened`, String((err as Error).message)));
  }
}
