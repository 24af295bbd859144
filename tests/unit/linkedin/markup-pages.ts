import type { Setting } from '../../../src/catalogue/schema';
import { settingsPage } from '../../linkedin-pages/settings-shell';
import { cardHtml, type Markup, toggleHtml } from '../../linkedin-pages/toggles';

/** The input's id and the id naming it, as the replica gives them: the hook where it is one. */
export function markupIds(setting: Setting, index: number) {
  const hook = setting.hooks[0]!;
  return hook.kind === 'id'
    ? { inputId: hook.value, labelId: `${hook.value}-label` }
    : { inputId: `adToggle_ember${260 + index}`, labelId: hook.value };
}

/** A settings page holding `settings`' switches, all on or all off, drawn in one of LinkedIn's markups. */
export function markupPage(markup: Exclude<Markup, 'replica'>, settings: readonly Setting[], on: boolean): string {
  const rows = settings.map((s, i) =>
    toggleHtml(markup, {
      ...markupIds(s, i),
      label: s.labels.en.switch?.[0] ?? s.labels.en.heading![0]!,
      on,
      words: { on: 'On', off: 'Off' },
    }),
  );
  const heading = settings.map((s) => s.labels.en.heading?.[0]).find(Boolean) ?? settings[0]!.labels.en.switch![0]!;
  return settingsPage({ lang: 'en', title: `${heading} | LinkedIn`, main: cardHtml(markup, heading, rows.join('\n')) });
}
