import type { ParleyDocument } from '../api.js';
import { h, mount, type Child } from '../dom.js';
import { marksOf, segmentText, type Mark } from '../highlight.js';
import { typeColor } from '../colors.js';

type DocEvent = ParleyDocument['events'][number];

export const typeBadge = (type: string, mode?: string | null) =>
  h('span', { class: 'badge', style: `background:${typeColor(type)}` }, type, mode ? h('small', null, ` /${mode}`) : null);

export const factualityTag = (f: string) => h('span', { class: `fact fact-${f}` }, f);

/** A country the text does not give the party but its sentence's one state: shown as such. */
const FROM_SENTENCE = 'not said of this party: the one state its sentence names';
const sides = (list: DocEvent['actor']) => list.length
  ? list.map((p) => h('span', { class: 'party' }, p.name, p.country
    ? h('small', p.countryFrom === 'sentence' ? { class: 'inferred', title: FROM_SENTENCE } : null, ` ${[p.country, p.sector].filter(Boolean).join('/')}${p.countryFrom === 'sentence' ? ' (from the sentence)' : ''}`)
    : null))
  : [h('span', { class: 'muted' }, '—')];

/** The side-panel card of one event: what, who, how sure, on what evidence, by which rule. */
export function eventCard(ev: DocEvent, doc: ParleyDocument, selected: boolean, onSelect: (id: string) => void): HTMLElement {
  const text = doc.article.text;
  const time = ev.time ? doc.times.find((t) => t.id === ev.time) : undefined;
  const place = ev.place ? doc.places.find((p) => p.id === ev.place) : undefined;
  const quote = ev.attribution ? doc.quotes.find((q) => q.id === ev.attribution) : undefined;
  const sentence = text.slice(ev.evidence.start, ev.evidence.end);
  const row = (k: string, ...v: Child[]) => h('div', { class: 'kv' }, h('dt', null, k), h('dd', null, ...v));
  return h('article', { class: `event-card${selected ? ' selected' : ''}`, 'data-event': ev.id, tabindex: 0, 'on:click': () => onSelect(ev.id), 'on:keydown': (e: KeyboardEvent) => { if (e.key === 'Enter') onSelect(ev.id); } },
    h('header', null, typeBadge(ev.type, ev.mode), ' ', factualityTag(ev.factuality), h('span', { class: 'cameo', title: 'CAMEO code · QuadClass' }, `CAMEO ${ev.cameo} · Q${ev.quad}`)),
    h('div', { class: 'dyad' }, ...sides(ev.actor), h('span', { class: 'arrow' }, ' → '), ...sides(ev.recipient)),
    h('dl', null,
      row('trigger', h('mark', { class: 'm-trigger' }, ev.evidence.trigger.text)),
      time ? row('time', `${time.text} `, h('small', null, `${time.value ?? ''}${time.range ? ` (${time.range[0]} … ${time.range[1]})` : ''}`)) : null,
      place ? row('place', `${place.name}${place.country ? `, ${place.country}` : ''}`) : null,
      quote ? row('source', `${quote.speaker?.name ?? quote.speaker?.text ?? 'unnamed'}${quote.speaker?.anonymous ? ' (anonymous)' : ''}`) : null,
      row('evidence', h('q', null, sentence)),
      row('rule', h('code', null, ev.rule)),
    ));
}

const KIND_CLASS: Record<Mark['kind'], string> = {
  actor: 'm-actor', entity: 'm-entity', time: 'm-time', place: 'm-place', quote: 'm-quote', cue: 'm-cue', trigger: 'm-trigger',
};

/**
 * The article text with its annotations. Each run is a <span> whose content is a text node, so
 * markup in an article is shown as the characters it is made of.
 */
