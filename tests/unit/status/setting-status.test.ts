import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../../src/catalogue/settings';
import { settingStatus } from '../../../src/status/setting-status';
import type { AuditRecord } from '../../../src/storage';

const now = new Date('2026-12-02T10:00:00Z');
const ai = SETTINGS.find((s) => s.id === 'ai-training')!;
// The catalogue limits no setting to some regions today; the data allows it, so the rule is kept tested.
const usOnly = { ...ai, availableIn: ['us' as const] };
const read = (state: AuditRecord['state']): AuditRecord => ({
  state,
  observedAt: '2026-12-01T10:00:00Z',
  how: 'audit',
  verified: false,
  lang: 'en',
});

describe('settingStatus', () => {
  it('a setting never read is never-checked where the catalogue says it is offered, not applicable elsewhere', () => {
    expect(settingStatus(usOnly, undefined, 'us', 30, now).state).toBe('never-checked');
    expect(settingStatus(usOnly, undefined, 'eu-eea', 30, now).state).toBe('not-applicable');
  });

  it('a reading wins over the region: a switch seen on is exposed even where it should not exist', () => {
    expect(settingStatus(usOnly, read('on'), 'eu-eea', 30, now).state).toBe('exposed');
    expect(settingStatus(usOnly, read('off'), 'eu-eea', 30, now).state).toBe('private');
    expect(settingStatus(usOnly, read('unknown'), 'eu-eea', 30, now).state).toBe('unknown');
  });
});
