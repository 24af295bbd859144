// HTML the replica serves. Settings pages are the shared settings frame
// (tests/linkedin-pages/settings-shell.ts) with an empty <main> and one script, which fetches the page's
// data from the settings API and builds the DOM after a delay, as LinkedIn's single-page app does; the
// extension's content script must wait for it.

import { settingsPage } from '../../linkedin-pages/settings-shell.ts';
import type { Markup } from '../../linkedin-pages/toggles.ts';

const esc = (s: unknown): string => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A few UI words per language; anything missing falls back to English. */
export interface Words {
  on: string;
  off: string;
  privacy: string;
  settings: string;
  notOffered: string;
  error: string;
}

export const UI: Record<string, Words> = {
  en: {
    on: 'On',
    off: 'Off',
    privacy: 'Data privacy',
    settings: 'Settings',
    notOffered: 'This setting is not available for your account.',
    error: 'Something went wrong. Please try again.',
  },
  de: {
    on: 'An',
    off: 'Aus',
    privacy: 'Datenschutz',
    settings: 'Einstellungen',
    notOffered: 'Diese Einstellung ist für Ihr Konto nicht verfügbar.',
    error: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  },
  fr: {
    on: 'Oui',
    off: 'Non',
    privacy: 'Confidentialité des données',
    settings: 'Préférences',
    notOffered: 'Ce paramètre n’est pas disponible pour votre compte.',
    error: 'Un problème est survenu. Veuillez réessayer.',
  },
};
export const ui = (lang: string): Words => UI[lang] ?? UI.en!;

const globalNav = `<header id="global-nav" class="global-nav">
  <nav class="global-nav__content" aria-label="Primary">
    <a class="global-nav__logo" href="/feed/">LinkedIn</a>
    <a href="/feed/">Home</a> <a href="/mynetwork/">My Network</a> <a href="/jobs/">Jobs</a>
    <div id="meMenuV2WideComponentRef" aria-label="Me">
      <img class="global-nav__me-photo" id="ember15" alt="Alex Replica" width="24" height="24" src="data:,">
    </div>
  </nav>
</header>`;

/** One switch of a settings card, as the replica's settings API describes it (server.ts `card`). */
export interface CardSwitch {
  inputId: string;
  labelId: string;
  key: string;
  entityUrn: string;
  labelText: string;
  checked: boolean;
  saveDelayMs: number;
  busyMs?: number;
  in?: 'shadow' | 'frame';
  /** The switch row in one of LinkedIn's markups (tests/linkedin-pages/toggles.ts); the replica's own when absent. */
  html?: string;
  /** A label[role=switch] named by this text that clicks the member's "Notify me" checkbox (scenario `label-decoy`). */
  decoy?: string;
}

export interface CardLink {
  href: string;
  text: string;
}

/** What the settings API answers for one page: everything the page's app draws. */
export interface Card {
  lang: string;
  delayMs: number;
  words: Words;
  nav: CardLink[];
  heading: string;
  description?: string;
  notice?: string;
  bait?: { note: string; memberClass: string };
  member?: { heading: string | undefined; key: string; checked: boolean | undefined };
  switches: CardSwitch[];
  links?: CardLink[];
  markup: Markup;
  /** The box around the page's switches, with its heading, where the markup draws its own. */
  box?: string;
  /** Scenario flags of issue 23 (see scenarios.ts). */
  skeleton?: boolean;
  heavy?: boolean;
  rewriteToLogin?: boolean;
}

/**
 * Runs in the page (serialised into the shell): the settings single-page app. It draws the page's
 * switches into `main` and the catalogued pages it can reach in-app into `#settings-nav`, an extra
 * list in the shell's left navigation.
 */
