import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, write } from '../../../src/storage';
import { startHowWeKnow } from '../../../src/ui/how';
import { freshPage, text } from './helpers';

let root: HTMLElement;

beforeEach(() => {
  ({ root } = freshPage());
});

describe('how we know', () => {
  it('shows the policy dates for the region, and where sources disagree', async () => {
    await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'eu-eea' });
    await startHowWeKnow(root);
    expect(text(root.querySelector('h1'))).toBe('How we know');
    expect(document.title).toBe('How we know');
    const events = [...root.querySelectorAll('.timeline > li')];
    expect(events.map((li) => li.querySelector('time')!.getAttribute('datetime'))).toEqual([
      '2024-11-20',
      '2025-09-18',
      '2025-11-03',
      '2025-11-04',
      '2025-11-07',
      '2026-08-21',
    ]);
    const expansion = events[2]!;
    expect(text(expansion)).toContain('November 3, 2025 Your data is used from this date unless you opted out');
    expect(text(expansion)).toContain(
      'AI training on member data was extended to the EU, EEA, Switzerland, the UK, Canada and Hong Kong',
    );
    expect(text(expansion)).toContain('Sources disagree:');
    expect(text(expansion)).toContain(
      'One outlet gives 9 November 2025 as the effective date, which appears to be a typo. Date given: ' +
        'November 9, 2025',
    );
    expect(text(expansion)).toContain('Regions given: EU / EEA, Switzerland, United Kingdom');
    expect([...expansion.querySelectorAll('.disputed a')].map((a) => a.getAttribute('href'))).toContain(
      'https://www.linkedin.com/legal/privacy/eu',
    );
  });
});
