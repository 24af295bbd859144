import { browser } from 'wxt/browser';

/** A message from public/_locales; the key itself when missing, so a gap shows instead of a blank. */
export function t(key: string, ...substitutions: (string | number)[]): string {
  // WXT types getMessage with the keys it found at prepare time; ours are checked by a unit test instead.
  const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string[]) => string;
  return getMessage(key, substitutions.map(String)) || key;
}
