// Issue 26: what the member is told after real runs of the engine (not states written into
// storage): their own choices, an old tab, a LinkedIn error page, saves that fail, the
// "Everything" scope, a full storage. Each case checks the replica's truth, the popup's words and
// the badge. Cases share a browser where they can: a launch costs seconds on a 2-core machine.
import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/catalogue/settings';
import type { AuditRecord } from '../../src/storage';
import { type ExtensionBrowser, launchBrowser, startReplica, untilRunEnds } from './harness';
import { showState } from './popup-measure';
import { headline, settingName, words } from './run-helpers';

const COVERED = SETTINGS.filter((s) => s.oneClickDefault).map((s) => s.id);
const urlOf = (id: string) => new URL(SETTINGS.find((s) => s.id === id)!.url).pathname;
const fill = (key: string, ...subs: (string | number)[]) =>
  subs.reduce<string>((text, sub) => text.replace(/\$[A-Z_]+\$/, String(sub)), words(key));

async function openChecklist(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/checklist.html`);
  await page.locator('h1').waitFor();
  return page;
}

const audit = async (browser: ExtensionBrowser) =>
  ((await browser.storage('local')).audit ?? {}) as Record<string, AuditRecord>;

/** Press the popup's main button (polled: the popup re-renders from storage) and wait for the run it starts. */
async function run(browser: ExtensionBrowser, popup: Page, name: string | RegExp) {
  const since = Date.now();
  await popup.getByRole('button', { name }).click();
  return untilRunEnds(browser, { since, timeoutMs: 60_000 });
}

/** Every text of the popup's rows, in view or folded. */
const rowText = (popup: Page, id: string) =>
  popup
    .locator('li.row', { hasText: settingName(id) })
    .first()
    .textContent();

/** Storage as the popup read it during the runs below, for the popup-fit check at the end. */
const reached: Record<string, unknown>[] = [];

/** Sample storage while `work` runs (and once after): the states a real run passes through. */
async function sampling<T>(browser: ExtensionBrowser, work: Promise<T>): Promise<T> {
  let done = false;
  const loop = (async () => {
    while (!done) {
      reached.push(await browser.storage('local'));
      await new Promise((wake) => setTimeout(wake, 400));
    }
  })();
  try {
    return await work;
  } finally {
    done = true;
    await loop;
    reached.push(await browser.storage('local'));
  }
}

describe('the member’s own choices are never told as alarms', () => {
  it('keep on + run; an old tab’s replaceState; turn back on; a switch turned on by hand', async () => {
    const replica = await startReplica('en-all-on', { delayMs: 50 });
    const browser = await launchBrowser({ replicaPort: replica.port });
    // A tab opened before anything else reads the partners switch on.
    const old = await browser.open(urlOf('share-with-partners'));
    await expect.poll(async () => (await audit(browser))['share-with-partners']?.state).toBe('on');

    const popup = await browser.openPopup();
    await run(browser, popup, 'Check now');
    const checklist = await openChecklist(browser);
    await checklist.getByRole('button', { name: `Keep this on: ${settingName('ai-training')}` }).click();

    // Keep on + run: AI training stays on at LinkedIn, the rest is switched off and verified.
    const optOut = await sampling(browser, run(browser, popup, fill('btn_run_custom', 5)));
    expect(optOut.results.map((r) => r.settingId)).not.toContain('ai-training');
    const truth = replica.state().switches;
    expect(truth['ai-training']).toBe(true);
    for (const id of COVERED.filter((i) => i !== 'ai-training')) expect(truth[id], id).toBe(false);
    await expect
      .poll(() => headline(popup))
      .toBe(`${fill('head_chosen_one', settingName('ai-training'))} · ${fill('head_all_off_verified', 5)}`);
    await expect.poll(() => browser.badgeText()).toBe('');
    expect(await rowText(popup, 'ai-training')).toContain(words('kind_on_by_choice'));

    // The old tab changes its address in place after the newer run: its reading (on) is older.
    await old.evaluate(() => history.replaceState(null, '', `${location.pathname}?trk=old`));
    await new Promise((done) => setTimeout(done, 2500));
    expect((await audit(browser))['share-with-partners']).toMatchObject({ state: 'off', verified: true });
    expect(await browser.badgeText()).toBe('');
    expect(await headline(popup)).not.toMatch(/back on/);

    // Turn back on, through the checklist: the member switches it on in the tab it opens.
    await checklist.reload();
    // The one-click step is done, so its items are folded away.
    await checklist.locator('#walk-one-click > details > summary').click();
    const [guided] = await Promise.all([
      browser.context.waitForEvent('page', { timeout: 10_000 }),
      checklist.getByRole('button', { name: new RegExp(`^Turn back on.*${settingName('research')}`) }).click(),
    ]);
    await guided.locator('input[role="switch"]').click();
    await expect.poll(() => replica.state().switches.research).toBe(true);
    await expect.poll(async () => (await audit(browser)).research?.state, { timeout: 10_000 }).toBe('on');
    const reopened = await browser.openPopup();
    await expect.poll(() => rowText(reopened, 'research')).toContain(words('kind_on_by_choice'));
    expect(await headline(reopened)).not.toMatch(/LinkedIn turned/);
    await expect.poll(() => browser.badgeText()).toBe('');

    // By hand on LinkedIn's page, without Untrain: the member's change, never "verified", never an alarm.
    const page = await browser.open(urlOf('ads-beyond-linkedin'));
    await page.locator('input[role="switch"]').click();
    await expect.poll(() => replica.state().switches['ads-beyond-linkedin']).toBe(true);
    await expect
      .poll(() => rowText(reopened, 'ads-beyond-linkedin'), { timeout: 10_000 })
      .toContain(words('kind_on_by_hand'));
    // A reload reads it on again: still the member's, never "LinkedIn turned it back on".
    await page.reload();
    await new Promise((done) => setTimeout(done, 1500));
    expect(await rowText(reopened, 'ads-beyond-linkedin')).toContain(words('kind_on_by_hand'));
    expect(await headline(reopened)).not.toMatch(/LinkedIn turned/);
    expect(await browser.badgeText()).toBe('');
  }, 120_000);
});

describe('partial failures say what happened', () => {
  it('storage full; a 500 page among all 13 (the Everything scope); saves that fail', async () => {
    const replica = await startReplica('en-all-on', { delayMs: 50, failPages: { research: 500 } });
    const browser = await launchBrowser({ replicaPort: replica.port });
    const popup = await browser.openPopup();

    // Storage full: pressing a button says so, and nothing runs.
    await popup.evaluate(async () => {
      const used = await chrome.storage.local.getBytesInUse(null);
      await chrome.storage.local.set({ filler: 'x'.repeat(chrome.storage.local.QUOTA_BYTES - used - 64) });
    });
    await popup.getByRole('button', { name: words('btn_check_now') }).click();
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain(words('error_storage_full'));
    expect(replica.state().visits.filter((v) => v.path.startsWith('/mypreferences'))).toEqual([]);
    expect(await browser.badgeText()).toBe('?');
    await popup.evaluate(() => chrome.storage.local.remove('filler'));

    // Everything, with one page answering 500: the button names the scope, the headline counts.
    await popup.locator('details.scope-box summary').click();
    await popup.getByRole('radio', { name: /^Everything/ }).check();
    const first = await sampling(browser, run(browser, popup, fill('btn_run_everything', 13)));
    expect(first.results).toHaveLength(13);
    expect(first.results.find((r) => r.settingId === 'research')).toMatchObject({ code: 'error-page' });
    expect(replica.state().switches.research).toBe(true);
    const read = first.results.filter((r) => r.settingId !== 'research' && r.outcome !== 'not-offered');
    for (const r of read) expect(replica.state().switches[r.settingId], r.settingId).toBe(false);
    await expect
      .poll(() => headline(popup))
      .toMatch(new RegExp(`^${fill('head_some_off', read.length, read.length + 1)} · ${fill('head_error_page', 1)}`));
    expect(await popup.locator('.status').textContent()).not.toMatch(/not checked/);
    expect(await rowText(popup, 'research')).toContain(fill('kind_error_page_code', 500));
    expect(await popup.locator('.actions .primary').textContent()).toBe(words('btn_try_again'));
    expect(await browser.badgeText()).toBe('?');

    // Saves that fail: LinkedIn never keeps the click (one setting: each try waits for the switch).
    replica.setScenario('write-fails', { delayMs: 50 });
    await browser.setStorage('local', {
      prefs: { regionOverride: null, recheckDays: 30, backgroundChecks: false, covered: ['research'] },
      prefs$: { v: 1 },
    });
    await sampling(browser, run(browser, popup, words('btn_try_again')));
    expect(replica.state().switches.research).toBe(true);
    await expect.poll(() => headline(popup)).toMatch(new RegExp(`^${fill('fail_generic_one', 1)}`));
    expect(await headline(popup)).not.toMatch(/verified/);
    expect(await rowText(popup, 'research')).toContain(words('outcome_failed'));
    expect(await popup.locator('.actions .primary').textContent()).toBe(words('btn_with_guidance'));
    await expect.poll(() => browser.badgeText()).toBe('!');
  }, 150_000);
});

describe('the settings outside the chosen scope can be read without switching anything off', () => {
  it('default run, then "Check the other 7 — read only": LinkedIn unchanged, readings shown, no alarm', async () => {
    const replica = await startReplica('en-all-on', { delayMs: 50 });
    const browser = await launchBrowser({ replicaPort: replica.port });
    const popup = await browser.openPopup();
    await sampling(browser, run(browser, popup, fill('btn_run_recommended', COVERED.length)));
    const outside = SETTINGS.map((s) => s.id).filter((id) => !COVERED.includes(id));
    const checkRest = fill('btn_check_rest_other', outside.length);
    await expect.poll(() => popup.locator('.actions .primary').textContent()).toBe(words('btn_objection_form'));
    expect(await popup.locator('.status').textContent()).toContain(fill('head_outside_unchecked_other', 7));

    const changes = replica.state().changes.length;
    const check = await sampling(browser, run(browser, popup, checkRest));
    expect(check.mode).toBe('audit');
    expect(check.results.map((r) => r.settingId).sort()).toEqual(SETTINGS.map((s) => s.id).sort());
    // Read only: LinkedIn received no change, and every switch is where the run left it.
    expect(replica.state().changes).toHaveLength(changes);
    for (const id of outside) expect(replica.state().switches[id], id).toBe(true);
    for (const id of COVERED) expect(replica.state().switches[id], id).toBe(false);

    // The readings are facts beside the scope, which is still done: no alarm, no badge.
    await expect.poll(() => popup.locator('.status').textContent()).toContain(fill('head_outside_on_other', 7));
    expect(await headline(popup)).toBe(fill('head_all_off', COVERED.length));
    expect(await popup.locator('.todo').textContent()).toContain(fill('todo_settings_on_other', 7));
    expect(await popup.getByRole('button', { name: checkRest }).count()).toBe(0);
    expect(await browser.badgeText()).toBe('');
    await browser.close();
  }, 90_000);
});

// Chrome shows an extension popup at most 600 px high; anything taller scrolls inside it.
const MAX_HEIGHT = 600;
const LANGS = readdirSync('public/_locales').map((lang) => (lang === 'en' ? 'en-US' : lang.replace('_', '-')));

/** Show one stored state in the popup at its 400 px width, the capture offer open when it is offered. */
const heightOf = async (popup: Page, local: Record<string, unknown>) =>
  (await showState(popup, local, { openOffer: true })).height;

describe('the popup fits 600 px in every state the runs above reached', () => {
  it('each sampled state, in every shipped language (the tallest English ones in the others)', async () => {
    const states = [...new Map(reached.map((s) => [JSON.stringify(s), s])).values()];
    if (process.env.DUMP_STATES)
      (await import('node:fs')).writeFileSync(process.env.DUMP_STATES, JSON.stringify(states));
    expect(states.length).toBeGreaterThan(5);
    const replica = await startReplica('en-all-on', { delayMs: 50 });
    const heights: { locale: string; state: number; height: number }[] = [];
    let tallest: number[] = [];
    for (const locale of LANGS) {
      const browser = await launchBrowser({ replicaPort: replica.port, locale });
      const popup = await browser.openPopup();
      await popup.setViewportSize({ width: 400, height: 1200 });
      const which = locale === 'en-US' ? states.map((_, i) => i) : tallest;
      for (const i of which) heights.push({ locale, state: i, height: await heightOf(popup, states[i]!) });
      if (locale === 'en-US')
        tallest = heights
          .toSorted((a, b) => b.height - a.height)
          .slice(0, 5)
          .map((h) => h.state);
      await browser.close();
    }
    const tooTall = heights.filter((h) => h.height > MAX_HEIGHT);
    console.log(`${states.length} states; tallest`, heights.toSorted((a, b) => b.height - a.height).slice(0, 3));
    expect(tooTall).toEqual([]);
  }, 120_000);
});

declare const chrome: {
  storage: {
    local: {
      clear(): Promise<void>;
      QUOTA_BYTES: number;
      getBytesInUse(keys: null): Promise<number>;
      set(i: object): Promise<void>;
      remove(key: string): Promise<void>;
    };
  };
};
