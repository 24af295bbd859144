// Real Firefox ESR with the built add-on, driven by puppeteer-core over WebDriver BiDi, with
// www.linkedin.com tunnelled to the local replica. Everything started here is torn down by
// `cleanup()`, which tests/firefox/setup.ts runs after every test.
//
// How the add-on is installed: a proxy file in the profile's extensions/ folder (a sideloaded,
// permanent add-on; the ESR honours xpinstall.signatures.required=false), so it survives a browser
// restart and gets runtime.onStartup like a member's installed copy. Its internal UUID is pinned
// (extensions.webextensions.uuids), so its pages have a known moz-extension:// address.
//
// How the harness reaches extension pages: BiDi refuses to navigate to moz-extension://, and
// Firefox ESR 140 lists no chrome context (the browser's own window) over BiDi. BiDi does run code
// in a privileged about: page in the parent process (about:addons), and from there the browser
// window is `topChromeWindow`. 140 allows this as is; -remote-allow-system-access stays, as newer
// releases gate BiDi's privileged access behind it (it opened the chrome context on the newer
// Firefox these tests first ran on). The harness keeps one such
// tab and opens pages from the browser window as the toolbar would. The same window suspends the
// event page, lists tab ids as the add-on sees them and quits the browser. The
// add-on itself carries no test hook: tests/firefox/production-build.test.ts checks that.
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX } from '../../scripts/firefox.ts';
import { LINKEDIN_HOST, LINKEDIN_ORIGIN } from '../../src/linkedin/selectors';
import type { RunRecord } from '../../src/run/types';
import { sleep } from '../../src/util/sleep';
import type { Replica, ReplicaState, Scenario } from '../e2e/linkedin-replica/server.ts';
import { onCleanup } from '../e2e/teardown.ts';
import { startProxy } from './proxy';

export { cleanup, startReplica } from '../e2e/teardown.ts';
export type { Page, Replica, ReplicaState, Scenario };
export { FIREFOX };
export const EXTENSION_DIR = resolve(process.env.UNTRAIN_FIREFOX_DIR ?? '.output/firefox-mv2');
export const ADDON_ID = 'untrain@untrain.app';
export const ADDON_UUID = '6b1f5f0e-2f4d-4c39-9a57-0e3c5d1b7a42';
export const ORIGIN = `moz-extension://${ADDON_UUID}/`;
export const LINKEDIN = LINKEDIN_ORIGIN;
const PRIVILEGED_PAGE = 'about:addons';

// The extension API the harness calls inside the add-on's own pages.
declare const browser: {
  browserAction: { getBadgeText(details: object): Promise<string> };
  storage: Record<'local' | 'session', { get(keys: null): Promise<Record<string, unknown>> }>;
};

export interface TabInfo {
  /** The id the add-on's tabs API uses for this tab. */
  id: number;
  url: string;
}

/** A tab id the add-on's own code looked up, and what that tab showed at that moment. */
export interface TabUse {
  id: number;
  url: string;
  /** 'message' (tabs.sendMessage) or 'tab' (tabs.update, tabs.remove, tabs.get...). */
  kind: 'message' | 'tab';
}

