import { takeOwnGlobal } from './world';

/**
 * The scripts the background injects into a LinkedIn settings tab on request (entrypoints/page-*.ts)
 * run in the isolated world they share with the content script, which the page cannot see. The
 * background leaves each one's request there first, under this name.
 */
export const REQUEST_KEY = 'untrainRequest';

/** The request the background left for this injection, taken so that no later one can reuse it. */
export const takeRequest = (): unknown => takeOwnGlobal(REQUEST_KEY);
