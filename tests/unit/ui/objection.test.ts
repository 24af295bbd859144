import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { REGION_IDS, type RegionId } from '../../../src/catalogue/schema';
import { read, write } from '../../../src/storage';
import { ANSWER_AFTER_DAYS, objectionStep, objectionView, suggestedText } from '../../../src/ui/objection';
import { addDays } from '../../../src/util/dates';
import { chromeMessage, flush, loadMessages, text, useEnglish } from './helpers';

const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'pt_BR'];
const NOW = new Date('2026-03-15T12:00:00');
const ago = (days: number) => addDays(NOW, -days).toISOString();

describe('objectionView', () => {
  it.each<[string, RegionId, string | undefined, string, readonly string[]]>([
    ['EU, not sent', 'eu-eea', undefined, 'to-send', ['objection_adds', 'objection_right', 'objection_how']],
    ['UK, not sent', 'uk', undefined, 'to-send', ['objection_adds', 'objection_right', 'objection_how']],
    ['Switzerland, not sent', 'ch', undefined, 'to-send', ['objection_adds', 'objection_right', 'objection_how']],
    ['US, not sent: optional', 'us', undefined, 'to-send', ['objection_adds', 'objection_optional', 'objection_how']],
    [
      'Canada, not sent: optional',
      'ca',
      undefined,
      'to-send',
      ['objection_adds', 'objection_optional', 'objection_how'],
    ],
    [
      'other, not sent: optional',
      'other',
      undefined,
      'to-send',
      ['objection_adds', 'objection_optional', 'objection_how'],
    ],
    ['sent today', 'eu-eea', ago(0), 'sent', ['objection_sent']],
    ['sent 29 days ago', 'us', ago(29), 'sent', ['objection_sent']],
    ['sent 30 days ago: look for the answer', 'eu-eea', ago(ANSWER_AFTER_DAYS), 'answer-due', ['objection_answer_due']],
    ['sent 90 days ago', 'uk', ago(90), 'answer-due', ['objection_answer_due']],
  ])('%s', (_, region, sentAt, state, lines) => {
    const view = objectionView(region, sentAt, NOW);
    expect(view.state).toBe(state);
    expect(view.lines).toEqual(lines);
  });

  it('reminds from the start of the 30th day after sending, in local time', () => {
    const view = objectionView('eu-eea', '2026-03-01T23:30:00', NOW);
    expect(view.state === 'sent' && view.remindOn).toEqual(new Date('2026-03-31T00:00:00'));
  });

  it('every region is either one with the right to object or one where it is optional', () => {
    const optional = REGION_IDS.filter((r) => objectionView(r, undefined, NOW).lines[1] === 'objection_optional');
    expect(optional).toEqual(['ca', 'hk', 'us', 'in', 'other']);
  });
});

describe.each(LOCALES)('%s suggested text', (locale) => {
  const messages = loadMessages(locale);
  it('is under 600 characters with the AI switch named, and every line of the step exists', () => {
    const textOut = chromeMessage(messages, 'objection_text', [messages.setting_ai_training_name!.message]);
    expect(textOut.length).toBeGreaterThan(200);
    expect(textOut.length).toBeLessThan(600);
    expect(textOut).toContain(messages.setting_ai_training_name!.message);
    for (const key of ['objection_right', 'objection_optional', 'objection_how', 'objection_sent'])
      expect(messages[key]?.message, key).toBeTruthy();
  });
});

describe('objectionStep', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglish();
  });
  const buttons = (el: HTMLElement) => [...el.querySelectorAll('button, a')].map((b) => text(b));

  it('before sending: three lines, two buttons, then “I’ve sent it”, which marks the step done', async () => {
    const el = objectionStep('us', undefined, NOW);
    document.body.replaceChildren(el);
    const lines = [...el.querySelectorAll(':scope > p:not(.buttons):not([role])')].map((p) => text(p));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^Optional: outside the EU\/EEA, the UK and Switzerland/);
    expect(buttons(el)).toEqual(['Copy suggested text', 'Open the form', 'I’ve sent it']);
    expect(el.querySelector('a')!.getAttribute('href')).toMatch(/^https:\/\/www\.linkedin\.com\/help\//);
    (el.querySelector('[data-focus="objection-sent"]') as HTMLButtonElement).click();
    await flush();
    expect((await read('manualDone'))['objection-form']).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('copies the suggested text, and shows it to copy by hand when the browser blocks copying', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: (s: string) => {
          copied.push(s);
          return Promise.resolve();
        },
      },
    });
    let el = objectionStep('eu-eea', undefined, NOW);
    (el.querySelector('[data-focus="objection-copy"]') as HTMLButtonElement).click();
    await flush();
    expect(copied).toEqual([suggestedText()]);
    expect(copied[0]).toContain('“Data for generative AI improvement”');
    expect(text(el.querySelector('[role="status"]'))).toBe('Copied: paste it into the form.');

    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new Error('blocked')) },
    });
    el = objectionStep('eu-eea', undefined, NOW);
    const fallback = el.querySelector('textarea')!;
    expect(fallback.hidden).toBe(true);
    (el.querySelector('[data-focus="objection-copy"]') as HTMLButtonElement).click();
    await flush();
    expect(fallback.hidden).toBe(false);
    expect(fallback.value).toBe(suggestedText());
    expect(text(el.querySelector('[role="status"]'))).toMatch(/^Copying was blocked/);
  });

  it('after sending: when the reminder comes, then the reminder itself; undo clears the step', async () => {
    await write('manualDone', { 'objection-form': ago(3) });
    const sent = objectionStep('eu-eea', ago(3), NOW);
    expect(text(sent)).toMatch(/^Sent on Mar 12, 2026\. From Apr 11, 2026, Untrain reminds you here/);
    expect(buttons(sent)).toEqual(['Mark as not done']);
    const due = objectionStep('eu-eea', ago(31), NOW);
    expect(due.dataset.state).toBe('answer-due');
    expect(text(due)).toMatch(/^Sent on Feb 12, 2026: time to look in your e-mail for LinkedIn’s answer\./);
    (sent.querySelector('button') as HTMLButtonElement).click();
    await flush();
    expect(await read('manualDone')).toEqual({});
  });
});
