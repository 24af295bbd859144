type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | boolean | undefined | ((event: Event) => void)>;

/**
 * Build an element: `h('button', { type: 'button', onclick: go }, 'Go')`. `on*` functions become
 * listeners, `true` a bare attribute, `false`/`undefined` nothing; strings are text, never HTML.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

/** A link that opens in a new tab without giving the page a handle on ours. */
export function externalLink(href: string, text: string, attrs: Attrs = {}): HTMLAnchorElement {
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer', ...attrs }, text);
}

const FOCUSABLE = 'a[href], button, input, select, textarea, summary';

/**
 * Replace a container's content as storage changes, without losing the member's place: keyboard
 * focus goes back to the control with the same `data-focus` key (or, lacking one, the same
 * position), and expanded <details> stay expanded.
 */
export function replaceContent(container: Element, ...children: Child[]): void {
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && container.contains(active);
  const focusKey = inside ? active.closest('[data-focus]')?.getAttribute('data-focus') : undefined;
  const focusIndex = inside ? [...container.querySelectorAll(FOCUSABLE)].indexOf(active) : -1;
  // Expanded <details> are found again by their data-key where they have one (the structure
  // around them may change), else by position.
  const open = [...container.querySelectorAll('details')].flatMap((d, i) => (d.open ? [d.dataset.key ?? i] : []));

  container.replaceChildren(...children.filter((c): c is Node | string => Boolean(c)));

  const details = [...container.querySelectorAll('details')];
  for (const key of open)
    (typeof key === 'number' ? details[key] : details.find((d) => d.dataset.key === key))?.setAttribute('open', '');
  const target = focusKey
    ? container.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`)
    : focusIndex >= 0
      ? container.querySelectorAll<HTMLElement>(FOCUSABLE)[focusIndex]
      : null;
  // A control the member is using stays in view even if its part of the page now folds away.
  // (A focused <summary> belongs to its own <details>, which stays as the member left it.)
  const from = target?.localName === 'summary' ? target.parentElement?.parentElement : target?.parentElement;
  for (let fold = from?.closest('details'); fold; fold = fold.parentElement?.closest('details')) fold.open = true;
  target?.focus();
}

/** Offer text as a file download; an <a download> needs no downloads permission. */
export function downloadFile(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A page's two parts: a polite live region that outlives re-renders (so only real changes are
 * announced) and the content that is re-rendered. Created on first use.
 */
export function shell(root: HTMLElement): { live: HTMLElement; content: HTMLElement } {
  let live = root.querySelector<HTMLElement>(':scope > [data-live]');
  let content = root.querySelector<HTMLElement>(':scope > [data-content]');
  if (!live || !content) {
    live = h('div', { 'data-live': true, role: 'status', 'aria-live': 'polite', class: 'visually-hidden' });
    content = h('div', { 'data-content': true, class: 'page' });
    root.replaceChildren(content, live);
  }
  return { live, content };
}

export function announce(live: HTMLElement, text: string): void {
  if (live.textContent !== text) live.textContent = text;
}
