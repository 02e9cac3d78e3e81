import { api } from './api.js';
import { mount } from './dom.js';

export interface Route {
  /** The view name: the first part of the hash (#/events). */
  name: string;
  /** Further path parts (#/article/ID → ['ID']). */
  parts: string[];
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path, q = ''] = hash.replace(/^#\/?/, '').split('?');
  const [name = 'articles', ...parts] = path.split('/').map(decodeURIComponent);
  return { name: name || 'articles', parts, params: new URLSearchParams(q) };
}

/** Builds a hash link; parameters with empty values are dropped. */
export function link(name: string, parts: string[] = [], params: Record<string, string> = {}): string {
  const p = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v != null));
  const qs = p.toString();
  return `#/${[name, ...parts].map(encodeURIComponent).join('/')}${qs ? `?${qs}` : ''}`;
}


/** Updates the counts in the header. */
export async function refreshStats(): Promise<void> {
  try {
    const s = await api.stats();
    mount(document.getElementById('stats') as HTMLElement, `${s.articles} articles · ${s.events} events · ${s.threads} threads`);
  } catch {
    mount(document.getElementById('stats') as HTMLElement, 'API unreachable');
  }
}