export interface FirefoxBrowser {
  browser: Browser;
  /** A new tab at https://www.linkedin.com + path (the replica), after its load event. */
  open(path: string): Promise<Page>;
  /** The popup page in a tab, opened from the browser's own window as the toolbar would. */
  openPopup(): Promise<Page>;
  /** Read in a quiet extension tab (checklist.html): never wakes the event page. */
  storage(area: 'local' | 'session'): Promise<Record<string, unknown>>;
  badgeText(): Promise<string>;
  /** Privileged JavaScript in the browser window; `body` is an async function body, its result JSON. */
  chrome<T>(body: string): Promise<T>;
  /**
   * Suspend the add-on's event page as Firefox does when it idles. Resolves 'stopped' once it was:
   * also when a message already on its way woke it again at once, as a run's next report may.
   * Anything else is the state it stayed in.
   */
  suspendBackground(): Promise<string>;
  /** 'running', 'stopped', 'suspending', 'starting' as Firefox tracks the event page. */
  backgroundState(): Promise<string>;
  /** Every tab, in window order, with the id the add-on sees. */
  tabs(): Promise<TabInfo[]>;
  /** Start recording every tab id the add-on's code addresses (messages, navigation, closing). */
  watchTabUses(): Promise<void>;
  tabUses(): Promise<TabUse[]>;
  /** Quit Firefox as a member does (the session is saved), start it again on the same profile. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  replicaPort: number;
  loggedIn?: boolean;
}

function preferences(proxyPort: number): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    'xpinstall.signatures.required': false,
    'extensions.autoDisableScopes': 0,
    'extensions.enabledScopes': 15,
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.http.http3.enable': false,
    'network.trr.mode': 5,
    // Quit saves the session and the next start restores it, every tab loaded at once so that
    // restored LinkedIn tabs run the content script straight away (the restart test needs this).
    'browser.startup.page': 3,
    'browser.sessionstore.resume_from_crash': true,
    'browser.sessionstore.restore_on_demand': false,
    'browser.tabs.warnOnClose': false,
    'browser.warnOnQuit': false,
  };
}

export async function launchFirefox({ replicaPort, loggedIn = true }: LaunchOptions): Promise<FirefoxBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`no Firefox build in ${EXTENSION_DIR}: run \`npx wxt build -b firefox\` first`);
  // A private copy of the build (a concurrent `wxt build` empties .output) and a fresh profile.
  const root = mkdtempSync(join(tmpdir(), 'untrain-firefox-'));
  const extension = join(root, 'extension');
  const profile = join(root, 'profile');
  cpSync(EXTENSION_DIR, extension, { recursive: true });
  mkdirSync(join(profile, 'extensions'), { recursive: true });
  writeFileSync(join(profile, 'extensions', ADDON_ID), extension);

  const proxy = await startProxy(replicaPort);
  let current: Browser | undefined;
  const close = async () => {
    await current?.close().catch(() => undefined);
    await proxy.close();
    rmSync(root, { recursive: true, force: true });
  };
  onCleanup(close);

  const start = async () => {
    current = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      acceptInsecureCerts: true,
      args: ['-remote-allow-system-access'],
      extraPrefsFirefox: preferences(proxy.port),
      protocolTimeout: 30_000,
    });
    await until(
      async () =>
        (await chrome<boolean>(`return !!WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)})`)) || undefined,
      'the add-on to start',
    );
  };

  // The tab whose privileged page reaches the browser window: found again after a restart (the
  // session restores it), opened once otherwise, in the blank tab the browser starts with.
  let privileged: Promise<Page> | undefined;
  const isPrivileged = (page: Page) =>
    page.evaluate(`location.href === '${PRIVILEGED_PAGE}' && typeof ChromeUtils === 'object'`).catch(() => false);
  async function privilegedPage(): Promise<Page> {
    const pages = await current!.pages();
    for (const page of pages) if (await isPrivileged(page)) return page;
    const page = pages.find((p) => p.url() === 'about:blank') ?? (await current!.newPage());
    // Never settles: the tab moves to the parent process and puppeteer sees its frame detach. The
    // page stays reachable all the same.
    void page.goto(PRIVILEGED_PAGE).catch(() => undefined);
    return until(async () => ((await isPrivileged(page)) ? page : undefined), PRIVILEGED_PAGE);
  }

  async function chrome<T>(body: string): Promise<T> {
    privileged ??= privilegedPage().catch((error) => {
      privileged = undefined;
      throw error;
    });
    const page = await privileged;
    const json = await page.evaluate(`(async () => {
      const { gBrowser, Services, ChromeUtils, Ci, WebExtensionPolicy } = window.browsingContext.topChromeWindow;
      return JSON.stringify(await (async () => { ${body} })() ?? null);
    })()`);
    return JSON.parse(json as string) as T;
  }

  const TAB_TRACKER =
    "const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');\n" +
    '    const tracker = ExtensionParent.apiManager.global.tabTracker;';

  /**
   * Open an extension page in a new tab from the browser window; its puppeteer Page once loaded.
   * `select` brings it to the front: Firefox throttles timers and animation frames in background
   * tabs, which a page being clicked must not suffer.
   */
  async function openExtensionPage(path: string, select: boolean): Promise<Page> {
    const before = new Set(await current!.pages());
    const addTab = () =>
      chrome(
        `const tab = gBrowser.addTab(${JSON.stringify(ORIGIN + path)}, ` +
          `{ triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
        if (${select}) gBrowser.selectedTab = tab;`,
      );
    const opened = async () => {
      for (const page of await current!.pages()) {
        if (before.has(page)) continue;
        // page.url() is not updated for moz-extension loads: ask the page itself.
        const ready = await page.evaluate(() => document.readyState === 'complete' && location.href).catch(() => false);
        if (ready === ORIGIN + path) return page;
      }
      return undefined;
    };
    await addTab();
    // Once in CI a tab added this way never reached puppeteer's page list: add it again after a
    // while rather than wait for it in vain. Any page of the two that loads will do.
    return until(opened, `${path} to open`, 5000)
      .catch(async () => {
        await addTab();
        return until(opened, `${path} to open`, 10_000);
      })
      .catch(async (error) => {
        const seen = await Promise.all(
          (await current!.pages()).map((p) =>
            p.evaluate(() => `${document.readyState} ${location.href}`).catch((e) => String(e)),
          ),
        );
        throw new Error(`${String(error)}; pages: ${seen.join(', ')}`);
      });
  }

  // One probe tab, opened once even when several reads start together; tried afresh if it failed.
  let probe: Promise<Page> | undefined;
  const quietPage = () =>
    (probe ??= openExtensionPage('checklist.html', false).catch((error) => {
      probe = undefined;
      throw error;
    }));

  const suspendOnce = () =>
    chrome<string>(`const addon = WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension;
        let woken = false;
        const onStart = () => { woken = true; };
        addon.on('background-script-started', onStart);
        try {
          await addon.terminateBackground();
        } finally {
          addon.off('background-script-started', onStart);
        }
        // 'starting' comes only after 'stopped': a wake already under way.
        const state = addon.backgroundState;
        return woken || state === 'starting' ? 'stopped' : state;`);

