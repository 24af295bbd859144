// Proves the harness and the LinkedIn replica: real Chromium, the built extension, and
// https://www.linkedin.com mapped onto the local replica. No extension behaviour is tested here.
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/catalogue/settings';
import { LINKEDIN, launchBrowser, startReplica } from './harness';
import { UNKNOWN_TEXT } from './linkedin-replica/server.ts';

const AI = SETTINGS.find((s) => s.id === 'ai-training')!;
const AI_PATH = new URL(AI.url).pathname;
const hookOf = (id: string) => SETTINGS.find((s) => s.id === id)!.hooks[0]!;
const switchFor = (id: string) => {
  const hook = hookOf(id);
  return hook.kind === 'id'
    ? `input[role="switch"]#${hook.value}`
    : `input[role="switch"][aria-labelledby="${hook.value}"]`;
};

describe('harness', () => {
  it('loads the extension: worker, manifest, badge and storage readable; the worker stops and restarts', async () => {
    const replica = await startReplica();
    const browser = await launchBrowser({ replicaPort: replica.port });
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    const worker = await browser.worker();
    expect(worker.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
    const name = await worker.evaluate(() => (globalThis as any).chrome.runtime.getManifest().name as string);
    expect(name).toMatch(/^Untrain\b/);
    expect(typeof (await browser.badgeText())).toBe('string');

    await browser.stopServiceWorker();
    expect(typeof (await browser.badgeText())).toBe('string'); // readable while stopped
    expect(await browser.storage('local')).toBeTypeOf('object');
    const again = await browser.worker();
    expect(await again.evaluate(() => 1 + 1)).toBe(2);

    const popup = await browser.openPopup();
    expect(popup.url()).toBe(`chrome-extension://${browser.extensionId}/popup.html`);
  });
});

describe('LinkedIn replica', () => {
  it('serves an SPA shell at www.linkedin.com and renders the AI page in English after a delay', async () => {
    const replica = await startReplica('en-all-on');
    const browser = await launchBrowser({ replicaPort: replica.port });
    const page = await browser.open(AI_PATH);
    expect(page.url()).toBe(`${LINKEDIN}${AI_PATH}`);
    // The server's HTML has no settings content: the page's script builds it.
    const html = await page.evaluate(() => fetch(location.href).then((r) => r.text()));
    expect(html).toMatch(/<main id="main"[^>]*><\/main>/);
    expect(html).not.toContain('role="switch"');

    const toggle = page.locator(switchFor('ai-training'));
    await toggle.waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('main h1').innerText()).toBe(AI.labels.en.heading![0]);
    expect(await page.locator('#allowDataForGenerativeAI').innerText()).toBe(AI.labels.en.switch![0]);
    expect(await toggle.isChecked()).toBe(true);
    expect(await toggle.getAttribute('class')).toContain('artdeco-toggle__button');
    expect(await page.locator('#settings-nav a').count()).toBeGreaterThan(10);
    expect(await page.locator('#meMenuV2WideComponentRef').count()).toBe(1);
    expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('voyager')))).toBe(true);
  });

  it('renders every catalogued page with its switches, and navigates in-app without a page load', async () => {
    const replica = await startReplica('en-all-on', { delayMs: 0 });
    const browser = await launchBrowser({ replicaPort: replica.port });
    const page = await browser.open('/mypreferences/d/categories/privacy');
    for (const url of new Set(SETTINGS.map((s) => s.url))) {
      await page.goto(url);
      for (const s of SETTINGS.filter((x) => x.url === url)) {
        expect(await page.locator(switchFor(s.id)).isChecked(), s.id).toBe(true);
      }
    }
    await page.goto(SETTINGS.find((s) => s.id === 'linkedin-promotions')!.url);
    await page.locator(switchFor('promotions-email-tips')).waitFor();
    expect(await page.locator('main input[role="switch"]').count()).toBe(2);

    await page.evaluate(() => ((window as any).sameDocument = true));
    await page.locator(`#settings-nav a[href="${AI_PATH}"]`).click();
    await page.locator(switchFor('ai-training')).waitFor();
    expect(page.url()).toBe(`${LINKEDIN}${AI_PATH}`);
    expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
  });

  it('renders German and French from the catalogue labels', async () => {
    const replica = await startReplica('de');
    const browser = await launchBrowser({ replicaPort: replica.port });
    const page = await browser.open(AI_PATH);
    await page.locator(switchFor('ai-training')).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.locator('main h1').innerText()).toBe(AI.labels.de!.heading![0]);
    expect(await page.locator('#allowDataForGenerativeAI').innerText()).toBe(AI.labels.de!.switch![0]);

    replica.setScenario('fr');
    await page.reload();
    await page.locator(switchFor('ai-training')).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.locator('main h1').innerText()).toBe(AI.labels.fr!.heading![0]);
    expect(await page.locator('#allowDataForGenerativeAI').innerText()).toBe(AI.labels.fr!.switch![0]);
  });

  it('a click posts the change with the CSRF token; the true state changes and survives a reload', async () => {
    const replica = await startReplica('en-all-on');
    const browser = await launchBrowser({ replicaPort: replica.port });
    const page = await browser.open(AI_PATH);
    const toggle = page.locator(switchFor('ai-training'));
    await toggle.click();
    await expect
      .poll(() => replica.state().changes)
      .toEqual([
        expect.objectContaining({
          key: 'allowDataForGenerativeAI',
          settingId: 'ai-training',
          value: false,
          status: 200,
        }),
      ]);
    expect(replica.state().switches['ai-training']).toBe(false);
    expect(replica.state().switches.research).toBe(true);

    await page.reload();
    await page.locator('main h1').waitFor();
    expect(await toggle.isChecked()).toBe(false);
    // The test endpoint tells the same through the browser.
    const viaHttp = await page.evaluate(() => fetch('/__replica/state').then((r) => r.json()));
    expect(viaHttp.switches['ai-training']).toBe(false);

    // A refused write: the page moves the switch back and the server state stays.
    await page.evaluate(() =>
      fetch('/__replica/scenario', { method: 'POST', body: JSON.stringify({ name: 'write-fails' }) }).then((r) =>
        r.json(),
      ),
    );
    await page.reload();
    await toggle.click();
    await expect.poll(() => replica.state().changes.map((c) => c.status)).toEqual([500]);
    await expect.poll(() => toggle.isChecked()).toBe(true);
    expect(replica.state().switches['ai-training']).toBe(true);
    expect(await page.locator('[role="alert"]').count()).toBe(1);
  });

  it('sends visitors without a session to the login page, and an expired session to the authwall', async () => {
    const replica = await startReplica('en-all-on');
    const browser = await launchBrowser({ replicaPort: replica.port, loggedIn: false });
    const page = await browser.open(AI_PATH);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('session_redirect')).toBe(`${LINKEDIN}${AI_PATH}`);
    expect(await page.locator('input[name="session_key"]').count()).toBe(1);

    // Signing in on the replica sets the session cookies and returns to the page asked for.
    await page.fill('#username', 'member@example.com');
    await page.fill('#password', 'secret');
    await page.click('button[type="submit"]');
    await page.locator(switchFor('ai-training')).waitFor();
    expect(page.url()).toBe(`${LINKEDIN}${AI_PATH}`);

    replica.setScenario('logged-out');
    await page.reload();
    expect(new URL(page.url()).pathname).toBe('/authwall');
    expect(await page.locator('form input[type="password"]').count()).toBe(1);
  });

  it('models the awkward cases: not offered, renamed hooks, unknown texts, slow rendering', async () => {
    const replica = await startReplica('not-offered', { delayMs: 0 });
    const browser = await launchBrowser({ replicaPort: replica.port });
    const partners = SETTINGS.find((s) => s.id === 'share-with-partners')!;
    const page = await browser.open(partners.url);
    await page.locator('main h1').waitFor();
    expect(await page.locator('input[role="switch"]').count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain('not available');
    expect(replica.state().switches['share-with-partners']).toBeNull();

    replica.setScenario('broken-hooks', { delayMs: 0 });
    await page.goto(AI.url);
    await page.locator('main input[role="switch"]').waitFor();
    expect(await page.locator(switchFor('ai-training')).count()).toBe(0);
    expect(await page.locator('main label').innerText()).toBe(AI.labels.en.switch![0]);
    await page.goto(SETTINGS.find((s) => s.id === 'non-essential-cookies')!.url);
    await page.locator('main input[role="switch"]').waitFor();
    expect(await page.locator(switchFor('non-essential-cookies')).count()).toBe(0);

    replica.setScenario('unknown-label', { delayMs: 0 });
    await page.goto(AI.url);
    await page.locator('main input[role="switch"]').waitFor();
    expect(await page.locator(switchFor('ai-training')).count()).toBe(0);
    const texts = await page.locator('main').innerText();
    expect(texts).toContain(UNKNOWN_TEXT.switch);
    for (const label of Object.values(AI.labels).flatMap((l) => [...(l?.heading ?? []), ...(l?.switch ?? [])])) {
      expect(texts).not.toContain(label);
    }

    replica.setScenario('slow');
    const started = Date.now();
    await page.goto(AI.url);
    await page.locator(switchFor('ai-training')).waitFor();
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_400);
  });

  it('serves a busy feed page with thousands of nodes', async () => {
    const replica = await startReplica();
    const browser = await launchBrowser({ replicaPort: replica.port });
    const page = await browser.open('/feed/');
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(3_000);
  });
});
