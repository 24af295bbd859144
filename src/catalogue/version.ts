/** Date of the last change to the catalogue's facts; printed on every receipt. */
export const CATALOGUE_VERSION = '2026-11-29';