function settingsApp() {
  const main = document.getElementById('main') as HTMLElement;
  const pages = document.getElementById('settings-nav') as HTMLElement;
  localStorage.setItem('voyager-web:msg-overlay-state', '{}');
  const csrf = () => (/(?:^|;\s*)JSESSIONID="?([^";]*)/.exec(document.cookie) ?? [])[1] ?? '';
  const api = (url: string, init: RequestInit = {}) =>
    fetch(url, {
      ...init,
      credentials: 'include',
      headers: { 'csrf-token': csrf(), 'x-restli-protocol-version': '2.0.0', 'content-type': 'application/json' },
    });
  const h = (tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    node.append(...children);
    return node;
  };

  const NOTIFY_ID = 'notify-member-posts';

  function toast(text: string) {
    document.body.append(h('div', { class: 'artdeco-toast-item artdeco-toast-item--visible', role: 'alert' }, text));
  }

  /** Send a switch's new value as LinkedIn does; false when the request failed. */
  async function save(s: CardSwitch, value: boolean): Promise<boolean> {
    try {
      // A debounced app: the save leaves a while after the switch has moved.
      if (s.saveDelayMs) await new Promise((resolve) => setTimeout(resolve, s.saveDelayMs));
      const body = { key: s.key, value, settingDisplayType: 'TOGGLE', entityUrn: s.entityUrn, hasChild: false };
      const res = await api(`/mysettings-api/settingsApiSettings/${encodeURIComponent(s.key)}`, {
        method: 'PUT',
        body: JSON.stringify(body),
      });
      await res.json(); // the app reads the saved value back (and only then does Resource Timing list the request)
      return res.ok;
    } catch {
      return false;
    }
  }

  /** One switch of the card, drawn with `shown` (default: its stored value). */
  function toggle(s: CardSwitch, words: Words, markup: Markup, shown = s.checked) {
    const row = s.html ? drawn(s, words, markup) : replicaToggle(s, words, shown);
    if (s.decoy) {
      const named = h('p', { id: `decoy-${s.labelId}` }, s.decoy);
      const attrs = { role: 'switch', 'aria-labelledby': named.id, 'aria-checked': 'true', for: NOTIFY_ID };
      row.append(named, h('label', attrs, words.on));
    }
    return row;
  }

  function replicaToggle(s: CardSwitch, words: Words, shown: boolean) {
    const input = h('input', {
      type: 'checkbox',
      role: 'switch',
      id: s.inputId,
      'aria-labelledby': s.labelId,
      class: 'artdeco-toggle__button',
    }) as HTMLInputElement;
    input.checked = shown;
    const text = h('span', { class: 'artdeco-toggle__text', 'aria-hidden': 'true' }, shown ? words.on : words.off);
    // Like LinkedIn: the switch moves at once, the change is sent, and a failed request moves it back.
    input.addEventListener('change', async () => {
      const value = input.checked;
      text.textContent = value ? words.on : words.off;
      if (!(await save(s, value))) {
        input.checked = !value;
        text.textContent = input.checked ? words.on : words.off;
        toast(words.error);
      }
    });
    return h(
      'div',
      { class: 'artdeco-toggle artdeco-toggle--32dp' },
      h('label', { id: s.labelId, for: s.inputId, class: 't-14 t-black--light' }, s.labelText),
      input,
      text,
    );
  }

  /**
   * A switch in one of LinkedIn's own markups, listened to where that markup's app listens: the
   * legacy (Ember) toggle on its wrapper's click, keeping its own state; the others on the input's
   * change. The hashed app keeps aria-checked in step; the real one leaves it as drawn.
   */
  function drawn(s: CardSwitch, words: Words, markup: Markup) {
    const template = document.createElement('template');
    template.innerHTML = s.html ?? '';
    const row = template.content.firstElementChild as HTMLElement;
    const input = row.querySelector('input') as HTMLInputElement;
    const text = row.querySelector('[aria-hidden="true"], .artdeco-toggle__text');
    const show = (value: boolean) => {
      input.checked = value;
      if (text) text.textContent = value ? words.on : words.off;
      if (markup === 'hashed') input.setAttribute('aria-checked', String(value));
    };
    const commit = async (value: boolean) => {
      show(value);
      const ok = await save(s, value);
      if (!ok) {
        show(!value);
        toast(words.error);
      }
      return ok;
    };
    const wrapper = row.querySelector('[data-control-name="toggle_button"]');
    if (wrapper) {
      let state = input.checked;
      wrapper.addEventListener('click', () => {
        state = !state;
        void commit(state).then((ok) => {
          if (!ok) state = !state;
        });
      });
    } else input.addEventListener('change', () => void commit(input.checked));
    return row;
  }

  let generation = 0;
  async function show() {
    const mine = ++generation;
    main.replaceChildren();
    pages.replaceChildren();
    const res = await api(`/mysettings-api/settingsApiSettingCards?path=${encodeURIComponent(location.pathname)}`);
    if (res.status === 401) return location.assign(`/login?session_redirect=${encodeURIComponent(location.href)}`);
    const card = (await res.json()) as Card;
    // A slow connection: LinkedIn's skeleton, busy, with nothing to read yet.
    if (card.skeleton)
      main.append(
        h(
          'section',
          { class: 'artdeco-card', 'aria-busy': 'true' },
          h('div', { class: '_ghost_4f1c2a' }),
          h('div', { class: '_ghost_4f1c2a' }),
          h('div', { role: 'progressbar', 'aria-label': 'Loading' }),
        ),
      );
    await new Promise((resolve) => setTimeout(resolve, card.delayMs));
    if (mine !== generation) return; // navigated on meanwhile
    main.replaceChildren();
    const here = (href: string): Record<string, string> =>
      href === location.pathname ? { 'aria-current': 'page' } : {};
    pages.append(
      ...card.nav.map((l) => h('li', {}, h('a', { href: l.href, 'data-spa': '', ...here(l.href) }, l.text))),
    );
    const box = document.createElement('template');
    box.innerHTML = card.box ?? '';
    const section =
      (box.content.firstElementChild as HTMLElement | null) ??
      h('section', { class: 'settings-detail artdeco-card' }, h('h1', { class: 't-20 t-bold' }, card.heading));
    if (card.description) section.append(h('p', { class: 't-14 t-black--light' }, card.description));
    for (const s of card.switches) section.append(place(s, card.words, card.markup, section));
    if (card.notice) section.append(h('p', { class: 't-14 settings-detail__notice' }, card.notice));
    if (card.bait) section.append(h('p', { class: `t-14 ${card.bait.memberClass}` }, card.bait.note));
    if (card.links?.length)
      section.append(
        h('ul', {}, ...card.links.map((l) => h('li', {}, h('a', { href: l.href, 'data-spa': '' }, l.text)))),
      );
    main.append(section);
    if (card.member) main.append(memberCard(card.member));
    if (card.heavy) heavy();
    if (card.rewriteToLogin) setTimeout(() => history.replaceState(null, '', '/login?trk=replica-rewrite'), 1500);
  }

  /**
   * A hostile page (issue 23): 2,000 switches no catalogue names, 1 MB of text, and every 50 ms a
   * new address (history.replaceState, no load) and a changed node.
   */
  function heavy() {
    const block = h('section', { class: 'heavy-block' });
    const line = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. ';
    for (let i = 0; i < 2000; i++) {
      const id = `heavy-switch-${i}`;
      block.append(
        h(
          'div',
          {},
          h('label', { for: id }, `Notify me about topic ${i}`),
          h('input', { type: 'checkbox', role: 'switch', id, 'aria-checked': 'false' }),
          h('p', {}, line.repeat(6)),
        ),
      );
    }
    const ticker = h('p', { class: 'heavy-ticker' }, '0');
    main.append(block, ticker);
    let n = 0;
    setInterval(() => {
      n += 1;
      history.replaceState(null, '', `${location.pathname}?flood=${n}`);
      ticker.textContent = String(n);
    }, 50);
  }

  /**
   * One switch where the scenario puts it: in the card, drawn off while the card loads and re-drawn
   * with the stored value after `busyMs`, inside an open shadow root, or inside a frame.
   */
  function place(s: CardSwitch, words: Words, markup: Markup, section: HTMLElement) {
    if (s.busyMs) {
      section.setAttribute('aria-busy', 'true');
      const slot = h('div', { class: 'settings-toggle-slot' }, toggle(s, words, markup, false));
      setTimeout(() => {
        slot.replaceChildren(toggle(s, words, markup));
        section.removeAttribute('aria-busy');
      }, s.busyMs);
      return slot;
    }
    if (s.in === 'shadow') {
      const host = h('settings-toggle');
      host.attachShadow({ mode: 'open' }).append(toggle(s, words, markup));
      return host;
    }
    if (s.in === 'frame') {
      const frame = h('iframe', { title: s.labelText, class: 'settings-frame' }) as HTMLIFrameElement;
      // An about:blank frame is same-origin and ready once attached: fill it then.
      queueMicrotask(() => frame.contentDocument?.body.append(toggle(s, words, markup)));
      return frame;
    }
    return toggle(s, words, markup);
  }

  /** Something a member wrote, headed like a setting, over a checkbox of its own. */
  function memberCard(m: NonNullable<Card['member']>) {
    const box = h('input', { type: 'checkbox', id: NOTIFY_ID }) as HTMLInputElement;
    box.checked = m.checked ?? false;
    box.addEventListener('change', () => {
      const body = { key: m.key, value: box.checked, settingDisplayType: 'CHECKBOX', hasChild: false };
      void api(`/mysettings-api/settingsApiSettings/${m.key}`, { method: 'PUT', body: JSON.stringify(body) });
    });
    return h(
      'section',
      { class: 'member-activity artdeco-card' },
      h('h2', { class: 't-16' }, m.heading ?? ''),
      h('p', {}, 'A post by Alex Replica.'),
      h('label', { for: NOTIFY_ID }, 'Notify me'),
      box,
    );
  }

  // In-app links change the URL without a page load, as on LinkedIn.
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest?.('a[data-spa]');
    if (
      !(link instanceof HTMLAnchorElement) ||
      event.defaultPrevented ||
      event.button ||
      event.metaKey ||
      event.ctrlKey
    )
      return;
    event.preventDefault();
    history.pushState(null, '', link.href);
    void show();
  });
  addEventListener('popstate', () => void show());
  void show();
}

