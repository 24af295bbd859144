// The page around LinkedIn's settings content, as its settings app serves it: the settings header
// with the member's avatar, the left navigation of categories, and `main`. One shell for the unit
// fixtures (tests/unit/fixtures, which hold only what is inside `main`) and the replica's pages
// (tests/e2e/linkedin-replica), so a change to LinkedIn's frame is made once. Modelled on the pages
// described in docs/sources.md §1 and §4.

/** The frame's words in the UI languages the fixtures and the replica use; English elsewhere. */
export const FRAME_WORDS: Record<string, readonly string[]> = {
  en: [
    'Settings',
    'Account preferences',
    'Sign in &amp; security',
    'Visibility',
    'Data privacy',
    'Advertising data',
    'Notifications',
  ],
  de: [
    'Einstellungen',
    'Einstellungen',
    'Anmelden &amp; Sicherheit',
    'Sichtbarkeit',
    'Datenschutz',
    'Werbedaten',
    'Benachrichtigungen',
  ],
  fr: [
    'Préférences',
    'Préférences du compte',
    'Connexion et sécurité',
    'Visibilité',
    'Confidentialité des données',
    'Données publicitaires',
    'Notifications',
  ],
  pl: [
    'Ustawienia',
    'Preferencje konta',
    'Logowanie i bezpieczeństwo',
    'Widoczność',
    'Prywatność danych',
    'Dane reklamowe',
    'Powiadomienia',
  ],
};
const CATEGORIES = ['account', 'sign-in-and-security', 'profile-visibility', 'privacy', 'ads', 'notifications'];

export interface SettingsPage {
  /** <html lang>, e.g. 'en', 'fr-FR'. */
  lang: string;
  title: string;
  /** The category the left navigation marks as the current page, if any. */
  current?: string;
  /** What `main` holds, exactly. */
  main: string;
  /** An extra class on the avatar (LinkedIn's placeholder photo is `ghost-person`). */
  avatarClass?: string;
  footer?: boolean;
  /** Markup after the app, before </body> (the replica's script). */
  body?: string;
  /** The address tree the navigation links into: LinkedIn serves /d/ and /s/ alike. */
  tree?: 'd' | 's';
  /** More of the left navigation after the categories (e.g. recently visited settings). */
  navMore?: string;
}

export function settingsPage(page: SettingsPage): string {
  const { lang, title, current, main, avatarClass = '', footer = false, body = '', tree = 'd', navMore = '' } = page;
  const words = FRAME_WORDS[lang.split('-')[0]!] ?? FRAME_WORDS.en!;
  const nav = CATEGORIES.map((slug, i) => {
    const here = slug === current ? ' aria-current="page"' : '';
    return `          <li><a href="/mypreferences/${tree}/categories/${slug}"${here}>${words[i + 1]}</a></li>`;
  }).join('\n');
  const photoClass = `global-nav__me-photo evi-image ${avatarClass ? `${avatarClass} ` : ''}ember-view`;
  const privacyLink = '<a href="https://www.linkedin.com/legal/privacy-policy">Privacy Policy</a>';
  return `<!DOCTYPE html>
<html lang="${lang}" class="theme theme--mercado">
<head>
  <meta charset="utf-8">
  <title>${title}</title>
</head>
<body class="render-mode-BIGPIPE nav-v2 ember-application">
  <div id="ember3" class="application-outlet ember-view">
    <header id="global-nav" class="global-nav settings-header" role="banner">
      <a class="global-nav__branding" href="https://www.linkedin.com/feed/" aria-label="LinkedIn">
        <li-icon type="app-linkedin-bug-color-icon"></li-icon>
      </a>
      <span class="t-16 t-bold">${words[0]}</span>
      <img id="ember14" class="${photoClass}" alt="Jane Doe" width="32" height="32"
           src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
    </header>
    <div class="settings-layout">
      <nav class="settings-left-nav" aria-label="${words[0]}">
        <ul>
${nav}
        </ul>
${navMore}      </nav>
      <main id="main" class="settings-main" role="main">${main}</main>
    </div>
${footer ? `    <footer class="settings-footer">${privacyLink}</footer>\n` : ''}  </div>
${body}</body>
</html>
`;
}
