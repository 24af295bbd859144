// The popup's first paint loads one module file. The pages are built together, and Rollup puts
// what several pages import into shared chunks: the popup fetched and instantiated eight files
// before its first paint. So the other pages import their own copies of shared modules (the same
// files under a marked id), and the popup's modules, used by it alone, form its entry chunk;
// what it imports dynamically still loads later and shares the popup's instances.
import type { Plugin, UserConfig } from 'vite';
import { catalogueSliceModule, POPUP_CUT } from './catalogue-slice';

const POPUP_PAGE = /[\\/]entrypoints[\\/]popup[\\/]index\.html$/;
const OTHER_PAGE = /[\\/]entrypoints[\\/](?!popup[\\/])[^\\/]+[\\/]/;
/** Marks a module as the other pages' copy: a query on files, a prefix on virtual modules. */
const COPY_QUERY = '?untrain-page';
const COPY_VIRTUAL = '\0untrain-page:';

const isCopy = (id: string) => id.endsWith(COPY_QUERY) || id.startsWith(COPY_VIRTUAL);
const original = (id: string) =>
  id.endsWith(COPY_QUERY)
    ? id.slice(0, -COPY_QUERY.length)
    : id.startsWith(COPY_VIRTUAL)
      ? `\0${id.slice(COPY_VIRTUAL.length)}`
      : id;

export function popupBundle(config: UserConfig): void {
  const plugin: Plugin = {
    name: 'untrain:popup-bundle',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !(isCopy(importer) || OTHER_PAGE.test(importer))) return null;
      const resolved = await this.resolve(source, original(importer), { ...options, skipSelf: true });
      if (!resolved || resolved.external || isCopy(resolved.id)) return resolved;
      const id = resolved.id.startsWith('\0')
        ? `${COPY_VIRTUAL}${resolved.id.slice(1)}`
        : `${resolved.id}${COPY_QUERY}`;
      return { ...resolved, id };
    },
    async load(id) {
      // The popup's own modules (never the other pages' copies) get the popup's slice of the catalogue.
      if (!isCopy(id)) return catalogueSliceModule(id, POPUP_CUT) ?? null;
      if (!id.startsWith(COPY_VIRTUAL)) return null;
      const { code } = await this.load({ id: original(id) });
      return code;
    },
    generateBundle(_, bundle) {
      const popup = Object.values(bundle).find(
        (chunk) => chunk.type === 'chunk' && chunk.facadeModuleId && POPUP_PAGE.test(chunk.facadeModuleId),
      );
      if (popup?.type !== 'chunk') throw new Error('popup-bundle: no chunk for entrypoints/popup/index.html');
      if (popup.imports.length > 0)
        throw new Error(`popup-bundle: the popup's first paint imports ${popup.imports.join(', ')}`);
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
}
