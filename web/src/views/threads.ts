import { api, type Thread } from '../api.js';
import { h, mount, emptyState } from '../dom.js';
import { link, type Route } from '../router.js';

const KIND_ORDER = ['meeting', 'aid', 'ceasefire', 'sanctions', 'prisoner-exchange', 'other'];

/** Thread steps name events as `articleId:eventId` (store keys) or bare ids; pick the one in this article. */
function eventIn(events: string[], articleId: string): Record<string, string> {
  const key = events.find((e) => e.startsWith(`${articleId}:`));
  if (key) return { event: key.slice(articleId.length + 1) };
  const bare = events.find((e) => !e.includes(':'));
  return bare ? { event: bare } : {};
}

function threadCard(t: Thread): HTMLElement {
  return h('article', { class: `thread${t.overdue ? ' overdue' : ''}`, 'data-thread': t.id },
    h('header', null, h('h3', null, t.title), h('span', { class: `status status-${t.status}` }, t.status)),
    h('p', { class: 'muted small' }, [t.participants.join(' · '), `${t.articles.length} article(s)`, t.expected ? `next step expected by ${t.expected}` : null, t.overdue ? 'overdue' : null].filter(Boolean).join(' — ')),
    h('ol', { class: 'history' }, ...t.history.map((step) => h('li', null,
      h('span', { class: 'when' }, step.date ?? 'undated'),
      h('span', { class: `status status-${step.status}` }, step.status),
      step.corroboration ? h('small', { class: 'muted' }, ` ${step.corroboration} outlet(s)`) : null,
      h('div', { class: 'refs' }, ...step.articles.map((a) => h('a', { href: link('article', [a], eventIn(step.events, a)) }, a)))))));
}

/** Threads the board shows at most: a large store's whole board would be thousands of cards. */
const BOARD_LIMIT = 300;

/** The thread board: one column per kind of initiative, each card with its status history. */
export async function threadsView(root: HTMLElement, _route: Route): Promise<void> {
  const { items, total } = await api.threads(BOARD_LIMIT);
  if (!items.length) {
    mount(root, emptyState('No threads yet', 'Threads follow an initiative (a requested meeting, an aid package, a ceasefire) across articles as they are ingested.'));
    return;
  }
  const kinds = [...new Set(items.map((t) => t.kind))].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
  const board = h('div', { class: 'board' }, ...kinds.map((k) => {
    const list = items.filter((t) => t.kind === k);
    return h('section', { class: 'column' }, h('h2', null, k, h('small', null, ` ${list.length}`)), ...list.map(threadCard));
  }));
  const more = total > items.length
    ? h('p', { class: 'muted small', 'data-more': String(total - items.length) }, `The ${items.length} most recently updated of ${total} threads.`)
    : null;
  mount(root, more, board);
}
