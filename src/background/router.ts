import { type Browser, browser } from 'wxt/browser';
import { settingById } from '../catalogue-query/setting';
import { LINKEDIN_HOST } from '../linkedin/selectors';
import { CsToBg, UiToBg } from '../protocol/channels';
import type { FlipResult, PageReport } from '../protocol/report';
import { read, update } from '../storage';
import { recordPassiveReport } from './audit';
import { captureSetting, captureTab } from './capture';
import { nowIso } from './environment';
import { offerGuide } from './guide-tab';
import { recordClaim, withPointed } from './pointed';
import { cancelRun, dispatch, start } from './runner';
import { scheduleAlarms } from './schedule';

type Sender = Browser.runtime.MessageSender;

const extensionOrigin = () => new URL(browser.runtime.getURL('/')).origin;

/** Our own pages (popup, options, checklist), whether in the toolbar or in a tab. */
export function isOwnPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && !!sender.url && new URL(sender.url).origin === extensionOrigin();
}

/** Our content script, in the top frame of a LinkedIn tab. */
export function isLinkedInTab(sender: Sender): sender is Sender & { tab: { id: number } } {
  if (sender.id !== browser.runtime.id || sender.tab?.id === undefined || sender.frameId !== 0 || !sender.url)
    return false;
  const url = new URL(sender.url);
  return url.protocol === 'https:' && url.host === LINKEDIN_HOST;
}

/**
 * The background's one message entry point. Anything that fails the schema or comes from an
 * unexpected sender is dropped (counted, never acted on) and gets no answer.
 */
export async function handleMessage(message: unknown, sender: Sender): Promise<unknown> {
  if (isOwnPage(sender)) {
    const parsed = UiToBg.safeParse(message);
    // A refusal (storage full, a tab that could not be opened) is answered, so the page can say why.
    if (parsed.success)
      return handleUi(parsed.data).catch((error: unknown) => {
        console.error('Untrain: a page’s request failed', error);
        return { error: error instanceof Error ? error.message : String(error) };
      });
  } else if (isLinkedInTab(sender)) {
    const parsed = CsToBg.safeParse(message);
    if (parsed.success) {
      const { data } = parsed;
      if (data.type === 'cs:report') return handleReport(data.report, sender.tab.id);
      if (data.type === 'cs:flipped') return handleFlip(data.result, sender.tab.id);
      if (data.type === 'cs:pointed') return recordClaim(sender.tab.id, sender.url!, data.settingId, data.fingerprint);
      return handleLoading(data, sender.tab.id);
    }
  }
  await update('droppedMessages', (n) => n + 1);
  return undefined;
}

async function handleUi(message: UiToBg): Promise<unknown> {
  switch (message.type) {
    case 'ui:startRun':
      return { runId: (await start('opt-out')).id };
    case 'ui:checkNow':
      return { runId: (await start('audit', message.scope)).id };
    case 'ui:openGuided': {
      const setting = settingById(message.settingId);
      if (!setting) return { opened: false };
      // Where the setting was last found, if LinkedIn had moved it; else its catalogued address.
      const url = (await read('audit'))[setting.id]?.foundAt ?? setting.url;
      const tab = await browser.tabs.create({ url, active: true });
      if (tab.id !== undefined) await update('guides', (guides) => ({ ...guides, [tab.id!]: setting.id }));
      return { opened: true };
    }
    case 'ui:cancelRun':
      await cancelRun();
      return { ok: true };
    case 'ui:resetAll':
      // A run under way is cancelled first, which closes its own tab (and only that).
      await cancelRun();
      await Promise.all([browser.storage.local.clear(), browser.storage.session?.clear()]);
      await browser.alarms.clearAll();
      await scheduleAlarms();
      return { ok: true };
    case 'ui:captureTab':
      return captureTab(message.tabId);
    case 'ui:captureSetting':
      return captureSetting(message.settingId);
  }
}

async function handleFlip(result: FlipResult, tabId: number): Promise<undefined> {
  await dispatch({ type: 'flip-result', tabId, result });
  return undefined;
}

/** LinkedIn is slow in the run's tab: the run records how long (the popup says so) and is not nudged meanwhile. */
async function handleLoading(note: { url: string; loadedAt: number; waitedMs: number }, tabId: number) {
  const run = await read('run');
  const { url, loadedAt, waitedMs } = note;
  if (run?.status === 'running' && run.tabId === tabId)
    await dispatch({ type: 'loading', tabId, url, loadedAt, waitedMs });
  return undefined;
}

async function handleReport(made: PageReport, tabId: number): Promise<undefined> {
  const run = await read('run');
  const report = await withPointed(made, tabId);
  if (run?.status === 'running' && run.tabId === tabId) {
    void dispatch({ type: 'report', tabId, report });
    return undefined;
  }
  const resume = await recordPassiveReport(report, nowIso());
  // The member signed in after a run stopped at the sign-in page: it picks up from the start.
  if (resume) await start(resume.mode, resume.scope);
  // A guided tab whose document the guide could not be shown in at once.
  await offerGuide(tabId, report.lang);
  return undefined;
}
