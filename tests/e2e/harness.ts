// Real Chromium with the built extension, pointed at the local LinkedIn replica.
// Recipe: tests/e2e/README.md. Everything started here is registered and
// torn down by `cleanup()`, which tests/e2e/setup.ts runs after every test.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import { CHROMIUM } from '../../scripts/chromium.ts';
import { LINKEDIN_HOST, LINKEDIN_ORIGIN } from '../../src/linkedin/selectors';
import type { RunRecord } from '../../src/run/types';
import { sleep } from '../../src/util/sleep';
import type { Replica, ReplicaState, Scenario } from './linkedin-replica/server.ts';
import { onCleanup } from './teardown.ts';

export { cleanup, startReplica } from './teardown.ts';
export type { Replica, ReplicaState, Scenario };

/** The build `launchBrowser` loads unless told another (`extensionDir`). */
export const DEFAULT_EXTENSION_DIR = '.output/chrome-mv3';
export const LINKEDIN = LINKEDIN_ORIGIN;

// The extension APIs the harness calls inside extension contexts (the project has no chrome typings).
declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
  developerPrivate: {
    updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
    reload(id: string, options: { failQuietly: boolean }): Promise<void>;
  };
  runtime: { getManifest(): { version: string } };
  storage: Record<
    'local' | 'session',
    { get(keys: null): Promise<Record<string, unknown>>; set(items: object): Promise<void> }
  > & {
    onChanged: { addListener(fn: (changes: Record<string, unknown>, area: string) => void): void };
  };
};

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** A new tab at https://www.linkedin.com + path (the replica), after its load event. */
  open(path: string): Promise<Page>;
  /** A tab showing chrome-extension://<id>/popup.html. */
  openPopup(): Promise<Page>;
  /** The extension's service worker, started first (through CDP) if it was stopped. */
  worker(): Promise<Worker>;
  /**
   * The action badge text. Like `storage`, read in the browser's first tab (an extension page): never
   * wakes the worker.
   */
  badgeText(): Promise<string>;
  /** Stop the service worker as Chromium does when it idles out; resolves once it is stopped. */
  stopServiceWorker(): Promise<void>;
  storage(area: 'local' | 'session'): Promise<Record<string, unknown>>;
  /** Write storage items from the quiet extension tab (e.g. prefs before pressing Opt out); never wakes the worker. */
  setStorage(area: 'local' | 'session', items: Record<string, unknown>): Promise<void>;
  /** From now on, count storage changes (onChanged events, per area:key); read the list with the function returned. */
  countStorageChanges(): Promise<() => Promise<string[]>>;
  /**
   * Kill Chromium (SIGKILL, as a crash or power cut would) and start it again on the same profile
   * and extension copy, signed in again. Headless Chromium restores no tabs (not even with
   * --restore-last-session). The old object is dead afterwards: use the one returned.
   */
  crashAndRestart(): Promise<ExtensionBrowser>;
  /**
   * Update Untrain in place, as the browser does when a new version arrives: the copy's manifest
   * version is raised and the unpacked extension reloaded (Chromium's own extensions page, with
   * developer mode on: without it a reloaded unpacked extension stays disabled). Chromium closes
   * every extension page (the popup too) and starts a new service worker; the content scripts
   * already in tabs are cut off from it. Resolves to the new version once its worker runs.
   */
  updateExtension(): Promise<string>;
  /** Quit the browser cleanly and start it again on the same profile, with what it cached on disk. */
  restart(): Promise<ExtensionBrowser>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  replicaPort: number;
  /** The built extension to load (a copy of it): default `.output/chrome-mv3`. */
  extensionDir?: string;
  loggedIn?: boolean;
  /**
   * UI language as Chromium names its locales: 'de', 'fr', 'pt-BR', 'en-US' ('de-DE' is none, and
   * Chromium silently stays English). `--lang` picks the extension's messages; Playwright's `locale`
   * sets navigator.language, Intl and i18n.getUILanguage (dates, <html lang>). LANG/LANGUAGE in the
   * environment do not change headless Chromium's UI language. Default: Chromium's own.
   */
  locale?: string;
  /** Extra environment for Chromium, e.g. `{ TZ: 'Europe/Berlin' }` (the region follows the time zone). */
  env?: Record<string, string>;
}

/**
 * Chromium on a fresh profile in `root`, with www.linkedin.com mapped to the replica. `close()`
 * (registered with `cleanup()`) removes `root`, as does a failed start.
 */
