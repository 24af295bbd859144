export const ME_MENU = '#meMenuV2WideComponentRef, img[class*="global-nav__me"], .global-nav__me';

/**
 * Signed-in signals drift (LinkedIn changes them), so any one of them counts and none is required
 * alone. What the session leaves (the `liap` cookie, the app's `voyager` storage) comes first; the
 * "Me" menu, found by id and class names that LinkedIn renames, is the last hint.
 */
export function signedIn(doc: Document): boolean {
  if (/(^|;\s*)liap=true(;|$)/.test(doc.cookie)) return true;
  try {
    const storage = doc.defaultView?.localStorage;
    for (let i = 0; storage && i < storage.length; i++) if (storage.key(i)?.startsWith('voyager')) return true;
  } catch {
    // Storage can be blocked by the browser's privacy settings.
  }
  return doc.querySelector(ME_MENU) !== null;
}
