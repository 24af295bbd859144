import type { Setting } from '../catalogue/schema';
import { SETTINGS } from '../catalogue/settings';

/** The catalogued setting with this id, if any. */
export function settingById(id: string): Setting | undefined {
  return SETTINGS.find((s) => s.id === id);
}
