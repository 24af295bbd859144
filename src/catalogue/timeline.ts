import dayjs from 'dayjs';
import type { PolicyEvent, RegionId } from './schema.ts';
import {
  BITDEFENDER,
  DATA_SHARING_HELP,
  EU_RPN,
  GULF_NEWS,
  HELP_NET_SECURITY,
  HKU_DPO,
  ICO_2024,
  OPC_2024,
  OTA_MEMO_2025,
  PCPD_2024,
  TECH_WIRE,
  TECHCRUNCH_2024,
  TOS25,
  US_NOTICE,
} from './sources.ts';

const OUTSIDE_EUROPE: RegionId[] = ['us', 'in', 'other'];

/** Dated policy events; where sources disagree, the other claims are kept in `disputed`. */
export const TIMELINE: readonly PolicyEvent[] = [
  {
    id: 'ai-default-on-2024',
    date: '2024-09-18',
    kind: 'ai-training-default-on',
    deadline: true,
    regions: OUTSIDE_EUROPE,
    summary:
      'LinkedIn began training generative AI on member data with the switch on by default; the EU, EEA and Switzerland were excluded.',
    sources: [
      TECHCRUNCH_2024,
      { url: 'https://www.404media.co/linkedin-is-training-ai-on-user-data-before-updating-its-terms-of-service/' },
    ],
    confidence: 'high',
    disputed: [
      {
        date: '2024-08-01',
        summary: 'AIAAIC dates the quiet introduction of the setting to August 2024.',
        sources: [
          {
            url: 'https://www.aiaaic.org/aiaaic-repository/ai-algorithmic-and-automation-incidents/linkedin-trains-ai-models-without-user-consent',
          },
        ],
        confidence: 'medium',
      },
    ],
  },
  {
    id: 'uk-hk-ca-default-on-2024',
    date: '2024-09-18',
    kind: 'ai-training-default-on',
    deadline: false,
    regions: ['uk', 'hk', 'ca'],
    summary:
      'The UK, Hong Kong and Canada were part of the default-on rollout until each was paused; the pauses imply training had started there.',
    sources: [ICO_2024, PCPD_2024, OPC_2024],
    confidence: 'high',
  },
  {
    id: 'uk-paused-2024',
    date: '2024-09-20',
    kind: 'ai-training-paused',
    deadline: false,
    regions: ['uk'],
    summary: 'After the ICO raised concerns, LinkedIn paused AI training on UK member data.',
    sources: [ICO_2024],
    confidence: 'high',
  },
  {
    id: 'hk-paused-2024',
    date: '2024-10-11',
    kind: 'ai-training-paused',
    deadline: false,
    regions: ['hk'],
    summary: 'LinkedIn paused AI training on Hong Kong member data after the PCPD stepped in.',
    sources: [PCPD_2024],
    confidence: 'high',
  },
  {
    id: 'user-agreement-2024',
    date: '2024-11-20',
    kind: 'terms',
    deadline: false,
    regions: ['eu-eea', 'ch', 'uk', 'ca', 'hk', 'us', 'in', 'other'],
    summary: 'The new User Agreement covered AI features and made members responsible for AI output they share.',
    sources: [
      {
        url: 'https://en.softonic.com/articles/be-careful-about-sharing-false-or-ai-generated-content-on-linkedin-the-responsibility-will-be-yours-alone',
      },
    ],
    confidence: 'medium',
  },
  {
    id: 'ca-paused-2024',
    date: '2024-12-10',
    kind: 'ai-training-paused',
    deadline: false,
    regions: ['ca'],
    summary:
      'The Canadian privacy commissioner announced that LinkedIn had paused AI training on Canadian member data.',
    sources: [OPC_2024],
    confidence: 'high',
  },
  {
    id: 'terms-2025-announced',
    date: '2025-09-18',
    kind: 'announcement',
    deadline: false,
    regions: ['eu-eea', 'ch', 'uk', 'ca', 'hk', 'us', 'in', 'other'],
    summary:
      'LinkedIn announced new terms taking effect on 3 November 2025, with AI training and Microsoft ad sharing on by default.',
    sources: [HELP_NET_SECURITY, TOS25],
    confidence: 'high',
  },
  {
    id: 'ai-expansion-2025',
    date: '2025-11-03',
    kind: 'ai-training-default-on',
    deadline: true,
    regions: ['eu-eea', 'ch', 'uk', 'ca', 'hk'],
    summary:
      'AI training on member data was extended to the EU, EEA, Switzerland, the UK, Canada and Hong Kong, on by default.',
    sources: [TOS25, BITDEFENDER, HKU_DPO],
    confidence: 'high',
    disputed: [
      {
        regions: ['eu-eea', 'ch', 'uk'],
        summary:
          "LinkedIn's European privacy notice and the Open Terms Archive memo speak only of the EU, EEA, Switzerland and the UK.",
        sources: [EU_RPN],
        confidence: 'high',
      },
      {
        date: '2025-11-09',
        summary: 'One outlet gives 9 November 2025 as the effective date, which appears to be a typo.',
        sources: [
          {
            url: 'https://www.thinkwithniche.com/blogs/news/linkedin-to-share-user-data-with-microsoft-for-ai-and-ads-from-november-3',
          },
        ],
        confidence: 'low',
      },
    ],
  },
  {
    id: 'uk-microsoft-training-2025',
    date: '2025-11-03',
    kind: 'terms',
    deadline: false,
    regions: ['uk'],
    summary:
      'UK members’ posts and other content may be shared with Microsoft to train its models; the same AI switch opts out.',
    sources: [EU_RPN],
    confidence: 'high',
  },
  {
    id: 'microsoft-ad-sharing-2025',
    date: '2025-11-03',
    kind: 'ad-sharing',
    deadline: true,
    regions: ['us', 'in', 'ca', 'hk', 'other'],
    summary:
      'More member data is shared with Microsoft to personalise its ads, unless you turn off data sharing with affiliates and partners.',
    sources: [TOS25, TECH_WIRE, GULF_NEWS],
    confidence: 'medium',
    disputed: [
      {
        regions: ['us', 'in', 'ca', 'hk', 'other', 'uk'],
        summary:
          "LinkedIn's help page says this applies outside the EU, EEA and Switzerland, which would include the UK.",
        sources: [DATA_SHARING_HELP],
        confidence: 'medium',
      },
    ],
  },
  {
    id: 'privacy-policy-affiliates-2025',
    date: '2025-11-04',
    kind: 'terms',
    deadline: false,
    regions: ['eu-eea', 'ch', 'uk', 'ca', 'hk', 'us', 'in', 'other'],
    summary:
      'The global privacy policy lets LinkedIn also receive engagement data from Microsoft, names GitHub as an affiliate, and uses affiliate data for ad targeting.',
    sources: [OTA_MEMO_2025],
    confidence: 'high',
  },
  {
    id: 'irish-dpc-2025',
    date: '2025-11-07',
    kind: 'announcement',
    deadline: false,
    regions: ['eu-eea'],
    summary:
      'The Irish Data Protection Commission said LinkedIn narrowed the data and period used for training and added protections, and stressed it has not approved the processing.',
    sources: [{ url: 'https://www.irishlegal.com/articles/linkedin-changes-ai-plan-after-dpc-intervention' }],
    confidence: 'medium',
  },
  {
    id: 'california-notice-2026',
    date: '2026-02-23',
    kind: 'ad-sharing',
    deadline: false,
    regions: ['us'],
    summary:
      'The California privacy notice says Microsoft may show the ads anywhere, adds related companies as data sources and links the partners switch at its new address.',
    sources: [US_NOTICE],
    confidence: 'high',
  },
  {
    id: 'eu-notice-2026',
    date: '2026-08-21',
    kind: 'terms',
    deadline: false,
    regions: ['eu-eea', 'ch', 'uk'],
    summary:
      'The European privacy notice adds age-enforcement and ID-verification data, with no change to the AI switch or the objection form.',
    sources: [EU_RPN],
    confidence: 'high',
  },
];

/** Events that apply to a region, oldest first. */
export function eventsFor(region: RegionId): PolicyEvent[] {
  return TIMELINE.filter((e) => e.regions.includes(region)).sort((a, b) => dayjs(a.date).diff(dayjs(b.date)));
}

/** Deadlines for the region: dates from which data is used unless the member opted out. */
export function deadlinesFor(region: RegionId): PolicyEvent[] {
  return eventsFor(region).filter((e) => e.deadline);
}
