import { browser } from 'wxt/browser';

/** A message from public/_locales; the key itself when missing, so a gap shows instead of a blank. */
export function t(key: string, ...substitutions: (string | number)[]): string {
  // WXT types getMessage with the keys it found at prepare time; ours are checked by a unit test instead.
  const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string[]) => string;
  return getMessage(key, substitutions.map(String)) || key;
}

/**
 * A counted message: `<base>_<category>` for the count's plural category in the UI language
 * (Polish has one, few and many), `<base>_other` when the locale has no form of its own for it.
 */
export function tn(base: string, count: number, ...substitutions: (string | number)[]): string {
  const key = `${base}_${pluralCategory(uiLocale(), count)}`;
  const form = t(key, ...substitutions);
  return form === key ? t(`${base}_other`, ...substitutions) : form;
}

export const pluralCategory = (locale: string, count: number): Intl.LDMLPluralRule =>
  new Intl.PluralRules(locale.replace('_', '-')).select(count);

export function uiLocale(): string {
  return browser.i18n.getUILanguage() || 'en';
}
