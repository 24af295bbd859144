import { defineConfig } from 'wxt';
import { BACKGROUND_CUT, catalogueSlice } from './build/catalogue-slice';
import { compileHints } from './build/compile-hints';
import { issueTrackerDefine } from './build/issue-tracker';
import { pageCatalogue } from './build/page-catalogue';
import { popupBundle } from './build/popup-bundle';
import { CONTENT_MATCHES } from './src/linkedin/scope';

// Least privilege: storage + alarms, and LinkedIn's settings and sign-in pages only. The host
// permission repeats the content script's matches so the run can see that its tab still shows one
// of them before touching it (without it the tab's address is hidden; www.linkedin.com/* is not needed).
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [pageCatalogue(), compileHints()], define: issueTrackerDefine }),
  hooks: {
    // Only the background needs webextension-polyfill: its message listeners answer with promises.
    // Elsewhere `wxt/browser` is the browser's own namespace (`browser` in Firefox, promise-based
    // `chrome` in Chrome MV3). That saves the content script 3 KB gzip on every settings page, and
    // the pages the cold start of the polyfill, whose import touches every chrome.* namespace. The
    // content script answers the background through sendResponse, which both browsers support.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entry) => entry.type === 'popup')) popupBundle(config);
      if (entrypoints.some((entry) => entry.type === 'background')) {
        config.plugins = [...(config.plugins ?? []), catalogueSlice(BACKGROUND_CUT)];
        return;
      }
      // The polyfill module sets `wxt/browser` in an alias object; fail loudly should that change.
      const alias = config.resolve?.alias;
      if (Array.isArray(alias))
        throw new Error('wxt.config.ts: the vite alias is an array now; scope the polyfill anew');
      if (alias) delete (alias as Record<string, string>)['wxt/browser'];
    },
    'build:manifestGenerated': (wxt, manifest) => {
      // entrypoints/linkedin.ts is built as a plain script and declared here (see its header for why).
      // world-first.js is empty: declared at document_start, it makes Chrome create the extension's
      // isolated world before the page has drawn any element, so `browser` and `chrome` are that world's
      // own globals. Made later, an element with id or name "browser" or "chrome" would stand in for
      // them (src/protocol/world.ts). Firefox's script sandbox defines them itself; one manifest for both.
      manifest.content_scripts = [
        { matches: CONTENT_MATCHES, js: ['world-first.js'], run_at: 'document_start' },
        { matches: CONTENT_MATCHES, js: ['linkedin.js'], run_at: 'document_idle' },
      ];
      // Firefox (MV2) gets an event page, suspended when idle like Chrome's service worker (the run
      // already resumes from storage), instead of a background page held for the whole session.
      if (wxt.config.browser === 'firefox' && manifest.background && 'scripts' in manifest.background)
        manifest.background.persistent = false;
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: the page-capture script is injected into a LinkedIn settings tab only when the
    // member asks for a capture, instead of riding along in the content script on every page.
    permissions: ['storage', 'alarms', 'scripting'],
    host_permissions: CONTENT_MATCHES,
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // data_collection_permissions needs Firefox 140 (the current ESR, Debian's firefox-esr)
            // on the desktop and 142 on Android, each with its own minimum.
            gecko: {
              id: 'untrain@untrain.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