/** The member's own data around the settings area: what a page capture must never hold. */
export const BAIT = {
  name: 'Alex Replica', // as in the global nav's photo
  headline: 'Chief Privacy Tester at Replica Labs',
  email: 'alex.replica@example.org',
  profile: '/in/alex-replica-4242/',
  memberClass: 'member-ACoAABReplica4242',
};

const BAIT_PROFILE_URL = `https://www.linkedin.com${BAIT.profile}?miniProfileUrn=urn%3Ali%3Afsd_profile%3AACoAABReplica4242`;

const baitAround = (
  postText: string,
) => `<aside class="profile-card ${BAIT.memberClass}" aria-label="${esc(BAIT.name)}">
  <h2>${esc(BAIT.name)}</h2><p class="profile-card__headline">${esc(BAIT.headline)}</p>
  <p><a href="mailto:${esc(BAIT.email)}">${esc(BAIT.email)}</a> · <a href="${BAIT_PROFILE_URL}">View profile</a></p>
</aside>
<div class="feed-shared-update-v2" role="article"><p>${esc(postText)}</p></div>`;

/**
 * A main-world script a page (or another extension's injection) could run on a settings page: it
 * tries to detect the extension, switch its content script off, make it re-read in a loop, and
 * read or rewrite the guide it shows. What it manages is kept in `window.__hostile` for the test.
 */
