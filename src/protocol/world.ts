import type { browser as Api } from 'wxt/browser';

/**
 * The isolated world this extension's scripts share in a tab (the content script and the scripts the
 * background injects) is hidden from the page's scripts, but not from its markup: in Chrome an element's
 * `id` (or an image's or form's `name`) answers as a global of that name wherever the world's global has
 * no own property of it. `<img name="untrainFlips">` would stand in for our map, `<form id="browser">
 * <input name="runtime">` for the extension API. So every global of ours is read as an own property,
 * which no element can provide.
 */
export const ownGlobal = (name: string, global: object = globalThis): unknown =>
  // An own property comes before the prototype chain, where the page's named elements live. (Not the
  // descriptor's value: Firefox defines `browser` and `chrome` with a getter.)
  Object.hasOwn(global, name) ? (global as Record<string, unknown>)[name] : undefined;

export function setOwnGlobal(name: string, value: unknown): void {
  Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
}

/** Read and remove: a value left for one script, which no later one may reuse. */
export function takeOwnGlobal(name: string): unknown {
  const value = ownGlobal(name);
  delete (globalThis as Record<string, unknown>)[name];
  return value;
}

/**
 * The extension API in a content or injected script, or undefined when the page hides it. Firefox
 * defines `browser` and `chrome` on the script's own global; so does Chrome when it makes the world
 * before the page has drawn an element of either name, which the manifest's document_start script
 * ensures (wxt.config.ts). WXT's `browser` reads `globalThis.browser?.runtime?.id`, which an element
 * can answer.
 */
export function extensionApi(global: object = globalThis): typeof Api | undefined {
  for (const name of ['browser', 'chrome']) {
    const api = ownGlobal(name, global) as typeof Api | undefined;
    if (typeof api?.runtime?.sendMessage === 'function') return api;
  }
  return undefined;
}