export function articleText(doc: ParleyDocument, selected: string | null, onSelect: (id: string) => void): HTMLElement {
  const text = doc.article.text;
  const marks = marksOf(doc);
  const ev = selected ? doc.events.find((e) => e.id === selected) : undefined;
  const container = h('div', { class: 'article-text', 'data-testid': 'article-text' });
  for (const seg of segmentText(text.length, marks)) {
    const piece = text.slice(seg.start, seg.end);
    const inEvidence = ev && seg.start >= ev.evidence.start && seg.end <= ev.evidence.end;
    if (!seg.marks.length && !inEvidence) { container.appendChild(document.createTextNode(piece)); continue; }
    const classes = new Set(seg.marks.map((m) => KIND_CLASS[m.kind]));
    if (inEvidence) classes.add('evidence');
    const trigger = seg.marks.find((m) => m.kind === 'trigger');
    if (trigger && trigger.ref === selected) classes.add('active');
    const span = h('span', { class: [...classes].join(' '), title: seg.marks.map((m) => m.label).join('\n') || null, 'data-event': trigger?.ref ?? null }, piece);
    if (trigger) span.addEventListener('click', () => onSelect(trigger.ref));
    container.appendChild(span);
  }
  return container;
}

export const legend = () => h('div', { class: 'legend', 'aria-label': 'Highlight legend' },
  h('span', { class: 'm-actor' }, 'actor'), h('span', { class: 'm-time' }, 'time'), h('span', { class: 'm-place' }, 'place'),
  h('span', { class: 'm-quote' }, 'quote'), h('span', { class: 'm-trigger' }, 'event trigger'));

/** An article with its highlights and the event side panel; clicking either side selects an event. */
export function documentView(doc: ParleyDocument, options: { initialEvent?: string | null; header?: Child } = {}): HTMLElement {
  let selected = options.initialEvent ?? null;
  const textBox = h('div', { class: 'text-box' });
  const panel = h('aside', { class: 'event-panel', 'aria-label': 'Events' });
  const counts = `${doc.events.length} event(s) · ${doc.actors.length} actor(s) · ${doc.times.length} time(s) · ${doc.places.length} place(s) · ${doc.quotes.length} quote(s)`;
  const render = () => {
    mount(textBox, articleText(doc, selected, select));
    mount(panel,
      doc.threads.length ? h('h3', null, 'Threads ', h('small', null, String(doc.threads.length))) : null,
      ...doc.threads.map((t) => h('div', { class: 'mini-thread', 'data-thread': t.id },
        h('div', null, h('strong', null, t.title), ' ', h('span', { class: `status status-${t.status}` }, t.status)),
        h('small', { class: 'muted' }, t.history.map((step) => step.status).join(' → ')))),
      h('h3', null, 'Events ', h('small', null, String(doc.events.length))),
      doc.events.length ? null : h('p', { class: 'muted' }, 'No events were found in this article.'),
      ...doc.events.map((ev) => eventCard(ev, doc, ev.id === selected, select)),
      doc.diagnostics.length ? h('details', { class: 'diagnostics' }, h('summary', null, `${doc.diagnostics.length} diagnostic(s)`),
        h('ul', null, ...doc.diagnostics.map((d) => h('li', null, h('code', null, d.code), ' ', d.message)))) : null,
    );
    const card = selected ? panel.querySelector(`[data-event="${CSS.escape(selected)}"]`) : null;
    card?.scrollIntoView({ block: 'nearest' });
  };
  function select(id: string) { selected = selected === id ? null : id; render(); }
  render();
  const a = doc.article;
  return h('div', { class: 'document' },
    h('section', { class: 'reader' },
      options.header ?? null,
      h('h2', { class: 'article-title' }, a.title ?? 'Untitled article'),
      h('p', { class: 'meta' }, [a.published ? `Published ${a.published}` : 'No publication date', a.source, a.url, `id ${a.id}`].filter(Boolean).join(' · ')),
      h('p', { class: 'meta muted' }, counts),
      legend(),
      textBox),
    panel);
}