function hostileScript() {
  const found: string[] = [];
  const hostile = { found, forged: 0, pushed: 0, guideSeen: false, guideOpen: false, rewritten: false, captured: 0 };
  (window as unknown as { __hostile: typeof hostile }).__hostile = hostile;
  const suspicious = (data: unknown) => /wxt|untrain|chrome-extension|content-script/i.test(JSON.stringify(data) ?? '');
  addEventListener(
    'message',
    (e) => {
      if (!e.data?.forged && suspicious(e.data)) found.push(`message ${JSON.stringify(e.data)}`);
    },
    true,
  );
  for (const target of [window, document]) {
    for (const type of ['wxt:content-script-started', 'wxt:locationchange']) {
      target.addEventListener(
        type,
        (e) => {
          if (e.isTrusted || !(e as CustomEvent<{ forged?: boolean } | null>).detail?.forged)
            found.push(`event ${type}`);
        },
        true,
      );
    }
  }
  // A page cannot reach into the isolated world, but it can patch what the page's own world shares.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    hostile.captured += this.localName === 'untrain-guide' ? 1 : 0;
    return attach.call(this, { ...init, mode: 'open' });
  };
  const look = () => {
    for (const entry of performance.getEntries())
      if (/untrain/i.test(entry.name)) found.push(`performance ${entry.name}`);
    for (const el of document.querySelectorAll('untrain-guide')) {
      hostile.guideSeen = true;
      const root = el.shadowRoot;
      if (root) {
        hostile.guideOpen = true;
        for (const p of root.querySelectorAll('p, h2')) p.textContent = 'Everything is fine, close this.';
        hostile.rewritten = true;
      }
    }
  };
  const disable = () => {
    const detail = { forged: true, contentScriptName: 'linkedin', messageId: 'forged' };
    for (const type of ['wxt:content-script-started', `wxt:content-script-started:linkedin`]) {
      window.dispatchEvent(new CustomEvent(type, { detail }));
      document.dispatchEvent(new CustomEvent(type, { detail }));
    }
    window.postMessage(
      { type: 'wxt:content-script-started', contentScriptName: 'linkedin', messageId: 'forged', forged: true },
      '*',
    );
    hostile.forged += 5;
  };
  const flood = () => {
    for (let i = 0; i < 50; i++) {
      window.dispatchEvent(
        new CustomEvent('wxt:locationchange', {
          detail: { forged: true, newUrl: new URL(`?flood=${i}`, location.href), oldUrl: new URL(location.href) },
        }),
      );
      hostile.forged += 1;
    }
    for (let i = 0; i < 50; i++) {
      history.pushState(null, '', `${location.pathname}?flood=${i}`);
      hostile.pushed += 1;
    }
  };
  // Flood once per browser: a later tab (the guided visit) only tries to disable, detect and rewrite.
  const first = !localStorage.getItem('hostile-flooded');
  localStorage.setItem('hostile-flooded', '1');
  setTimeout(() => {
    disable();
    if (first) flood();
  }, 600);
  setInterval(look, 100);
}

