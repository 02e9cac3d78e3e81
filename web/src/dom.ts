/**
 * The only way the UI builds DOM: elements and text nodes. Strings always become text nodes
 * (never markup), so nothing an article says can turn into HTML or script.
 */

export type Child = Node | string | number | null | undefined | false | Child[];
type AttrValue = string | number | boolean | null | undefined | ((ev: any) => void);
export type Attrs = Record<string, AttrValue>;

function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else parent.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

function setAttrs(el: Element, attrs: Attrs | undefined): void {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k.startsWith('on:')) { el.addEventListener(k.slice(3), v as EventListener); continue; }
    // Inline handlers are markup by another name; refuse them outright.
    if (/^on/i.test(k)) throw new Error(`h(): use "on:${k.slice(2)}" for event handlers`);
    el.setAttribute(k, v === true ? '' : String(v));
  }
}

/** An HTML element with attributes (`on:click` for listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs ?? undefined);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element, same rules as `h`. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs ?? undefined);
  append(el, children);
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Replaces an element's children. */
export function mount(el: Element, ...children: Child[]): void {
  clear(el);
  append(el, children);
}

export const emptyState = (title: string, hint?: Child) => h('div', { class: 'empty' }, h('strong', null, title), hint ? h('p', null, hint) : null);
