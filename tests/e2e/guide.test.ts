// Issue 26, item 9: the guide on LinkedIn's page for a switch Untrain could not identify (the
// replica's `unknown-label` scenario: the AI switch has neither its hook nor a catalogued label),
// on a slow page. It shows at once, points at the likely switch, and "I switched it off" starts a
// verifying reading through the switch the member pointed out: never a bare claim. One browser.
import type { CDPSession, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { SETTINGS } from '../../src/catalogue/settings';
import type { AuditRecord } from '../../src/storage';
import { type ExtensionBrowser, launchBrowser, startReplica, untilRunEnds } from './harness';
import { UNKNOWN_TEXT } from './linkedin-replica/server';
import { headline, settingName, words } from './run-helpers';

const AI = 'ai-training';
/** How long the replica's settings app takes to draw a page: LinkedIn on a slow day. */
const DELAY_MS = 3000;
const fill = (key: string, ...subs: string[]) =>
  subs.reduce<string>((text, sub) => text.replace(/\$[A-Z_]+\$/, sub), words(key));
const label = SETTINGS.find((s) => s.id === AI)!.labels.en!.switch![0]!;

type Node = { nodeId: number; nodeName: string; nodeValue?: string; children?: Node[]; shadowRoots?: Node[] };
/** The <untrain-guide>'s shadow tree (closed to the page), as the browser sees it. */
async function guideNodes(cdp: CDPSession): Promise<Node[]> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
  const nodes: Node[] = [];
  const walk = (node: Node, inGuide: boolean) => {
    if (inGuide) nodes.push(node);
    const here = inGuide || node.nodeName === 'UNTRAIN-GUIDE';
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child, here);
  };
  walk(root, false);
  return nodes;
}
const guideText = async (cdp: CDPSession) =>
  (await guideNodes(cdp))
    .filter((n) => n.nodeName === '#text')
    .map((n) => n.nodeValue?.trim())
    .join(' | ');

/** Press one of the guide's buttons as a keyboard member does: focus it, Enter (trusted input). */
async function press(page: Page, cdp: CDPSession, name: string) {
  const button = (await guideNodes(cdp)).find(
    (n) => n.nodeName === 'BUTTON' && n.children?.some((c) => c.nodeValue === name),
  );
  if (!button) throw new Error(`no guide button "${name}" in: ${await guideText(cdp)}`);
  await cdp.send('DOM.focus', { nodeId: button.nodeId });
  await page.keyboard.press('Enter');
}

const audit = async (browser: ExtensionBrowser) =>
  (((await browser.storage('local')).audit ?? {}) as Record<string, AuditRecord>)[AI];
const rowText = (popup: Page) =>
  popup
    .locator('li.row', { hasText: settingName(AI) })
    .first()
    .textContent();

it('an unidentified switch switched off by hand through the guide, on a slow page', async () => {
  // Only the guided visit (the second load) is slow: every load of a page with a switch no one can
  // name waits QUIET_MS before the content script reports it anyway.
  const replica = await startReplica('unknown-label', { delayMs: 50, slowLoads: [50, DELAY_MS] });
  const browser = await launchBrowser({ replicaPort: replica.port });
  await browser.setStorage('local', {
    prefs: { regionOverride: null, recheckDays: 30, backgroundChecks: false, covered: [AI] },
    prefs$: { v: 1 },
  });
  const popup = await browser.openPopup();
  const since = Date.now();
  await popup.getByRole('button', { name: words('btn_check_now') }).click();
  await untilRunEnds(browser, { since });
  expect(await audit(browser)).toMatchObject({ state: 'unknown', code: 'unidentified-switch' });
  await expect.poll(() => browser.badgeText()).toBe('?');

  // "Do it with guidance": the guide is there while LinkedIn still draws the page.
  const [guided] = await Promise.all([
    browser.context.waitForEvent('page', { timeout: 10_000 }),
    popup.getByRole('button', { name: words('btn_with_guidance') }).click(),
  ]);
  await guided.waitForLoadState('domcontentloaded');
  const loadedAt = Date.now();
  const cdp = await browser.context.newCDPSession(guided);
  // Before LinkedIn has drawn the switch (DELAY_MS after the document), whatever the machine's load.
  await expect.poll(() => guideText(cdp), { timeout: DELAY_MS, interval: 100 }).toContain(words('guide_looking'));
  const lookingAfter = Date.now() - loadedAt;
  expect(await guided.locator('input[role="switch"]').count()).toBe(0);
  console.log(`guide: "Looking for the switch…" ${lookingAfter} ms after the document loaded`);
  // Then it outlines the one likely switch, in the page's own words (not the catalogue's).
  await expect
    .poll(() => guideText(cdp), { timeout: DELAY_MS + 5000 })
    .toContain(fill('guide_likely', UNKNOWN_TEXT.switch));

  // "I switched it off" without moving it: the reload reads the switch the member pointed out, still on.
  await press(guided, cdp, words('guide_i_did_it'));
  await guided.waitForLoadState('domcontentloaded');
  await expect
    .poll(() => guideText(cdp).catch(() => ''), { timeout: 15_000 })
    .toContain(fill('guide_pointed_on', label));
  await expect
    .poll(() => audit(browser), { timeout: 10_000 })
    .toMatchObject({ state: 'on', pointed: true, verified: false });
  expect(replica.state().switches[AI]).toBe(true);
  const reopened = await browser.openPopup();
  await expect.poll(() => rowText(reopened)).toContain(words('kind_pointed_on'));
  expect(await headline(reopened)).not.toMatch(/LinkedIn turned/);
  await expect.poll(() => browser.badgeText()).toBe('!');

  // The member switches it off themselves (a trusted click), then says so: verified after the reload.
  await guided.locator('input[role="switch"]').click();
  await expect.poll(() => replica.state().switches[AI]).toBe(false);
  await press(guided, cdp, words('guide_i_did_it'));
  await expect
    .poll(() => guideText(cdp).catch(() => ''), { timeout: 15_000 })
    .toContain(fill('guide_pointed_verified', label));
  await expect
    .poll(() => audit(browser), { timeout: 10_000 })
    .toMatchObject({ state: 'off', pointed: true, verified: true });
  await expect.poll(() => rowText(reopened)).toContain(words('kind_pointed_verified'));
  await expect.poll(() => headline(reopened)).toBe(fill('head_all_off_verified', '1'));
  await expect.poll(() => browser.badgeText()).toBe('');
  // Untrain itself never clicked it: every change LinkedIn saw came from the member's page.
  expect(replica.state().switches[AI]).toBe(false);
}, 90_000);
