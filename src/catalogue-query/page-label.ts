import type { Setting } from '../catalogue/schema';

/**
 * A setting's name as LinkedIn shows it on a page in `lang` (the page's own `lang`), else in
 * English: the switch text, else the heading. What the guide's note quotes to the member.
 */
export function pageLabel(setting: Setting, lang: string): string {
  const sets = Object.entries(setting.labels);
  const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();
  const [, set] = sets.find(([tag]) => tag.toLowerCase() === lang.toLowerCase()) ??
    sets.find(([tag]) => primary(tag) === primary(lang)) ?? ['en', setting.labels.en];
  return (set?.switch ?? set?.heading)?.[0] ?? setting.id;
}
