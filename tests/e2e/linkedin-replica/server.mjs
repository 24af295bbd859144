// A stateful local replica of the parts of www.linkedin.com the extension touches: the catalogued
// settings pages (single-page-app style), the settings API they call, sign-in pages and a busy feed.
// Chromium reaches it through `--host-resolver-rules=MAP www.linkedin.com 127.0.0.1:<port>` and
// `--ignore-certificate-errors`. Never a substitute for reading docs/sources.md: it models §1a–§1c, §4, §5.
//
// From a plain Node script:  const r = await startReplica({ scenario: 'de' }); ... await r.close();
// From a shell:              node tests/e2e/linkedin-replica/server.mjs [scenario] [port]
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCatalogue } from './catalogue.mjs';
import { BAIT, errorPage, feedPage, notFoundPage, settingsShell, signInPage, ui } from './pages.mjs';
import { appliesTo, makeScenario, SCENARIOS } from './scenarios.mjs';

export { BAIT, SCENARIOS };

/** Texts no catalogue language knows: the extension must not identify a switch by them. */
export const UNKNOWN_TEXT = { heading: 'Content and personalisation preferences', switch: 'Allow LinkedIn to use this information' };

const AI_QUESTION =
  'Can LinkedIn and its affiliates use your personal data and content you create on LinkedIn to train generative AI models that create content?';
const HUBS = /** @type {Record<string, string>} */ ({
  '/mypreferences/d/categories/account': 'Account preferences',
  '/mypreferences/d/categories/ads': 'Advertising data',
});
const PRIVACY_HUB = '/mypreferences/d/categories/privacy';
/** A member-controlled checkbox that is no catalogued setting (scenario `member-heading`). */
export const NOTIFY_KEY = 'notifyMemberPosts';

