import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RegionId } from '../../src/catalogue/schema';
import { axeProblems } from './axe';
import { launchBrowser, startReplica } from './harness';
import { showState } from './popup-measure';
import { popupStates } from './popup-states';

// Chrome shows an extension popup at most 600 px high (800 wide); anything taller scrolls inside it.
const MAX_HEIGHT = 600;

// Every shipped language: French, Spanish, Polish and Portuguese run longer than German. English is
// measured as a member in the US sees it, the others as members in the EU/EEA.
const LANGS = readdirSync('public/_locales').map((lang) => ({
  lang,
  locale: lang === 'en' ? 'en-US' : lang.replace('_', '-'),
  region: (lang === 'en' ? 'us' : 'eu-eea') as RegionId,
}));

describe.each(LANGS)('every popup state fits 600 px and stays axe-clean ($lang)', ({ locale, region }) => {
  it('each of the 12 states in popup-states.ts (before, region question, …, signed out, drift)', async () => {
    const replica = await startReplica('en-all-on');
    const browser = await launchBrowser({ replicaPort: replica.port, locale });
    const popup = await browser.openPopup();
    // A tall viewport so the measure is the content's height, not the window's.
    await popup.setViewportSize({ width: 400, height: 1200 });
    const states = popupStates(region);
    const sizes: Record<string, { width: number; height: number }> = {};
    const found: string[] = [];
    for (const state of states) {
      sizes[state.name] = await showState(popup, state.local);
      found.push(...(await axeProblems(popup, `popup, ${state.name}`)));
    }
    expect(Object.keys(sizes)).toHaveLength(12);
    console.log(locale, JSON.stringify(sizes));
    const tooBig = Object.entries(sizes).filter(([, s]) => s.height > MAX_HEIGHT || s.width > 400);
    expect(tooBig, JSON.stringify(sizes)).toEqual([]);
    expect(found, found.join('\n')).toEqual([]);
  });
});
