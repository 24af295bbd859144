import { MANUAL_STEPS } from './manual-steps.ts';
import { REGIONS } from './regions.ts';
import { ManualStep, PolicyEvent, parseAll, Region, Setting } from './schema.ts';
import { SETTINGS } from './settings.ts';
import { TIMELINE } from './timeline.ts';

/**
 * Prove every catalogue record against its schema; throws one readable line per problem, naming the
 * record. Runs when the extension is built and in the unit tests, never in the shipped code.
 */
export function validateCatalogue(): void {
  parseAll(Setting, SETTINGS, 'setting');
  parseAll(ManualStep, MANUAL_STEPS, 'manual step');
  parseAll(PolicyEvent, TIMELINE, 'policy event');
  parseAll(Region, REGIONS, 'region');
  const ids = [...SETTINGS, ...MANUAL_STEPS, ...TIMELINE].map((r) => r.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`Invalid catalogue: the id "${twice}" is used twice`);
}
