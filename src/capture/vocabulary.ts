import { PAGE_SETTINGS, PAGE_TEXTS } from 'virtual:untrain/page-catalogue';
import type { PageSetting } from '../linkedin/match';
import { normalise } from '../linkedin/normalise';

// LinkedIn's own words, as the catalogue knows them in every language: the only text a capture keeps.
// Anything else on the page may be the member's, so it is replaced by its shape (see `shape`).

/** Catalogued headings and switch texts, normalised as the engine compares them. */
const KNOWN = new Set<string>(PAGE_SETTINGS.flatMap((s: PageSetting) => [...s.headings, ...s.switchTexts]));
/** LinkedIn's page-level notices (not available, error, not found): the engine looks for them inside longer text. */
const PHRASES: string[] = [...PAGE_TEXTS.notAvailable, ...PAGE_TEXTS.errorPage, ...PAGE_TEXTS.notFound];

/** Whether a text is, as a whole, a catalogued heading or switch text. */
export const isKnown = (text: string | null | undefined) => KNOWN.has(normalise(text));

/** A phrase as a pattern over the page's own spelling: any case, any run of spaces, any apostrophe. */
const phrasePattern = (phrase: string) =>
  phrase
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['\u2018\u2019\u02bc]"))
    .join('\\s+');
// Longest first, so where two phrases start at the same word the whole notice is kept.
const PHRASE = PHRASES.length
  ? new RegExp(
      `(${[...PHRASES]
        .sort((a, b) => b.length - a.length)
        .map(phrasePattern)
        .join('|')})`,
      'iu',
    )
  : undefined;

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

/** What a text left out looks like: its length in words, never its words. */
export const shape = (text: string, label?: number) => {
  const n = words(text);
  return `[${label === undefined ? 'text' : `label ${label}`}: ${n} ${n === 1 ? 'word' : 'words'}]`;
};

/**
 * A text with LinkedIn's notices kept and every other run of words replaced by its shape; text
 * without a letter or a digit (punctuation, spaces) is kept as it is.
 */
export function keepNotices(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ');
  if (!/[\p{L}\p{N}]/u.test(collapsed)) return collapsed;
  const match = PHRASE?.exec(collapsed);
  if (!match) return `${/^\s/.test(collapsed) ? ' ' : ''}${shape(collapsed)}${/\s$/.test(collapsed) ? ' ' : ''}`;
  const before = collapsed.slice(0, match.index);
  const after = collapsed.slice(match.index + match[0].length);
  return `${before && keepNotices(before)}${match[0]}${after && keepNotices(after)}`;
}

/** Lower-case words an id or a class of LinkedIn's own is made of: the catalogue's hooks and wording. */
const ID_WORDS = new Set([
  ...PAGE_SETTINGS.flatMap((s: PageSetting) => s.hooks.flatMap((hook) => splitName(hook.value))),
  ...[...KNOWN].flatMap((text) => text.split(/[^a-z]+/).filter((word) => word.length >= 2)),
  // The words LinkedIn's toggles and loaders are drawn with (linkedin-facts: artdeco toggles, adToggle_ember260).
  ...['artdeco', 'toggle', 'switch', 'label', 'text', 'title', 'description', 'heading', 'header', 'button'],
  ...['card', 'section', 'settings', 'setting', 'ad', 'loader', 'skeleton', 'spinner', 'loading', 'small'],
]);

function splitName(name: string): string[] {
  return name
    .split(/[-_]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)
    .filter(Boolean)
    .map((part) => part.toLowerCase());
}

/**
 * An id, `for` or class LinkedIn's own code makes: a generated `ember123`, a catalogued hook, or a
 * name made only of the catalogue's words (a settings key such as `allowAdsByAgeV2`, `adToggle_ember260`),
 * each word followed by at most three digits. A member's name, number or handle is none of these.
 */
export function isLinkedInName(name: string): boolean {
  if (!/^[A-Za-z][\w-]{0,79}$/.test(name)) return false;
  if (PAGE_SETTINGS.some((s: PageSetting) => s.hooks.some((hook) => hook.value === name))) return true;
  return splitName(name).every((part, i, parts) => {
    if (/^ember\d+$/.test(part)) return i === parts.length - 1;
    const word = /^([a-z]+)\d{0,3}$/.exec(part)?.[1];
    return !!word && (ID_WORDS.has(word) || /^v$/.test(word));
  });
}
