import './style.css';
import { h, mount, emptyState } from './dom.js';
import { articlesView } from './views/articles.js';
import { eventsView } from './views/events.js';
import { timelineView } from './views/timeline.js';
import { networkView } from './views/network.js';
import { mapView } from './views/map.js';
import { threadsView } from './views/threads.js';
import { readView } from './views/read.js';
import { link, parseRoute, refreshStats, type Route } from './router.js';

type View = (root: HTMLElement, route: Route) => Promise<void> | void;

const VIEWS: Record<string, { title: string; render: View; nav?: boolean }> = {
  articles: { title: 'Articles', render: articlesView, nav: true },
  article: { title: 'Article', render: articlesView },
  events: { title: 'Events', render: eventsView, nav: true },
  timeline: { title: 'Timeline', render: timelineView, nav: true },
  network: { title: 'Network', render: networkView, nav: true },
  map: { title: 'Map', render: mapView, nav: true },
  threads: { title: 'Threads', render: threadsView, nav: true },
  read: { title: 'Read', render: readView, nav: true },
};

const viewRoot = document.getElementById('view') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;

let renderSeq = 0;
async function render(): Promise<void> {
  const route = parseRoute(location.hash);
  const view = VIEWS[route.name] ?? VIEWS.articles;
  const active = route.name === 'article' ? 'articles' : route.name;
  mount(nav, ...Object.entries(VIEWS).filter(([, v]) => v.nav).map(([name, v]) =>
    h('a', { href: link(name), class: name === active ? 'active' : null, 'aria-current': name === active ? 'page' : null }, v.title)));
  document.title = `${view.title} · Parley`;
  const seq = ++renderSeq;
  const root = h('div', { class: `view view-${route.name}`, 'data-view': route.name });
  mount(viewRoot, root);
  try {
    await view.render(root, route);
  } catch (err) {
    if (seq === renderSeq) mount(root, emptyState('Something went wrong', String((err as Error).message)));
  }
  if (seq === renderSeq) root.setAttribute('data-ready', 'true');
}

window.addEventListener('hashchange', () => { void render(); });
void refreshStats();
void render();
