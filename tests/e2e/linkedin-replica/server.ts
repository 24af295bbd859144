// A stateful local replica of the parts of www.linkedin.com the extension touches: the catalogued
// settings pages (single-page-app style), the settings API they call, sign-in pages and a busy feed.
// Chromium reaches it through `--host-resolver-rules=MAP www.linkedin.com 127.0.0.1:<port>` and
// `--ignore-certificate-errors`. Never a substitute for reading docs/sources.md: it models §1a–§1c, §4, §5.
//
// From a plain Node script:  const r = await startReplica({ scenario: 'de' }); ... await r.close();
// From a shell:              npx jiti tests/e2e/linkedin-replica/server.ts [scenario] [port]
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CatalogueSetting, loadCatalogue } from './catalogue.ts';

/** A setting's explanation as the extension words it in English, standing in for LinkedIn's own. */
const ENGLISH = JSON.parse(readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8'));
const explanation = (id: string): string => ENGLISH[`setting_${id.replace(/-/g, '_')}_reason`]?.message ?? '';

import { cardHtml, toggleHtml } from '../../linkedin-pages/toggles.ts';
import {
  BAIT,
  type Card,
  checkpointPage,
  errorPage,
  feedPage,
  notFoundPage,
  settingsShell,
  signInPage,
  ui,
} from './pages.ts';
import { seededPage } from './privacy-seeded.ts';
import { appliesTo, makeScenario, SCENARIOS, type Scenario } from './scenarios.ts';

export { BAIT, SCENARIOS, type Scenario };

/** Texts no catalogue language knows: the extension must not identify a switch by them. */
export const UNKNOWN_TEXT = {
  heading: 'Content and personalisation preferences',
  switch: 'Allow LinkedIn to use this information',
};

const AI_QUESTION =
  'Can LinkedIn and its affiliates use your personal data and content you create on LinkedIn ' +
  'to train generative AI models that create content?';
const HUBS: Record<string, string> = {
  '/mypreferences/d/categories/account': 'Account preferences',
  '/mypreferences/d/categories/ads': 'Advertising data',
};
const PRIVACY_HUB = '/mypreferences/d/categories/privacy';
/** A member-controlled checkbox that is no catalogued setting (scenarios `member-heading`, `label-decoy`). */
export const NOTIFY_KEY = 'notifyMemberPosts';
/** The heading over the member's own checkbox where a label decoy points at it. */
const MEMBER_POSTS = 'Posts by Alex Replica';

let tls: { key: string; cert: string } | undefined;
/** A throwaway self-signed certificate, made once per process (Chromium ignores its errors anyway). */
function certificate() {
  if (tls) return tls;
  const dir = mkdtempSync(join(tmpdir(), 'replica-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=www.linkedin.com',
        '-addext',
        'subjectAltName=DNS:www.linkedin.com,IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    tls = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
    return tls;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const parseCookies = (header: string | undefined): Record<string, string | undefined> =>
  Object.fromEntries(
    (header ?? '')
      .split(/;\s*/)
      .filter(Boolean)
      .map((c) => {
        const i = c.indexOf('=');
        return [c.slice(0, i), c.slice(i + 1)];
      }),
  );

/** One change request the settings API received, refused ones included. */
export interface ChangeEntry {
  t: number;
  key: string;
  settingId: string | null;
  value: unknown;
  status: number;
}

/** One page request (the API's JSON calls are not visits). */
export interface VisitEntry {
  t: number;
  method: string;
  path: string;
  status: number;
}

export interface ReplicaState {
  scenario: Scenario;
  /** true = on, false = off, null = not offered (absent from its page). Keyed by catalogue id. */
  switches: Record<string, boolean | null>;
  /** Checkboxes of the page that are no catalogued setting (the member's "Notify me"). */
  extras: Record<string, boolean>;
  changes: ChangeEntry[];
  visits: VisitEntry[];
}

export interface Replica {
  port: number;
  /** Where to reach it without host mapping (certificate errors must be ignored). */
  origin: string;
  state(): ReplicaState;
  setScenario(name: string, overrides?: Partial<Scenario>): void;
  close(): Promise<void>;
}

export interface ReplicaOptions {
  scenario?: string;
  overrides?: Partial<Scenario>;
  port?: number;
  /** The settings to serve pages for (default: the extension's catalogue). */
  settings?: readonly CatalogueSetting[];
}

export async function startReplica(options: ReplicaOptions = {}): Promise<Replica> {
  const { scenario: initial = 'en-all-on', overrides, port = 0, settings } = options;
  const catalogue = (settings ?? (await loadCatalogue())).map((s, index) => ({
    ...s,
    index,
    path: new URL(s.url).pathname,
    key: s.hooks[0]?.value ?? s.id, // the API key: the page's own name for the setting
    entityUrn: `urn:li:settingEntity:${500100 + index}`,
  }));
  type Served = (typeof catalogue)[number];
  /** Settings by the path LinkedIn serves their page at in this scenario. */
  let pages = new Map<string, Served[]>();
  /** Old paths the scenario moved: 301 to the new one, or LinkedIn's 404 page. */
  let oldPaths = new Map<string, { to: string; status: number }>();
  let extras = new Map<string, boolean>();
  let sc: Scenario;
  let switches = new Map<string, boolean>();
  let changes: ChangeEntry[] = [];
  let visits: VisitEntry[] = [];
  /** Settings pages drawn so far (each load asks for its card once), and whether the security check was passed. */
  let cardLoads = 0;
  let checkpointPassed = false;
  function setScenario(name: string, more?: Partial<Scenario>) {
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
    cardLoads = 0;
    checkpointPassed = false;
  }
  setScenario(initial, overrides);

  const state = (): ReplicaState => ({
    scenario: sc,
    switches: Object.fromEntries(catalogue.map((s) => [s.id, switches.get(s.id) ?? null])),
    extras: Object.fromEntries(extras),
    changes: [...changes],
    visits: [...visits],
  });

  const label = (s: Served, kind: 'heading' | 'switch') => s.labels[sc.lang]?.[kind]?.[0] ?? s.labels.en?.[kind]?.[0];
  const headingOf = (s: Served): string =>
    appliesTo(sc.unknownLabels, s.id) ? UNKNOWN_TEXT.heading : (label(s, 'heading') ?? label(s, 'switch') ?? s.id);
  // Where the catalogue knows no switch text, the switch repeats the page heading (so `broken-hooks`
  // can still be solved from text alone).
  const switchTextOf = (s: Served): string =>
    appliesTo(sc.unknownLabels, s.id) ? UNKNOWN_TEXT.switch : (label(s, 'switch') ?? headingOf(s));

  /** The page's data, as the settings app fetches it. */
  function card(path: string): Card {
    const words = ui(sc.lang);
    const nav = [
      { href: PRIVACY_HUB, text: words.privacy },
      ...[...pages].map(([served, group]) => ({ href: served, text: headingOf(group[0]!) })),
    ];
    const common = {
      lang: sc.lang,
      delayMs: sc.slowLoads[cardLoads++] ?? sc.delayMs,
      words,
      nav,
      markup: sc.markup,
      skeleton: sc.skeleton,
      heavy: sc.heavy,
      rewriteToLogin: sc.rewriteToLogin,
    };
    const here = pages.get(path);
    const first = here?.[0];
    if (!here || !first) {
      const heading = path === PRIVACY_HUB ? words.privacy : (HUBS[path] ?? words.settings);
      return { ...common, heading, switches: [], links: nav.slice(1) };
    }
    const offered = here.filter((s) => switches.has(s.id));
    const member = here.find((s) => appliesTo(sc.memberHeading, s.id));
    const decoyed = here.some((s) => sc.labelDecoy.includes(s.id));
    return {
      ...common,
      // Text a member wrote (a post, a group name) that happens to equal the setting's heading.
      ...(member && {
        member: { heading: label(member, 'heading'), key: NOTIFY_KEY, checked: extras.get(NOTIFY_KEY) },
      }),
      // The member's own checkbox, which a label decoy clicks.
      ...(!member &&
        decoyed && { member: { heading: MEMBER_POSTS, key: NOTIFY_KEY, checked: extras.get(NOTIFY_KEY) } }),
      ...(sc.markup === 'hashed' && { box: cardHtml('hashed', headingOf(first), '') }),
      heading: headingOf(first),
      description: first.id === 'ai-training' && sc.lang === 'en' ? AI_QUESTION : explanation(first.id),
      notice: offered.length === 0 ? words.notOffered : undefined,
      bait: sc.bait ? { note: `Signed in as ${BAIT.name} (${BAIT.email}).`, memberClass: BAIT.memberClass } : undefined,
      switches: offered.map((s) => {
        const hook = s.hooks[0] ?? { kind: 'aria-labelledby', value: s.key };
        const generated = `ember${100 + s.index * 7}`;
        let ids =
          hook.kind === 'id'
            ? { inputId: hook.value, labelId: `${hook.value}-label` }
            : { inputId: generated, labelId: hook.value };
        if (appliesTo(sc.renameHooks, s.id)) ids = { inputId: generated, labelId: `ember${101 + s.index * 7}` };
        const checked = switches.get(s.id) ?? false;
        const labelText = switchTextOf(s);
        return {
          ...ids,
          ...(sc.markup !== 'replica' && {
            html: toggleHtml(sc.markup, { ...ids, label: labelText, on: checked, words: ui(sc.lang) }),
          }),
          ...(sc.labelDecoy.includes(s.id) && { decoy: label(s, 'switch') ?? headingOf(s) }),
          key: s.key,
          entityUrn: s.entityUrn,
          labelText,
          checked,
          saveDelayMs: sc.saveDelayMs,
          ...(appliesTo(sc.busy, s.id) && { busyMs: sc.busyMs }),
          ...(appliesTo(sc.shadow, s.id) && { in: 'shadow' as const }),
          ...(appliesTo(sc.frame, s.id) && { in: 'frame' as const }),
        };
      }),
    };
  }

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
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
    const setCookies: string[] = [];
    // LinkedIn hands every visitor a readable JSESSIONID whose value doubles as the CSRF token.
    if (!cookies.JSESSIONID)
      setCookies.push(`JSESSIONID="ajax:${randomBytes(8).toString('hex')}"; Path=/; Secure; SameSite=None`);

    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'set-cookie': setCookies,
        ...headers,
      });
      res.end(body);
    };
    const json = (status: number, body: unknown) =>
      send(status, JSON.stringify(body), { 'content-type': 'application/json' });
    const page = (status: number, body: string, headers: Record<string, string> = {}) => {
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
        const body = (await readBody(req)) || '{}';
        const { name = sc.name, ...more } = JSON.parse(body) as Partial<Scenario>;
        setScenario(name, more);
        return json(200, state());
      }

      if (path === '/login' || path === '/authwall') {
        const redirect =
          url.searchParams.get('session_redirect') ?? url.searchParams.get('sessionRedirect') ?? '/feed/';
        return page(200, signInPage({ authwall: path === '/authwall', redirect }));
      }
      if (path === '/checkpoint/lg/login-submit' && req.method === 'POST') {
        const form = new URLSearchParams(await readBody(req));
        const target = form.get('session_redirect') ?? '';
        sc.loggedOut = false;
        setCookies.push(
          `li_at=${randomBytes(16).toString('hex')}; Path=/; Secure; HttpOnly; SameSite=None`,
          'liap=true; Path=/; Secure; SameSite=None',
        );
        return page(303, '', { location: /^(https:\/\/www\.linkedin\.com)?\/(?!\/)/.test(target) ? target : '/feed/' });
      }
      if (path === '/favicon.ico') return send(204, '');
      // Whole seeded pages instead of the settings app (scenario `privacy-seeded`), its checkpoint included.
      const seeded =
        sc.privacySeeded && req.method === 'GET' ? seededPage(path, switches.get('ai-training') ?? false) : undefined;
      if (seeded) return page(200, seeded);
      // LinkedIn's security check: a page of its own; passing it goes back to the page asked for.
      if (path.startsWith('/checkpoint/challenge/')) {
        if (req.method === 'POST') {
          const target = new URLSearchParams(await readBody(req)).get('session_redirect') ?? '';
          checkpointPassed = true;
          return page(303, '', { location: /^\/(?!\/)/.test(target) ? target : '/feed/' });
        }
        return page(200, checkpointPage(url.searchParams.get('session_redirect') ?? '/feed/'));
      }

      if (path.startsWith('/mysettings-api/')) {
        const write = /^\/mysettings-api\/settingsApiSettings\/([^/]+)$/.exec(path);
        if (write && (req.method === 'PUT' || req.method === 'POST')) {
          // Every change request is logged, refused ones included.
          const key = decodeURIComponent(write[1] ?? '');
          const body = JSON.parse((await readBody(req)) || '{}') as { value?: unknown };
          const setting = catalogue.find((s) => s.key === key);
          if (extras.has(key) && signedIn && csrfOk() && typeof body.value === 'boolean') {
            changes.push({ t: Date.now(), key, settingId: null, value: body.value, status: 200 });
            extras.set(key, body.value);
            return json(200, { key, value: body.value });
          }
          const status = !signedIn
            ? 401
            : !csrfOk()
              ? 403
              : !setting || !switches.has(setting.id)
                ? 404
                : typeof body.value !== 'boolean'
                  ? 400
                  : sc.failWrites
                    ? 500
                    : 200;
          changes.push({ t: Date.now(), key, settingId: setting?.id ?? null, value: body.value, status });
          if (status !== 200 || !setting) return json(status, { status });
          switches.set(setting.id, body.value as boolean);
          // US: turning off ads beyond LinkedIn also turns off data sharing (docs/sources.md §2).
          if (
            sc.coupleDataSharing &&
            setting.id === 'ads-beyond-linkedin' &&
            !body.value &&
            switches.has('share-with-partners')
          ) {
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
      if (!checkpointPassed && here?.some((s) => sc.checkpoint.includes(s.id))) {
        const back = encodeURIComponent(path + url.search);
        return page(302, '', {
          location: `/checkpoint/challenge/AgHx${randomBytes(6).toString('hex')}?session_redirect=${back}`,
        });
      }
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
        // A post that repeats the switch label.
        const baitPost = sc.bait && here?.[0] ? switchTextOf(here[0]) : undefined;
        const title = here?.[0] ? headingOf(here[0]) : ui(sc.lang).settings;
        const shell = { lang: sc.lang, title, path, hostile: sc.hostile, clobber: sc.clobber, baitPost };
        return page(200, settingsShell(shell));
      }
      return page(404, notFoundPage());
    } catch (error) {
      if (!res.headersSent) json(500, { status: 500, message: String(error) });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;

  return {
    port: boundPort,
    origin: `https://127.0.0.1:${boundPort}`,
    state,
    setScenario,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const replica = await startReplica({ scenario: process.argv[2] ?? 'en-all-on', port: Number(process.argv[3] ?? 0) });
  console.log(`LinkedIn replica (${replica.state().scenario.name}) on ${replica.origin}`);
  console.log(
    `chromium --host-resolver-rules="MAP www.linkedin.com 127.0.0.1:${replica.port}" --ignore-certificate-errors`,
  );
  const stop = () => void replica.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
