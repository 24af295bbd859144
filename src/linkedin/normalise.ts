/** Compare texts ignoring case, runs of whitespace and typographic apostrophes (’ vs '). */
export const normalise = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
