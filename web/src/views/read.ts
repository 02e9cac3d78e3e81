import { api, apiKey, ApiError, type ReadInput } from '../api.js';
import { h, mount } from '../dom.js';
import { link, refreshStats, type Route } from '../router.js';
import { documentView } from './document.js';

/** Paste an article (or give a URL), read it, look at the result, optionally store it. */
export function readView(root: HTMLElement, _route: Route): void {
  const text = h('textarea', { name: 'text', rows: 10, placeholder: 'Paste the text of a news article here…', 'aria-label': 'Article text' });
  const published = h('input', { type: 'date', name: 'published', 'aria-label': 'Publication date' });
  const url = h('input', { type: 'url', name: 'url', placeholder: 'https://… (instead of text)', 'aria-label': 'Article URL' });
  const key = h('input', { type: 'password', name: 'key', placeholder: 'API key', autocomplete: 'off', 'aria-label': 'API key' });
  const keyRow = h('label', { class: 'key-row', hidden: true }, 'This server needs an API key for reading: ', key);
  const status = h('p', { class: 'status-line', role: 'status' });
  const result = h('div', { class: 'read-result' });
  const input = (): ReadInput | null => {
    const t = text.value.trim();
    const u = url.value.trim();
    if (!t && !u) { mount(status, 'Paste some text or give a URL first.'); return null; }
    return { ...(t ? { text: text.value } : { url: u }), ...(published.value ? { published: published.value } : {}) };
  };
  const run = async (store: boolean) => {
    const body = input();
    if (!body) return;
    if (key.value) apiKey.set(key.value);
    mount(status, store ? 'Reading and storing…' : 'Reading…');
    try {
      const doc = await api.read(body);
      mount(result, documentView(doc));
      let note = `Read ${doc.article.text.length.toLocaleString()} characters: ${doc.events.length} event(s).`;
      if (store) {
        const r = await api.ingest({ ...body, ...(body.text ? { text: body.text } : {}) });
        note += r.stored.length ? ' Stored as ' : r.duplicates.length ? ' Already stored as ' : ' Not stored.';
        const id = r.stored[0] ?? r.duplicates[0];
        mount(status, note, id ? h('a', { href: link('article', [id]) }, id) : null);
        void refreshStats();
        return;
      }
      mount(status, note);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) keyRow.hidden = false;
      mount(status, h('span', { class: 'error' }, err instanceof ApiError ? `${err.code}: ${err.message}` : String(err)));
    }
  };
  const form = h('form', { class: 'read-form', 'on:submit': (e: Event) => { e.preventDefault(); void run(false); } },
    text,
    h('div', { class: 'row' },
      h('label', null, 'Published ', published), url,
      h('button', { type: 'submit' }, 'Read'),
      h('button', { type: 'button', class: 'secondary', 'on:click': () => { void run(true); } }, 'Read and store')),
    keyRow);
  mount(root, h('div', { class: 'panel' }, h('h2', null, 'Read an article'),
    h('p', { class: 'muted small' }, 'Nothing is stored unless you choose "Read and store". Relative times ("this week") are resolved against the publication date.'),
    form, status), result);
}
