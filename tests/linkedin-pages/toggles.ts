// LinkedIn's settings toggles in the forms other people's code has met on the live site (the
// artdeco toggle of 2025, the older Ember one, and the hashed CSS-module markup LinkedIn's newer apps
// use), as HTML. One home for the unit tests (tests/unit/linkedin/markups.test.ts) and the replica
// (tests/e2e/linkedin-replica, scenario override `markup`), so both meet the same markup.
//
// - `real`: the live toggle as saved from a LinkedIn page in July 2025, verbatim but for its ids:
//   `<input role="switch" aria-checked="false" class="input artdeco-toggle__button
//   artdeco-toggle__button--24dp" data-artdeco-toggle-button="true" id="adToggle_ember260"
//   type="checkbox">` next to `span.artdeco-toggle__text[aria-hidden]` and a `label[for]`. The
//   settings key in `aria-labelledby` is where Brave's PSST finds it on settings pages
//   (github.com/brave/psst-component, src/linkedin/policy.ts). `aria-checked` is drawn with the
//   page; whether a click updates it is not known, so the replica leaves it as drawn.
// - `legacy`: older artdeco (Ember): no role and no aria-checked, the state only in `checked`, the
//   click handler on the wrapper `div[data-control-name="toggle_button"]`, "On"/"Off" in
//   `span.artdeco-toggle__text`.
// - `hashed`: CSS-module class names (`_text_1ef023`, seen on settings pages in 2025) and
//   `componentkey` / `data-view-name` attributes, as LinkedIn's feed moved to in 2026.

export type Markup = 'replica' | 'real' | 'legacy' | 'hashed';

export interface ToggleParts {
  /** The input's id (the cookie switch's hook is this id). */
  inputId: string;
  /** The id of the element that names the switch (the settings key, for `aria-labelledby` hooks). */
  labelId: string;
  label: string;
  on: boolean;
  words: { on: string; off: string };
}

const REAL_CLASS = 'input artdeco-toggle__button artdeco-toggle__button--24dp';
const REAL_DATA = 'data-artdeco-toggle-button="true"';
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The checkbox: `attributes`, then its id, type, the id naming it and its state. */
const input = (p: ToggleParts, attributes: string[]) =>
  `<input ${[...attributes, `id="${p.inputId}"`, 'type="checkbox"', `aria-labelledby="${p.labelId}"`].join(' ')}${
    p.on ? ' checked' : ''
  }>`;

/** One switch row in `markup` (not `replica`, which the replica's app draws itself). */
export function toggleHtml(markup: Exclude<Markup, 'replica'>, p: ToggleParts): string {
  const text = esc(p.on ? p.words.on : p.words.off);
  const label = esc(p.label);
  if (markup === 'real')
    return `<div class="settings-toggle-row display-flex justify-space-between pt3">
  <p id="${p.labelId}" class="t-14 t-black">${label}</p>
  <div class="artdeco-toggle artdeco-toggle--24dp ember-view">
    ${input(p, ['role="switch"', `aria-checked="${p.on}"`, `class="${REAL_CLASS}"`, REAL_DATA])}
    <span class="artdeco-toggle__text" aria-hidden="true">${text}</span>
    <label for="${p.inputId}" class="a11y-text">${label}</label>
  </div>
</div>`;
  if (markup === 'legacy')
    return `<div class="settings-toggle-row display-flex justify-space-between pt3">
  <p id="${p.labelId}" class="t-14 t-black">${label}</p>
  <div class="artdeco-toggle artdeco-toggle--32dp ember-view" data-control-name="toggle_button">
    ${input(p, ['class="artdeco-toggle__button"'])}
    <label for="${p.inputId}" class="artdeco-toggle__label"></label>
    <span class="artdeco-toggle__text">${text}</span>
  </div>
</div>`;
  return `<div componentkey="settingToggle-${p.labelId}" data-view-name="settings-toggle" class="_row_5c1d2e">
  <p id="${p.labelId}" class="_text_1ef023">${label}</p>
  <div class="_toggle_8a7b6c" data-view-name="toggle">
    ${input(p, ['class="_input_3e4f5a"', 'role="switch"', `aria-checked="${p.on}"`])}
    <span class="_text_1ef023" aria-hidden="true">${text}</span>
  </div>
</div>`;
}

/** The box the page's switches sit in, under the page heading, in `markup`. */
export function cardHtml(markup: Markup, heading: string, rows: string): string {
  if (markup === 'hashed')
    return `<div componentkey="settingsDetail" data-view-name="settings-detail" class="_card_9d8e7f">
  <h1 class="_title_2b3c4d">${esc(heading)}</h1>
${rows}
</div>`;
  return `<section class="artdeco-card pv4">
  <h1 class="t-20 t-black t-bold">${esc(heading)}</h1>
${rows}
</section>`;
}
