import { browser } from 'wxt/browser';

/** The tab, or undefined once it is closed: a closed tab is an answer here, not a failure. */
export const openTab = (tabId: number) => browser.tabs.get(tabId).catch(() => undefined);