/**
 * DOM clobbering: in Chrome an element's id, or an image's or form's name, answers as a global of
 * every script world of the page (the content script's isolated world included) that has no own
 * global of that name. WXT's `globalThis.browser?.runtime?.id` passes on the first form; the others
 * name the globals the extension's scripts share (untrainFlips, untrainCloseGuide, untrainRequest),
 * the bundles' own names and the built-ins they call.
 */
const CLOBBERED = [
  ...['linkedin', 'pageToggle', 'pageGuide', 'pageCapture', 'untrainCloseGuide', 'globalThis', 'document'],
  ...['performance', 'MutationObserver', 'PerformanceObserver', 'URL', 'Node', 'Object', 'setTimeout'],
];
const CLOBBER = `<div hidden>
<form id="browser"><input name="runtime" id="clobber-runtime"><input name="sendMessage"></form>
<form id="chrome"><input name="runtime" id="clobber-chrome-runtime"><input name="i18n"></form>
<img name="untrainFlips" alt=""><img name="untrainRequest" alt="">
${CLOBBERED.map((name) => `<div id="${name}"></div>`).join('')}
</div>
`;

/** The category slug of a hub address (/mypreferences/d/categories/<slug>), which the left navigation marks. */
const categoryOf = (path: string) => /^\/mypreferences\/[ds]\/categories\/([^/]+)/.exec(path)?.[1];

/** The member the shared frame's avatar names. */
const FRAME_MEMBER = 'alt="Jane Doe"';

export interface SettingsShell {
  lang: string;
  title: string;
  /** The page's address: the left navigation marks its category as current. */
  path: string;
  /** A main-world script that attacks the content script (scenario `hostile`). */
  hostile?: boolean;
  /** Elements named like every global the extension's scripts use (scenario `clobber`). */
  clobber?: boolean;
  /** A post that repeats the switch label, with the member's card (scenario `privacy-bait`). */
  baitPost?: string;
}

/**
 * A settings page as the server sends it: the shared frame with an empty `main`, which the app
 * fills after the scenario's delay. The frame's avatar sits in LinkedIn's "Me" menu and carries the
 * bait member's name.
 */
export function settingsShell({
  lang,
  title,
  path,
  hostile = false,
  clobber = false,
  baitPost,
}: SettingsShell): string {
  const html = settingsPage({
    lang: esc(lang),
    title: `${esc(title)} | LinkedIn`,
    current: categoryOf(path),
    main: '',
    navMore: '        <ul id="settings-nav" class="settings-left-nav__pages"></ul>\n',
    body: [
      baitPost === undefined ? '' : `${baitAround(baitPost)}\n`,
      hostile ? `<script>(${hostileScript.toString()})();</script>\n` : '',
      clobber ? CLOBBER : '',
      `<script>(${settingsApp.toString()})();</script>\n`,
    ].join(''),
  });
  const avatar = /<img [^>]*class="global-nav__me-photo[^>]*>/.exec(html)?.[0];
  if (!avatar?.includes(FRAME_MEMBER)) throw new Error('settings-shell.ts: the replica no longer finds the avatar');
  // The signed-in member's menu around the photo, named as the bait member (what a capture must drop).
  const named = avatar.replace(FRAME_MEMBER, `alt="${esc(BAIT.name)}"`);
  const menu = `<div id="meMenuV2WideComponentRef" aria-label="Me">${named}</div>`;
  const page = html.replace(avatar, menu);
  // The one element there is when the content script's world is made (document_start): in Chrome the
  // world's `browser` is then that element, and only `chrome` is the world's own.
  return clobber ? page.replace('<html ', '<html id="browser" ') : page;
}