async function launchChromium(root: string, replicaPort: number, extraArgs: string[], options: object) {
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(join(root, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--host-resolver-rules=MAP ${LINKEDIN_HOST} 127.0.0.1:${replicaPort}`,
        '--ignore-certificate-errors',
        ...extraArgs,
      ],
      ...options,
    });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  };
  onCleanup(close);
  return { context, close };
}

/** The cookies a signed-in member has (the replica only checks that li_at is there). */
async function signIn(context: BrowserContext): Promise<void> {
  const cookie = { domain: LINKEDIN_HOST, path: '/', secure: true, sameSite: 'None' as const };
  await context.addCookies([
    { ...cookie, name: 'li_at', value: randomBytes(16).toString('hex'), httpOnly: true },
    { ...cookie, name: 'liap', value: 'true' },
  ]);
}

/** A browser like `launchBrowser`'s, signed in, but without the extension: the benchmark's baseline. */
export async function launchPlainBrowser({
  replicaPort,
}: {
  replicaPort: number;
}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const plain = await launchChromium(mkdtempSync(join(tmpdir(), 'untrain-plain-')), replicaPort, [], {});
  await signIn(plain.context);
  return plain;
}

export async function launchBrowser(options: LaunchOptions): Promise<ExtensionBrowser> {
  const dir = resolve(options.extensionDir ?? DEFAULT_EXTENSION_DIR);
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`no extension build in ${dir}: run \`npx wxt build\` first`);
  // A private copy of the build: a `wxt build` running meanwhile (it empties .output) cannot pull
  // files from under a running test. The unpacked extension's id follows the path, so it varies.
  const root = mkdtempSync(join(tmpdir(), 'untrain-e2e-'));
  cpSync(dir, join(root, 'extension'), { recursive: true });
  return startExtensionBrowser(root, options);
}

/** The pid of the Chromium browser process using this profile (not its renderers or helpers). */
function browserPid(profile: string): number {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  const main = lines.find((line) => line.includes(`--user-data-dir=${profile}`) && !line.includes('--type='));
  if (!main) throw new Error(`no Chromium process for ${profile}`);
  return Number(main.trim().split(/\s+/)[0]);
}

async function startExtensionBrowser(
  root: string,
  options: LaunchOptions,
  restarted = false,
): Promise<ExtensionBrowser> {
  const { replicaPort, loggedIn = true, locale, env } = options;
  const extension = join(root, 'extension');
  const { context, close } = await launchChromium(
    root,
    replicaPort,
    [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      ...(locale ? [`--lang=${locale}`] : []),
    ],
    {
      ignoreDefaultArgs: ['--disable-extensions'],
      ...(locale ? { locale } : {}),
      ...(env ? { env: { ...process.env, ...env } } : {}),
    },
  );

  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const first =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 10_000 }));
  const extensionId = new URL(first.url()).host;
  const origin = `chrome-extension://${extensionId}/`;
  const live = () => context.serviceWorkers().find((w) => w.url().startsWith(origin));

  if (loggedIn) await signIn(context);

  // The tab the persistent context starts with becomes a quiet extension page: reads of badge and
  // storage run there, so they work while the worker is stopped and never wake it (a tab opened or
  // closed later could, through tabs.* listeners). It is also the page target CDP attaches through.
  // After a restart the first tab may be a LinkedIn tab the member opened, which must stay untouched.
  let probe = (!restarted && context.pages()[0]) || (await context.newPage());
  await probe.goto(`${origin}manifest.json`);

  /**
   * Runs `fn` with the CDP ServiceWorker domain on, tracking our worker's running status.
   * Playwright's Worker object outlives a stop (a later evaluate just hangs until a restart), so
   * the status comes from CDP, not from Playwright's events.
   */
  async function withWorkerStatus<T>(
    fn: (
      cdp: CDPSession,
      status: () => string | undefined,
      until: (status: string, since?: number) => Promise<void>,
      seen: readonly string[],
    ) => Promise<T>,
  ): Promise<T> {
    const cdp = await context.newCDPSession(probe);
    let status: string | undefined;
    // Every status in order: a worker woken at once by a page's message passes through 'stopped'
    // between two polls, and only the history shows it did.
    const seen: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions)
        if (v.scriptURL.startsWith(origin)) {
          status = v.runningStatus;
          seen.push(v.runningStatus);
        }
    });
    const reached = (want: string | undefined, since: number | undefined) =>
      since !== undefined ? seen.slice(since).includes(want ?? '') : want ? status === want : !!status;
    const until = async (want?: string, since?: number) => {
      for (const end = Date.now() + 10_000; !reached(want, since); ) {
        if (Date.now() > end)
          throw new Error(`service worker ${status ?? 'status unknown'}, wanted ${want ?? 'a status'}`);
        await sleep(20);
      }
    };
    try {
      await cdp.send('ServiceWorker.enable');
      await until(); // the current status arrives right after enable
      return await fn(cdp, () => status, until, seen);
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }

  async function worker(): Promise<Worker> {
    await withWorkerStatus(async (cdp, status, until) => {
      if (status() === 'stopping') await until('stopped');
      if (status() === 'stopped') await cdp.send('ServiceWorker.startWorker', { scopeURL: origin });
      await until('running');
    });
    return (
      live() ?? context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(origin), timeout: 10_000 })
    );
  }

  return {
    context,
    extensionId,
    async open(path) {
      const page = await context.newPage();
      await page.goto(new URL(path, LINKEDIN).href);
      return page;
    },
    async openPopup() {
      const page = await context.newPage();
      await page.goto(`${origin}popup.html`);
      return page;
    },
    worker,
    badgeText: () => probe.evaluate(() => chrome.action.getBadgeText({})),
    storage: (area) => probe.evaluate((a) => chrome.storage[a].get(null), area),
    setStorage: (area, items) =>
      probe.evaluate(([a, i]) => chrome.storage[a as 'local'].set(i as object), [area, items] as const),
    async countStorageChanges() {
      const key = `changes${Math.random().toString(36).slice(2)}`;
      await probe.evaluate((k) => {
        const seen: string[] = [];
        (globalThis as Record<string, unknown>)[k] = seen;
        chrome.storage.onChanged.addListener((changes, area) =>
          seen.push(...Object.keys(changes).map((name) => `${area}:${name}`)),
        );
      }, key);
      return () => probe.evaluate((k) => [...((globalThis as Record<string, unknown>)[k] as string[])], key);
    },
    async updateExtension() {
      const manifestPath = join(extension, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
      const parts = manifest.version.split('.').map(Number);
      parts[parts.length - 1]! += 1;
      manifest.version = parts.join('.');
      writeFileSync(manifestPath, JSON.stringify(manifest));
      const page = await context.newPage();
      try {
        await page.goto('chrome://extensions/');
        const fresh = context.waitForEvent('serviceworker', {
          predicate: (w) => w.url().startsWith(origin),
          timeout: 10_000,
        });
        await page.evaluate(async (id) => {
          await chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true });
          await chrome.developerPrivate.reload(id, { failQuietly: true });
        }, extensionId);
        const version = await (await fresh).evaluate(() => chrome.runtime.getManifest().version);
        probe = await context.newPage();
        await probe.goto(`${origin}manifest.json`);
        return version;
      } finally {
        await page.close();
      }
    },
    async restart() {
      await context.close();
      return startExtensionBrowser(root, options, true);
    },
    async crashAndRestart() {
      const closed = new Promise((done) => context.once('close', done));
      process.kill(browserPid(join(root, 'profile')), 'SIGKILL');
      await closed;
      return startExtensionBrowser(root, options, true);
    },
    stopServiceWorker: () =>
      withWorkerStatus(async (cdp, _status, until, seen) => {
        const since = seen.length;
        await cdp.send('ServiceWorker.stopAllWorkers');
        await until('stopped', since);
      }),
    close,
  };
}

/** The stored run record, as the popup reads it. */
export async function lastRun(browser: ExtensionBrowser): Promise<RunRecord | undefined> {
  return (await browser.storage('local')).run as RunRecord | undefined;
}

/**
 * Wait until the run has ended (any status but running) and the worker has done its bookkeeping (its
 * receipt, written after the audit, is stored); with `since`, one started at or after that time (ms).
 */
export async function untilRunEnds(
  browser: ExtensionBrowser,
  { timeoutMs = 45_000, since = 0 } = {},
): Promise<RunRecord> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(100)) {
    const { run, receipts } = (await browser.storage('local')) as { run?: RunRecord; receipts?: { runId: string }[] };
    const ended = run && run.status !== 'running' && Date.parse(run.startedAt) >= since;
    if (ended && receipts?.some((receipt) => receipt.runId === run.id)) return run;
  }
  throw new Error(`run still going after ${timeoutMs} ms: ${JSON.stringify(await lastRun(browser))}`);
}
