import type { Filters } from '../api.js';
import { h } from '../dom.js';
import { FACTUALITIES, PLOVER_TYPES } from '../colors.js';
import { link, type Route } from '../router.js';

export const FILTER_KEYS = ['type', 'factuality', 'actor', 'recipient', 'country', 'from', 'to', 'text'] as const;

export function filtersFrom(route: Route): Filters {
  const f: Filters = {};
  for (const k of FILTER_KEYS) { const v = route.params.get(k); if (v) f[k] = v; }
  return f;
}

/** The filter bar shared by the events table, the timeline, the network and the map. */
export function filterBar(view: string, current: Filters, keys: readonly string[] = FILTER_KEYS): HTMLFormElement {
  const select = (name: string, label: string, options: string[]) => h('label', null, label,
    h('select', { name }, h('option', { value: '' }, 'any'), ...options.map((o) => h('option', { value: o, selected: current[name] === o }, o))));
  const input = (name: string, label: string, attrs: Record<string, string> = {}) => h('label', null, label,
    h('input', { name, value: current[name] ?? '', ...attrs }));
  const fields: Record<string, HTMLElement> = {
    type: select('type', 'Type', PLOVER_TYPES),
    factuality: select('factuality', 'Factuality', FACTUALITIES),
    actor: input('actor', 'Actor', { placeholder: 'UKR', maxlength: '3', size: '4', pattern: '[A-Za-z]{3}', title: 'ISO-3 country or IGO/NGO/IMG' }),
    recipient: input('recipient', 'Recipient', { placeholder: 'USA', maxlength: '3', size: '4', pattern: '[A-Za-z]{3}' }),
    country: input('country', 'Either side', { placeholder: 'RUS', maxlength: '3', size: '4', pattern: '[A-Za-z]{3}' }),
    from: input('from', 'From', { type: 'date' }),
    to: input('to', 'To', { type: 'date' }),
    text: input('text', 'Text', { type: 'search', placeholder: 'words in the article' }),
  };
  const form = h('form', { class: 'filters', 'aria-label': 'Filters' },
    ...keys.map((k) => fields[k]),
    h('button', { type: 'submit' }, 'Apply'),
    h('a', { class: 'reset', href: link(view) }, 'Reset'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const params: Record<string, string> = {};
    for (const k of keys) {
      const v = String(data.get(k) ?? '').trim();
      if (v) params[k] = ['actor', 'recipient', 'country'].includes(k) ? v.toUpperCase() : v;
    }
    location.hash = link(view, [], params);
  });
  return form;
}
