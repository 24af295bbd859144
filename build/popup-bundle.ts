// The popup's first paint loads two module files: its entry and one chunk holding every module the
// entry imports statically. Left to itself, Rollup splits the modules the popup shares with the
// other pages (all built together) into many small chunks, and each costs the popup a request and
// a module instantiation before its first paint. The other pages import what they share from the
// same chunk: it only defines things (src/ runs nothing at import time).
import type { Plugin, UserConfig } from 'vite';

const POPUP_PAGE = /[\\/]entrypoints[\\/]popup[\\/]index\.html$/;
const POPUP_ENTRY = /[\\/]entrypoints[\\/]popup[\\/]main\.ts$/;

export function popupBundle(config: UserConfig): void {
  const firstPaint = new Set<string>();
  const plugin: Plugin = {
    name: 'untrain:popup-bundle',
    buildEnd() {
      const page = [...this.getModuleIds()].find((id) => POPUP_PAGE.test(id));
      if (!page) throw new Error('popup-bundle: entrypoints/popup/index.html is not in this build');
      const walk = (id: string) => {
        for (const next of this.getModuleInfo(id)?.importedIds ?? [])
          if (!firstPaint.has(next)) {
            firstPaint.add(next);
            walk(next);
          }
      };
      walk(page);
      for (const id of firstPaint) if (POPUP_ENTRY.test(id)) firstPaint.delete(id);
    },
    // A stylesheet link holds the module script back until the sheet has arrived; inline, the
    // rules come with the page. (Extension pages' CSP restricts scripts, not styles.)
    transformIndexHtml: {
      order: 'post',
      handler(html, { path, bundle }) {
        if (!POPUP_PAGE.test(path)) return html;
        return html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)">/g, (_, file: string) => {
          const sheet = bundle?.[file];
          if (sheet?.type !== 'asset') throw new Error(`popup-bundle: ${file} is not in the bundle`);
          return `<style>${String(sheet.source).trim()}</style>`;
        });
      },
    },
  };
  config.plugins = [...(config.plugins ?? []), plugin];
  config.build ??= {};
  // Every browser the extension supports has modulepreload.
  config.build.modulePreload = { polyfill: false };
  config.build.rolldownOptions ??= {};
  const output = config.build.rolldownOptions.output;
  if (Array.isArray(output)) throw new Error('popup-bundle: several rolldown outputs');
  config.build.rolldownOptions.output = {
    ...output,
    codeSplitting: { groups: [{ name: 'popup-first-paint', test: (id) => firstPaint.has(id) }] },
  };
}
