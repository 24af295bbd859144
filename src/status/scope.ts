import { OBJECTION_FORM } from '../catalogue/objection-form';
import type { RegionId } from '../catalogue/schema';
import { SETTINGS } from '../catalogue/settings';
import type { Audit, ManualDone, Prefs } from '../storage';
import { offeredIn } from './setting-status';

/** Recommended: what trains AI and what is shared; everything: every switch Untrain can turn off. */
export type Scope = 'recommended' | 'everything' | 'custom';

export const RECOMMENDED: readonly string[] = SETTINGS.filter((s) => s.oneClickDefault).map((s) => s.id);
export const EVERYTHING: readonly string[] = SETTINGS.map((s) => s.id);

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

export function scopeOf(covered: readonly string[]): Scope {
  if (sameSet(covered, RECOMMENDED)) return 'recommended';
  if (sameSet(covered, EVERYTHING)) return 'everything';
  return 'custom';
}

export function coveredFor(scope: Exclude<Scope, 'custom'>): string[] {
  return [...(scope === 'recommended' ? RECOMMENDED : EVERYTHING)];
}

export type ToDo = { kind: 'setting'; settingId: string } | { kind: 'step'; stepId: string };

/** The manual step every member is pointed to after switching off: the objection form. */
export const OBJECTION_STEP = OBJECTION_FORM.id;

/**
 * What is left after the chosen scope is done: settings outside it that were last read on (a
 * reading, never a guess), then the objection form unless the member marked it done.
 */
export function stillToDo(
  audit: Audit,
  prefs: Pick<Prefs, 'covered' | 'keptOn'>,
  manualDone: ManualDone,
  region: RegionId,
): ToDo[] {
  const kept = prefs.keptOn ?? [];
  const readExposed = (id: string, privateValue: string) => {
    const state = audit[id]?.state;
    return (state === 'on' || state === 'off') && state !== privateValue;
  };
  const settings: ToDo[] = SETTINGS.filter(
    (s) =>
      !prefs.covered.includes(s.id) &&
      !kept.includes(s.id) &&
      offeredIn(s, region) &&
      readExposed(s.id, s.privateValue),
  ).map((s) => ({ kind: 'setting', settingId: s.id }));
  const form = OBJECTION_FORM;
  const formLeft = !manualDone[form.id] && (form.appliesTo === 'all' || form.appliesTo.includes(region));
  return formLeft ? [...settings, { kind: 'step', stepId: OBJECTION_STEP }] : settings;
}
