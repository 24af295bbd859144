import { LINKEDIN_ORIGIN } from '../linkedin/selectors.ts';
import type { ManualStep } from './schema.ts';
import { EU_RPN, GAI_HELP } from './sources.ts';

/**
 * The objection form, in a module of its own so the popup (which points every member to it) loads
 * it without the other manual steps. Listed (and validated at build time) with them in MANUAL_STEPS.
 */
export const OBJECTION_FORM: ManualStep = {
  id: 'objection-form',
  url: `${LINKEDIN_ORIGIN}/help/linkedin/ask/TS-DPRO`,
  kind: 'form',
  appliesTo: 'all',
  sources: [
    EU_RPN,
    GAI_HELP,
    { url: 'https://www.dutchcowboys.nl/socialmedia/linkedin-gaat-je-data-gewoon-gebruiken-om-ai-te-trainen' },
  ],
  confidence: 'high',
};
