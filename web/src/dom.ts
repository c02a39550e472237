/**
 * A tiny DOM builder. Text always goes in as text nodes (never innerHTML), so article text and
 * API strings cannot inject markup.
 */
export type Child = Node | string | number | null | undefined | false | Child[];
type Listener = (e: Event) => void;
/** Attributes; `on: { click: fn }` adds event listeners. */
export type Attrs = { [name: string]: string | number | boolean | null | undefined | Record<string, Listener> };

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child) append(parent, c);
  } else if (child instanceof Node) {
    parent.appendChild(child);
  } else {
    parent.appendChild(document.createTextNode(String(child)));
  }
}

function applyAttrs(el: Element, attrs: Attrs | null | undefined): void {
  if (!attrs) return;
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'on' && value && typeof value === 'object') {
      for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    } else if (typeof value === 'object') {
      continue;
    } else if (key === 'style' && typeof value === 'string') {
      // Through the CSSOM, which a Content-Security-Policy without 'unsafe-inline' still allows.
      (el as HTMLElement | SVGElement).style.cssText = value;
    } else if (value === true) {
      el.setAttribute(key, '');
    } else if (value !== false && value !== null && value !== undefined) {
      el.setAttribute(key, String(value));
    }
  }
}

/** Creates an HTML element: `h('a', { href: '#/x', class: 'btn' }, 'text', child)`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Creates an SVG element. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Replaces the children of `el`. */
export function mount(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** Calls `fn` once `ms` milliseconds passed without another call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