/** @type {{ key: string, cert: string } | undefined} */
let tls;
/** A throwaway self-signed certificate, made once per process (Chromium ignores its errors anyway). */
function certificate() {
  if (tls) return tls;
  const dir = mkdtempSync(join(tmpdir(), 'replica-tls-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=www.linkedin.com',
      '-addext', 'subjectAltName=DNS:www.linkedin.com,IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    tls = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
    return tls;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** @param {string | undefined} header */
const parseCookies = (header) =>
  Object.fromEntries((header ?? '').split(/;\s*/).filter(Boolean).map((c) => {
    const i = c.indexOf('=');
    return [c.slice(0, i), c.slice(i + 1)];
  }));

/**
 * @typedef {import('./scenarios.mjs').Scenario} Scenario
 * @typedef {{ t: number, key: string, settingId: string | null, value: unknown, status: number }} ChangeEntry
 * @typedef {{ t: number, method: string, path: string, status: number }} VisitEntry
 * @typedef {{ scenario: Scenario, switches: Record<string, boolean | null>, extras: Record<string, boolean>, changes: ChangeEntry[], visits: VisitEntry[] }} ReplicaState
 */

/**
 * @param {{ scenario?: string, overrides?: Partial<Scenario>, port?: number,
 *   settings?: readonly import('./catalogue.mjs').CatalogueSetting[] }} [options]
 */
export async function startReplica({ scenario: initial = 'en-all-on', overrides, port = 0, settings } = {}) {
  const catalogue = (settings ?? (await loadCatalogue())).map((s, index) => ({
    ...s,
    index,
    path: new URL(s.url).pathname,
    key: /** @type {string} */ (s.hooks[0]?.value), // the API key: the page's own name for the setting
    entityUrn: `urn:li:settingEntity:${500100 + index}`,
  }));
  /** Settings by the path LinkedIn serves their page at in this scenario. @type {Map<string, typeof catalogue>} */
  let pages = new Map();
  /** Old paths the scenario moved: 301 to the new one, or LinkedIn's 404 page. @type {Map<string, { to: string, status: number }>} */
  let oldPaths = new Map();
  /** @type {Map<string, boolean>} */ let extras;

  /** @type {Scenario} */ let sc;
  /** @type {Map<string, boolean>} */ let switches;
  /** @type {ChangeEntry[]} */ let changes;
  /** @type {VisitEntry[]} */ let visits;
  /** @param {string} name @param {Partial<Scenario>} [more] */
  function setScenario(name, more) {
    sc = makeScenario(name, more);
    switches = new Map(catalogue.filter((s) => !sc.absent.includes(s.id)).map((s) => [s.id, !sc.off.includes(s.id)]));
    extras = new Map([[NOTIFY_KEY, false]]);
    pages = new Map();
    oldPaths = new Map();
    for (const s of catalogue) {
      const to = sc.moved[s.id] ?? sc.gone[s.id];
      if (to) oldPaths.set(s.path, { to, status: sc.moved[s.id] ? 301 : 404 });
      const served = to ?? s.path;
      pages.set(served, [...(pages.get(served) ?? []), s]);
    }
    changes = [];
    visits = [];
  }
  setScenario(initial, overrides);

  /** @returns {ReplicaState} */
  const state = () => ({
    scenario: sc,
    switches: Object.fromEntries(catalogue.map((s) => [s.id, switches.get(s.id) ?? null])),
    extras: Object.fromEntries(extras),
    changes: [...changes],
    visits: [...visits],
  });

  /** @param {typeof catalogue[number]} s @param {'heading' | 'switch'} kind */
  const label = (s, kind) => s.labels[sc.lang]?.[kind]?.[0] ?? s.labels.en?.[kind]?.[0];
  /** @param {typeof catalogue[number]} s */
  const headingOf = (s) =>
    appliesTo(sc.unknownLabels, s.id) ? UNKNOWN_TEXT.heading : label(s, 'heading') ?? label(s, 'switch') ?? s.id;
  // Where the catalogue knows no switch text, the switch repeats the page heading (so `broken-hooks`
  // can still be solved from text alone).
  /** @param {typeof catalogue[number]} s */
  const switchTextOf = (s) => (appliesTo(sc.unknownLabels, s.id) ? UNKNOWN_TEXT.switch : label(s, 'switch') ?? headingOf(s));

  /** The page's data, as the settings app fetches it. @param {string} path */
  function card(path) {
    const words = ui(sc.lang);
    const nav = [
      { href: PRIVACY_HUB, text: words.privacy },
      ...[...pages].map(([served, group]) => ({ href: served, text: headingOf(group[0]) })),
    ];
    const common = { lang: sc.lang, delayMs: sc.delayMs, words, nav };
    const here = pages.get(path);
    if (!here) {
      const heading = path === PRIVACY_HUB ? words.privacy : HUBS[path] ?? words.settings;
      return { ...common, heading, switches: [], links: nav.slice(1) };
    }
    const offered = here.filter((s) => switches.has(s.id));
    const member = here.find((s) => appliesTo(sc.memberHeading, s.id));
    return {
      ...common,
      // Text a member wrote (a post, a group name) that happens to equal the setting's heading.
      ...(member && { member: { heading: label(member, 'heading'), key: NOTIFY_KEY, checked: extras.get(NOTIFY_KEY) } }),
      heading: headingOf(here[0]),
      description: here[0].id === 'ai-training' && sc.lang === 'en' ? AI_QUESTION : here[0].reason,
      notice: offered.length === 0 ? words.notOffered : undefined,
      bait: sc.bait ? { note: `Signed in as ${BAIT.name} (${BAIT.email}).`, memberClass: BAIT.memberClass } : undefined,
      switches: offered.map((s) => {
        const hook = /** @type {{ kind: string, value: string }} */ (s.hooks[0]);
        const generated = `ember${100 + s.index * 7}`;
        let ids = hook.kind === 'id' ? { inputId: hook.value, labelId: `${hook.value}-label` } : { inputId: generated, labelId: hook.value };
        if (appliesTo(sc.renameHooks, s.id)) ids = { inputId: generated, labelId: `ember${101 + s.index * 7}` };
        return {
          ...ids, key: s.key, entityUrn: s.entityUrn, labelText: switchTextOf(s), checked: switches.get(s.id),
          saveDelayMs: sc.saveDelayMs,
          ...(appliesTo(sc.busy, s.id) && { busyMs: sc.busyMs }),
          ...(appliesTo(sc.shadow, s.id) && { in: 'shadow' }),
          ...(appliesTo(sc.frame, s.id) && { in: 'frame' }),
        };
      }),
    };
  }

  /** @param {import('node:http').IncomingMessage} req */
  const readBody = (req) =>
    new Promise((resolve, reject) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => resolve(body));
      req.on('error', reject);
    });

  const server = createServer(certificate(), async (req, res) => {
    const url = new URL(req.url ?? '/', 'https://www.linkedin.com');
    const path = url.pathname;
    const cookies = parseCookies(req.headers.cookie);
    const signedIn = Boolean(cookies.li_at) && !sc.loggedOut;
    /** @type {string[]} */
    const setCookies = [];
    // LinkedIn hands every visitor a readable JSESSIONID whose value doubles as the CSRF token.
    if (!cookies.JSESSIONID) setCookies.push(`JSESSIONID="ajax:${randomBytes(8).toString('hex')}"; Path=/; Secure; SameSite=None`);

    /** @param {number} status @param {string} body @param {Record<string, string>} [headers] */
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'set-cookie': setCookies, ...headers });
      res.end(body);
    };
    const json = (/** @type {number} */ status, /** @type {unknown} */ body) =>
      send(status, JSON.stringify(body), { 'content-type': 'application/json' });
    const page = (/** @type {number} */ status, /** @type {string} */ body, /** @type {Record<string, string>} */ headers = {}) => {
      visits.push({ t: Date.now(), method: req.method ?? 'GET', path: path + url.search, status });
      send(status, body, headers);
    };
    const toSignIn = () =>
      sc.loggedOut && cookies.li_at
        ? page(302, '', { location: `/authwall?trk=replica&sessionRedirect=${encodeURIComponent(url.href)}` })
        : page(302, '', { location: `/login?session_redirect=${encodeURIComponent(url.href)}` });
    const csrfOk = () => {
      const token = (cookies.JSESSIONID ?? '').replace(/"/g, '');
      return token !== '' && req.headers['csrf-token'] === token;
    };

    try {
      // Test-only endpoints: the true state, and scenario reset.
      if (path === '/__replica/state') return json(200, state());
      if (path === '/__replica/scenario' && req.method === 'POST') {
        const body = String(await readBody(req)) || '{}';
        const { name = sc.name, ...more } = JSON.parse(body);
        setScenario(name, more);
        return json(200, state());
      }

      if (path === '/login' || path === '/authwall') {
        const redirect = url.searchParams.get('session_redirect') ?? url.searchParams.get('sessionRedirect') ?? '/feed/';
        return page(200, signInPage({ authwall: path === '/authwall', redirect }));
      }
      if (path === '/checkpoint/lg/login-submit' && req.method === 'POST') {
        const form = new URLSearchParams(String(await readBody(req)));
        const target = form.get('session_redirect') ?? '';
        sc.loggedOut = false;
        setCookies.push(`li_at=${randomBytes(16).toString('hex')}; Path=/; Secure; HttpOnly; SameSite=None`, 'liap=true; Path=/; Secure; SameSite=None');
        return page(303, '', { location: /^(https:\/\/www\.linkedin\.com)?\/(?!\/)/.test(target) ? target : '/feed/' });
      }
      if (path === '/favicon.ico') return send(204, '');

      if (path.startsWith('/mysettings-api/')) {
        const write = /^\/mysettings-api\/settingsApiSettings\/([^/]+)$/.exec(path);
        if (write && (req.method === 'PUT' || req.method === 'POST')) {
          // Every change request is logged, refused ones included.
          const key = decodeURIComponent(/** @type {string} */ (write[1]));
          const body = JSON.parse(String(await readBody(req)) || '{}');
          const setting = catalogue.find((s) => s.key === key);
          if (extras.has(key) && signedIn && csrfOk() && typeof body.value === 'boolean') {
            changes.push({ t: Date.now(), key, settingId: null, value: body.value, status: 200 });
            extras.set(key, body.value);
            return json(200, { key, value: body.value });
          }
          const status = !signedIn ? 401 : !csrfOk() ? 403 : !setting || !switches.has(setting.id) ? 404
            : typeof body.value !== 'boolean' ? 400 : sc.failWrites ? 500 : 200;
          changes.push({ t: Date.now(), key, settingId: setting?.id ?? null, value: body.value, status });
          if (status !== 200 || !setting) return json(status, { status });
          switches.set(setting.id, body.value);
          // US: turning off ads beyond LinkedIn also turns off data sharing (docs/sources.md §2).
          if (sc.coupleDataSharing && setting.id === 'ads-beyond-linkedin' && !body.value && switches.has('share-with-partners')) {
            switches.set('share-with-partners', false);
          }
          return json(200, { key, value: body.value });
        }
        if (!signedIn) return json(401, { status: 401 });
        if (!csrfOk()) return json(403, { status: 403, message: 'CSRF check failed' });
        if (path === '/mysettings-api/settingsApiSettingCards' && req.method === 'GET') {
          return json(200, card(url.searchParams.get('path') ?? ''));
        }
        return json(404, { status: 404 });
      }

      if (req.method !== 'GET') return send(405, '');
      if (!signedIn) return toSignIn();
      if (path === '/') return page(302, '', { location: '/feed/' });
      if (path === '/feed' || path === '/feed/') return page(200, feedPage());
      if (path === '/mypreferences/d' || path === '/mypreferences/d/') {
        return page(302, '', { location: '/mypreferences/d/categories/account' });
      }
      const moved = oldPaths.get(path);
      if (moved?.status === 301) return page(301, '', { location: moved.to });
      const here = pages.get(path);
      if (here?.some((s) => sc.reset.includes(s.id))) {
        // The connection dies mid-request: Chrome shows its own network error page.
        visits.push({ t: Date.now(), method: req.method ?? 'GET', path: path + url.search, status: 0 });
        req.socket.destroy();
        return;
      }
      const failing = here?.map((s) => sc.failPages[s.id]).find(Boolean);
      if (failing) return page(failing, errorPage(failing, ui(sc.lang)));
      // LinkedIn's own settings tree: the hubs, the catalogued pages where the scenario serves them,
      // and the legacy /psettings/ forms. Any other settings address is LinkedIn's 404 page.
      if (here || path.startsWith('/mypreferences/d/categories/') || path.startsWith('/psettings/')) {
        const baitPost = sc.bait && here?.[0] ? switchTextOf(here[0]) : undefined; // a post that repeats the switch label
        return page(200, settingsShell({ lang: sc.lang, title: here?.[0] ? headingOf(here[0]) : ui(sc.lang).settings, hostile: sc.hostile, baitPost }));
      }
      return page(404, notFoundPage());
    } catch (error) {
      if (!res.headersSent) json(500, { status: 500, message: String(error) });
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;

  return {
    port: boundPort,
    /** Where to reach it without host mapping (certificate errors must be ignored). */
    origin: `https://127.0.0.1:${boundPort}`,
    state,
    setScenario,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}

/** @typedef {Awaited<ReturnType<typeof startReplica>>} Replica */

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const replica = await startReplica({ scenario: process.argv[2] ?? 'en-all-on', port: Number(process.argv[3] ?? 0) });
  console.log(`LinkedIn replica (${replica.state().scenario.name}) on ${replica.origin}`);
  console.log(`chromium --host-resolver-rules="MAP www.linkedin.com 127.0.0.1:${replica.port}" --ignore-certificate-errors`);
  const stop = () => void replica.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