  const backgroundState = () =>
    chrome<string>(`return WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension.backgroundState`);

  await start();
  if (loggedIn) {
    const cookie = { domain: LINKEDIN_HOST, path: '/', secure: true, sameSite: 'None' as const };
    await current!.setCookie(
      { ...cookie, name: 'li_at', value: randomBytes(16).toString('hex'), httpOnly: true },
      { ...cookie, name: 'liap', value: 'true' },
    );
  }

  return {
    get browser() {
      return current!;
    },
    async open(path) {
      const page = await current!.newPage();
      await page.goto(new URL(path, LINKEDIN).href);
      return page;
    },
    openPopup: () => openExtensionPage('popup.html', true),
    async storage(area) {
      const page = await quietPage();
      return JSON.parse(
        await page.evaluate(async (a) => JSON.stringify(await browser.storage[a].get(null)), area),
      ) as Record<string, unknown>;
    },
    badgeText: async () => (await quietPage()).evaluate(() => browser.browserAction.getBadgeText({})),
    chrome,
    // Read in the same privileged call: a page's report may wake the event page again at once,
    // before a separate read could see it stopped. A page caught while it was still starting up
    // (a message had just woken it) is not stopped by the call: it is asked again, at most thrice.
    async suspendBackground() {
      let state = '';
      for (let attempt = 0; attempt < 3 && state !== 'stopped'; attempt++) state = await suspendOnce();
      return state;
    },
    backgroundState,
    tabs: () =>
      chrome<TabInfo[]>(`${TAB_TRACKER}
        return [...Services.wm.getEnumerator('navigator:browser')].flatMap((w) => w.gBrowser.tabs)
          .map((tab) => ({ id: tracker.getId(tab), url: tab.linkedBrowser.currentURI.spec }));`),
    async watchTabUses() {
      // Every tabs.* call that takes a tab id resolves it through tabTracker.getTab; a message's
      // recipient is resolved in ProxyMessenger.getTopBrowsingContextId. The sender of a message
      // (getSender) is the browser describing a tab to the add-on, not the add-on addressing it.
      await chrome(`${TAB_TRACKER}
        if (tracker.__untrainUses) return;
        tracker.__untrainUses = [];
        const getTab = tracker.getTab;
        tracker.getTab = function (tabId, ...rest) {
          const tab = getTab.call(this, tabId, ...rest);
          const stack = new Error().stack ?? '';
          if (tab && !/getSender|convert/.test(stack)) {
            const kind = /getTopBrowsingContextId/.test(stack) ? 'message' : 'tab';
            tracker.__untrainUses.push({ id: tabId, url: tab.linkedBrowser?.currentURI.spec ?? '', kind });
          }
          return tab;
        };`);
    },
    tabUses: () =>
      chrome<TabUse[]>(`${TAB_TRACKER}
        return tracker.__untrainUses ?? [];`),
    async restart() {
      const process = current!.process();
      const exited = new Promise((done) => process?.once('exit', done));
      // Not awaited: the connection goes away with the browser.
      void chrome(`Services.startup.quit(Ci.nsIAppStartup.eAttemptQuit)`).catch(() => undefined);
      await exited;
      await current!.close().catch(() => undefined);
      // puppeteer puts back the profile's prefs.js/user.js from its backups after the exit; the
      // next launch backs them up again, so let that finish first.
      await until(
        async () =>
          ['prefs.js', 'user.js'].some((f) => existsSync(join(profile, `${f}.puppeteer`))) ? undefined : true,
        'the profile to be restored',
      );
      probe = undefined;
      privileged = undefined;
      await start();
    },
    close,
  };
}

/**
 * Click in one of the add-on's own pages once the element is there and enabled. Puppeteer's
 * locator waits for "enabled" with `new Function` in the page, which the add-on's CSP blocks on
 * Firefox 140 (not on the newer Firefox these tests first ran on): that one wait is done here.
 */
export async function clickInAddonPage(page: Page, selector: string): Promise<void> {
  await until(
    async () => (await page.$eval(selector, (e) => !(e as HTMLButtonElement).disabled)) || undefined,
    `${selector} to be enabled`,
  );
  await page.locator(selector).setWaitForEnabled(false).click();
}

/** Poll `check` every 100 ms until it returns something other than undefined. */
export async function until<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  for (const end = Date.now() + timeoutMs; ; await sleep(100)) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
  }
}

export async function lastRun(firefox: FirefoxBrowser): Promise<RunRecord | undefined> {
  return (await firefox.storage('local')).run as RunRecord | undefined;
}

/** Wait until the run has ended (any status but running). */
export async function untilRunEnds(firefox: FirefoxBrowser, timeoutMs = 45_000): Promise<RunRecord> {
  return until(
    async () => {
      const run = await lastRun(firefox);
      return run && run.status !== 'running' ? run : undefined;
    },
    'the run to end',
    timeoutMs,
  );
}
