// What a capture keeps of the page's address and language: only what names a LinkedIn page.

/** A path segment LinkedIn names pages with (`mypreferences`, `data-for-ai-improvement`), not a token or a handle. */
const PAGE_SEGMENT = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;

/**
 * The path without its query string, fragment and any segment that looks like a token (the
 * checkpoint's challenge, a member id: capitals, a run of four digits, or very long).
 */
export function cleanPath(pathname: string): string {
  const segments = pathname
    .split('/')
    .filter((segment) => segment && segment.length <= 48 && PAGE_SEGMENT.test(segment) && !/\d{4}/.test(segment));
  return `/${segments.join('/')}${segments.length && pathname.endsWith('/') ? '/' : ''}`;
}

/** A language tag (`en`, `pt-BR`), or '' when the page's `lang` is anything else. */
export const cleanLang = (lang: string) => (/^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{1,8}){0,3}$/.test(lang) ? lang : '');