export const signInPage = ({ authwall, redirect }: { authwall: boolean; redirect: string }): string => {
  const title = authwall ? 'Sign Up | LinkedIn' : 'LinkedIn Login, Sign in | LinkedIn';
  const username = '<input id="username" name="session_key" type="text" autocomplete="username">';
  const password = '<input id="password" name="session_password" type="password" autocomplete="current-password">';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body>
<main class="${authwall ? 'authwall' : 'login'}">
  <h1>${authwall ? 'Sign in to see more' : 'Sign in'}</h1>
  <form class="login__form" action="/checkpoint/lg/login-submit" method="post">
    <input type="hidden" name="session_redirect" value="${esc(redirect)}">
    <label for="username">Email or phone</label>${username}
    <label for="password">Password</label>${password}
    <button class="btn__primary--large" type="submit">Sign in</button>
  </form>
</main>
</body></html>`;
};

/** LinkedIn's security check (/checkpoint/challenge/…): a page of its own, nothing to read on it. */
export const checkpointPage = (redirect: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Security Verification | LinkedIn</title></head>
<body>
<main class="app__content">
  <h1>Let’s do a quick security check</h1>
  <p>We noticed some unusual activity. Enter the code we sent you.</p>
  <form id="challenge" action="/checkpoint/challenge/verify" method="post">
    <input type="hidden" name="session_redirect" value="${esc(redirect)}">
    <label for="pin">Verification code</label><input id="pin" name="pin" inputmode="numeric">
    <button id="submit-pin" type="submit">Submit</button>
  </form>
</main>
</body></html>`;

/** A busy feed: thousands of nodes, and more posts keep arriving for a while. */
export function feedPage(posts = 400): string {
  const post = (i: number) =>
    `<div class="feed-shared-update-v2" data-urn="urn:li:activity:${7e18 + i}" role="article">\n` +
    '  <div class="update-components-actor"><img alt="" src="data:," width="48" height="48">' +
    `<span class="update-components-actor__name"><span dir="ltr">Member ${i}</span></span>` +
    `<span class="update-components-actor__description">Title at Company ${i % 37}</span></div>\n` +
    `  <div class="feed-shared-update-v2__description"><span dir="ltr">Post number ${i}: thoughts on ` +
    '<a href="/feed/hashtag/work/">#work</a> and <a href="/feed/hashtag/ai/">#ai</a>.</span></div>\n' +
    `  <ul class="social-details-social-counts"><li>${i * 3} reactions</li><li>${i % 11} comments</li></ul>\n` +
    '  <div class="feed-shared-social-action-bar">' +
    '<button>Like</button><button>Comment</button><button>Repost</button><button>Send</button></div>\n' +
    '</div>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Feed | LinkedIn</title></head>
<body>
${globalNav}
<main id="main" class="scaffold-layout__main" aria-label="Main Feed"><div class="scaffold-finite-scroll__content">
${Array.from({ length: posts }, (_, i) => post(i)).join('\n')}
</div></main>
<script>
localStorage.setItem('voyager-web:msg-overlay-state', '{}');
const list = document.querySelector('.scaffold-finite-scroll__content');
const first = list.firstElementChild;
let added = 0;
const timer = setInterval(() => { list.append(first.cloneNode(true)); if (++added >= 40) clearInterval(timer); }, 200);
</script>
</body></html>`;
}

/** LinkedIn's full-page error (5xx "Something went wrong") and its 429 page. */
export const errorPage = (status: number, words: Pick<Words, 'error'>): string => {
  const [heading, text] =
    status === 429
      ? ['Too many requests', 'You’ve made too many requests. Please try again later.']
      : [esc(words.error), 'Please try again later.'];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LinkedIn</title></head>
<body>${globalNav}<main id="main" class="error-container"><h1>${heading}</h1>
<p>${text}</p></main></body></html>`;
};

export const notFoundPage = (): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Page not found | LinkedIn</title></head>
<body>${globalNav}<main id="main"><h1>This page doesn’t exist</h1></main></body></html>`;
