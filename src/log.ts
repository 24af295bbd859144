// What a caught failure that is not fatal leaves behind: a line in the extension's console (the
// service worker's or the page's), saying what was being done. A failure the member must hear
// about is handled where it happens instead (an error state, a notice); this is for the rest.

/** `.catch(logFailure('closing the capture tab'))`: logs the failure with its context, resolves to undefined. */
export const logFailure =
  (context: string) =>
  (error: unknown): undefined => {
    console.warn(`Untrain: ${context}:`, error);
    return undefined;
  };
