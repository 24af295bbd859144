// Made by build/page-catalogue.ts from src/catalogue/ when the extension is built or tested.
declare module 'virtual:untrain/page-catalogue' {
  import type { PageSetting, PageTexts } from './match';
  export const PAGE_SETTINGS: readonly PageSetting[];
  export const PAGE_TEXTS: PageTexts;
  /** LinkedIn's settings hubs, where a moved setting is looked for by its heading. */
  export const SETTINGS_HUBS: readonly string[];
}
