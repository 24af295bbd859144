import { defineConfig } from 'wxt';

// Least privilege: storage + alarms, and host access to www.linkedin.com only.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The content script runs on every LinkedIn settings page load, so it skips the polyfill (3 KB
    // gzip and its start-up): `wxt/browser` there is the browser's own namespace (`browser` in
    // Firefox, promise-based `chrome` in Chrome MV3), and it replies through sendResponse, which both
    // support. Every other entrypoint keeps the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve!.alias = alias.filter((entry: { find: unknown }) => entry.find !== 'wxt/browser');
      } else if (alias) {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    host_permissions: ['https://www.linkedin.com/*'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'untrain@untrain.app',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
