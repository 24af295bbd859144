import { LINKEDIN_ORIGIN } from '../linkedin/selectors.ts';
import { OBJECTION_FORM } from './objection-form.ts';
import type { ManualStep } from './schema.ts';
import { DATA_SHARING_HELP, EU_RPN, TECH_WIRE } from './sources.ts';

/** Steps no script may take for the member: the extension links, explains and lets them mark done. */
export const MANUAL_STEPS: readonly ManualStep[] = [
  OBJECTION_FORM,
  {
    id: 'profile-visibility',
    url: `${LINKEDIN_ORIGIN}/public-profile/settings`,
    kind: 'review',
    appliesTo: 'all',
    sources: [EU_RPN],
    confidence: 'high',
  },
  {
    id: 'permitted-services',
    url: `${LINKEDIN_ORIGIN}/mypreferences/d/data-sharing-for-permitted-services`,
    kind: 'review',
    appliesTo: 'all',
    sources: [EU_RPN],
    confidence: 'high',
  },
  {
    id: 'download-data',
    url: `${LINKEDIN_ORIGIN}/mypreferences/d/download-my-data`,
    kind: 'download',
    appliesTo: 'all',
    sources: [{ url: 'https://www.linkedin.com/help/linkedin/answer/a1339364' }],
    confidence: 'medium',
  },
  {
    // The privacy policy's opt-out from premium customers exporting members' profile data; no switch
    // hook is known for it, so it is a page the member reviews (docs/sources.md §1).
    id: 'premium-data-export',
    url: `${LINKEDIN_ORIGIN}/psettings/data-sharing`,
    kind: 'review',
    appliesTo: 'all',
    sources: [{ url: 'https://www.linkedin.com/legal/privacy-policy' }],
    confidence: 'medium',
  },
  {
    id: 'microsoft-ad-settings',
    url: `${LINKEDIN_ORIGIN}/help/linkedin/answer/a1397243`,
    externalUrl: 'https://account.microsoft.com/privacy/ad-settings',
    kind: 'external',
    appliesTo: ['us', 'in', 'ca', 'hk', 'other', 'uk'],
    sources: [TECH_WIRE, DATA_SHARING_HELP],
    confidence: 'medium',
  },
];
