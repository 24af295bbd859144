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
    sources: [
      TECHCRUNCH_2024,
      { url: 'https://www.404media.co/linkedin-is-training-ai-on-user-data-before-updating-its-terms-of-service/' },
    ],
    confidence: 'high',
    disputed: [
      {
        date: '2024-08-01',
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
    sources: [ICO_2024, PCPD_2024, OPC_2024],
    confidence: 'high',
  },
  {
    id: 'uk-paused-2024',
    date: '2024-09-20',
    kind: 'ai-training-paused',
    deadline: false,
    regions: ['uk'],
    sources: [ICO_2024],
    confidence: 'high',
  },
  {
    id: 'hk-paused-2024',
    date: '2024-10-11',
    kind: 'ai-training-paused',
    deadline: false,
    regions: ['hk'],
    sources: [PCPD_2024],
    confidence: 'high',
  },
  {
    id: 'user-agreement-2024',
    date: '2024-11-20',
    kind: 'terms',
    deadline: false,
    regions: ['eu-eea', 'ch', 'uk', 'ca', 'hk', 'us', 'in', 'other'],
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
    sources: [OPC_2024],
    confidence: 'high',
  },
  {
    id: 'terms-2025-announced',
    date: '2025-09-18',
    kind: 'announcement',
    deadline: false,
    regions: ['eu-eea', 'ch', 'uk', 'ca', 'hk', 'us', 'in', 'other'],
    sources: [HELP_NET_SECURITY, TOS25],
    confidence: 'high',
  },
  {
    id: 'uk-resumed-2025',
    date: '2025-09-23',
    kind: 'announcement',
    deadline: false,
    regions: ['uk'],
    // The ICO's 2024 statement, updated on this date.
    sources: [ICO_2024],
    confidence: 'high',
  },
  {
    id: 'us-notice-2025',
    date: '2025-10-01',
    kind: 'terms',
    deadline: false,
    regions: ['us'],
    sources: [US_NOTICE],
    confidence: 'high',
  },
  {
    id: 'ai-expansion-2025',
    date: '2025-11-03',
    kind: 'ai-training-default-on',
    deadline: true,
    regions: ['eu-eea', 'ch', 'uk', 'ca', 'hk'],
    sources: [TOS25, BITDEFENDER, HKU_DPO],
    confidence: 'high',
    disputed: [
      {
        regions: ['eu-eea', 'ch', 'uk'],
        sources: [EU_RPN],
        confidence: 'high',
      },
      {
        date: '2025-11-09',
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
    sources: [EU_RPN],
    confidence: 'high',
  },
  {
    id: 'microsoft-ad-sharing-2025',
    date: '2025-11-03',
    kind: 'ad-sharing',
    deadline: true,
    regions: ['us', 'in', 'ca', 'hk', 'other'],
    sources: [TOS25, TECH_WIRE, GULF_NEWS],
    confidence: 'medium',
    disputed: [
      {
        regions: ['us', 'in', 'ca', 'hk', 'other', 'uk'],
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
    sources: [OTA_MEMO_2025],
    confidence: 'high',
  },
  {
    id: 'irish-dpc-2025',
    date: '2025-11-07',
    kind: 'announcement',
    deadline: false,
    regions: ['eu-eea'],
    sources: [
      {
        url: 'https://www.irishlegal.com/articles/linkedin-changes-ai-plan-after-dpc-internvetion',
        note: 'Irish Legal News, "LinkedIn changes AI plan after DPC intervention" (7 Nov 2025)',
      },
      {
        url: 'https://www.pinsentmasons.com/en-gb/out-law/news/linkedin-gen-ai-training-plans-data-watchdog-intervenes',
        note: 'Pinsent Masons Out-Law news on the DPC intervention',
      },
    ],
    confidence: 'medium',
  },
  {
    id: 'california-notice-2026',
    date: '2026-02-23',
    kind: 'ad-sharing',
    deadline: false,
    regions: ['us'],
    sources: [US_NOTICE],
    confidence: 'high',
  },
  {
    id: 'eu-notice-2026',
    date: '2026-08-21',
    kind: 'terms',
    deadline: false,
    regions: ['eu-eea', 'ch', 'uk'],
    sources: [EU_RPN],
    confidence: 'high',
  },
];
