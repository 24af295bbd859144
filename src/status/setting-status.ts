import type { Availability, RegionId, Setting } from '../catalogue/schema';
import type { AuditRecord } from '../storage';
import { addDays } from '../util/dates';

/**
 * What the member should know about one setting:
 * private — last read private (off); exposed — last read on; not-offered — LinkedIn does not show it;
 * not-applicable — the catalogue says it is not offered in the region and it was never read;
 * unknown — the last read could not identify the switch; never-checked — no read yet.
 * `stale` says the last read is older than the re-check interval.
 */
export type SettingState = 'private' | 'exposed' | 'not-offered' | 'not-applicable' | 'unknown' | 'never-checked';

export interface SettingStatus {
  settingId: string;
  state: SettingState;
  stale: boolean;
  record?: AuditRecord;
}

/** Whether something available in `availability` (a setting, a manual step) applies in the region. */
export const appliesIn = (availability: Availability, region: RegionId): boolean =>
  availability === 'all' || availability.includes(region);

export const offeredIn = (setting: Setting, region: RegionId): boolean => appliesIn(setting.availableIn, region);

export function settingStatus(
  setting: Setting,
  record: AuditRecord | undefined,
  region: RegionId,
  recheckDays: number,
  now: Date,
): SettingStatus {
  if (!record) {
    return {
      settingId: setting.id,
      state: offeredIn(setting, region) ? 'never-checked' : 'not-applicable',
      stale: false,
    };
  }
  const state: SettingState =
    record.state === 'unknown' || record.state === 'not-offered'
      ? record.state
      : record.state === setting.privateValue
        ? 'private'
        : 'exposed';
  const stale = now.getTime() >= addDays(record.observedAt, recheckDays).getTime();
  return { settingId: setting.id, state, stale, record };
}
