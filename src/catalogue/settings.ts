import { LINKEDIN_ORIGIN } from '../linkedin/selectors.ts';
import type { Setting } from './schema.ts';
import {
  DATA_SHARING_HELP,
  EU_RPN,
  GAI_HELP,
  GULF_NEWS,
  HKU_DPO,
  PSST,
  PSST_2025,
  TECH_WIRE,
  TOS25,
  US_NOTICE,
} from './sources.ts';

const page = (slug: string, tree: 'd' | 'm' | 's' = 'd') => `${LINKEDIN_ORIGIN}/mypreferences/${tree}/settings/${slug}`;
/** LinkedIn serves its settings under /d/ (desktop), /m/ and /s/ (links in its own notices) alike. */
const otherTrees = (slug: string) => [page(slug, 's'), page(slug, 'm')];
const labelledBy = (value: string) => ({ kind: 'aria-labelledby' as const, value });

/**
 * One record per LinkedIn switch that bears on AI training, data sharing or ad targeting.
 * Private means unchecked for every switch known (docs/sources.md §1). Adding a setting = one record
 * here + its two i18n messages (setting_<id>_name / _reason) in every locale + its sources pinned in
 * tests/unit/catalogue/sources.snapshot.json (`npx vitest run tests/unit/catalogue/sources.test.ts --update`).
 */
/** Date of the last change to the catalogue's facts; printed on every receipt. */
export const CATALOGUE_VERSION = '2026-11-29';

export const SETTINGS: readonly Setting[] = [
  {
    id: 'ai-training',
    url: page('data-for-ai-improvement'),
    alternates: otherTrees('data-for-ai-improvement'),
    hooks: [labelledBy('allowDataForGenerativeAI')],
    labels: {
      en: {
        heading: ['Data for Generative AI Improvement'],
        switch: ['Use my data for training content creation AI models'],
      },
      de: {
        heading: ['Daten zur Verbesserung generativer KI'],
        switch: ['Ihre Daten zum Schulen von KI-Modellen verwenden, um Inhalte zu erstellen'],
      },
      fr: {
        heading: ["Données pour l'amélioration de l'IA générative"],
        switch: [
          "Utiliser mes données pour entraîner les modèles d'IA de création de contenu",
          "Utiliser mes données pour entraîner des modèles d'IA de création de contenu",
        ],
      },
      es: {
        heading: ['Datos para la mejora de la IA generativa', 'Datos para mejorar la IA generativa'],
        switch: ['Usar mis datos para entrenar modelos de IA de generación de contenido'],
      },
      it: {
        heading: ["Dati per migliorare l'IA generativa", "Dati per il miglioramento dell'IA generativa"],
        switch: ['Usa i miei dati per addestrare i modelli di IA per la creazione di contenuti'],
      },
      nl: {
        heading: ['Gegevens voor verbetering van generatieve AI'],
        switch: ['Mijn gegevens gebruiken voor training van AI-modellen waarmee content wordt gemaakt'],
      },
      'pt-BR': {
        heading: ['Dados para aprimoramento da IA generativa'],
        switch: ['Usar meus dados para treinar modelos de IA para criar conteúdos'],
      },
      pl: {
        heading: ['Dane na potrzeby ulepszania generatywnej sztucznej inteligencji'],
        switch: ['Użyj moich danych do trenowania modeli AI służących do tworzenia treści'],
      },
      cs: {
        heading: ['Data pro zdokonalování generativní umělé inteligence'],
        switch: ['Použít moje data pro trénování modelů umělé inteligence k tvorbě obsahu'],
      },
    },
    privateValue: 'off',
    category: 'ai-training',
    oneClickDefault: true,
    availableIn: 'all',
    sources: [
      PSST,
      EU_RPN,
      GAI_HELP,
      HKU_DPO,
      {
        url: 'https://netzpolitik.org/2025/opt-out-anleitung-so-verhinderst-du-dass-linkedin-mit-deinen-daten-ki-trainiert',
      },
    ],
    confidence: { hook: 'high', label: 'high' },
  },
  {
    id: 'research',
    url: page('policy-and-academic-research'),
    alternates: otherTrees('policy-and-academic-research'),
    hooks: [labelledBy('allowAnonymizedDataResearch')],
    labels: { en: { heading: ['Social, economic, and workplace research'] } },
    privateValue: 'off',
    category: 'data-sharing',
    oneClickDefault: true,
    availableIn: 'all',
    sources: [PSST, EU_RPN],
    confidence: { hook: 'high', label: 'low' },
  },
  {
    id: 'share-with-partners',
    url: page('share-data-with-select-partners'),
    // LinkedIn's US privacy notice links the new slug (2025-26); PSST (Aug 2026) still uses the old one.
    alternates: [
      page('share-data-with-trusted-partners', 's'),
      page('share-data-with-trusted-partners'),
      page('share-data-with-select-partners', 's'),
    ],
    hooks: [labelledBy('shareDataWithTrustedPartners')],
    labels: {
      en: {
        heading: [
          'Data sharing',
          'Sharing',
          'Data sharing with affiliates and select partners',
          'Share data with affiliates and partners',
        ],
      },
    },
    privateValue: 'off',
    category: 'data-sharing',
    oneClickDefault: true,
    // Looked for in every region: the sources limit Microsoft's ad-data sharing (from 3 Nov 2025)
    // to outside the EU/EEA/Switzerland, not the switch, which PSST runs for every country. Where
    // LinkedIn does not show it, its own notice says so and the reading is "not offered".
    availableIn: 'all',
    sources: [PSST, TOS25, TECH_WIRE, GULF_NEWS, DATA_SHARING_HELP, US_NOTICE],
    confidence: { hook: 'high', label: 'medium' },
    note:
      "Microsoft's use of this data for ads applies outside the EU/EEA/Switzerland (sources disagree " +
      'on the UK); the switch itself is not known to be missing anywhere.',
  },
  {
    id: 'ads-beyond-linkedin',
    url: page('ads-beyond-linkedin'),
    alternates: otherTrees('ads-beyond-linkedin'),
    hooks: [labelledBy('allowLinkedInAudienceNetwork')],
    labels: {
      en: {
        heading: [
          'Ads beyond LinkedIn',
          'Ads outside of LinkedIn',
          'Ads off LinkedIn',
          'Ad Partners Data for Ads off LinkedIn',
        ],
      },
    },
    privateValue: 'off',
    category: 'data-sharing',
    oneClickDefault: true,
    availableIn: 'all',
    sources: [PSST, DATA_SHARING_HELP],
    confidence: { hook: 'high', label: 'medium' },
    note: 'In the US, turning this off also turns off "Data sharing".',
  },
  {
    id: 'ads-business-interactions',
    url: page('ads-interactions-with-business'),
    alternates: otherTrees('ads-interactions-with-business'),
    hooks: [labelledBy('allowUseOfThirdPartyData')],
    // Renamed "Data from others for Ads", "formerly known as the Interactions with businesses setting".
    labels: {
      en: { heading: ['Data from others for Ads', 'Interactions with businesses', 'Advertiser data for ads'] },
    },
    privateValue: 'off',
    category: 'data-sharing',
    oneClickDefault: true,
    availableIn: 'all',
    sources: [PSST, PSST_2025, US_NOTICE],
    confidence: { hook: 'high', label: 'high' },
  },
  {
    id: 'ads-related-actions',
    url: page('ads-related-actions'),
    alternates: otherTrees('ads-related-actions'),
    hooks: [labelledBy('allowConversionTrackings')],
    labels: { en: { heading: ['Ad-related actions', 'Measure ad success'] } },
    privateValue: 'off',
    category: 'data-sharing',
    oneClickDefault: true,
    availableIn: 'all',
    sources: [PSST, PSST_2025],
    confidence: { hook: 'high', label: 'medium' },
  },
  {
    id: 'linkedin-promotions',
    url: page('linkedin-promotions'),
    alternates: otherTrees('linkedin-promotions'),
    hooks: [labelledBy('allowProfileAndActivityDataForMarketingAds')],
    labels: { en: { heading: ['LinkedIn promotions'] } },
    privateValue: 'off',
    category: 'ad-personalization',
    oneClickDefault: false,
    availableIn: 'all',
    sources: [PSST],
    confidence: { hook: 'high', label: 'low' },
  },
  {
    id: 'promotions-email-tips',
    url: page('linkedin-promotions'),
    alternates: otherTrees('linkedin-promotions'),
    hooks: [labelledBy('tipsForUsingLinkedinViaEmail')],
    labels: { en: { switch: ['Tips for using LinkedIn via email'] } },
    privateValue: 'off',
    category: 'marketing',
    oneClickDefault: false,
    availableIn: 'all',
    sources: [PSST],
    confidence: { hook: 'high', label: 'low' },
  },
  {
    id: 'ads-by-age',
    url: page('ads-by-age'),
    alternates: otherTrees('ads-by-age'),
    hooks: [labelledBy('allowAdsByAge')],
    labels: { en: { heading: ['Age range', 'Ads based on Inferred age range'] } },
    privateValue: 'off',
    category: 'ad-personalization',
    oneClickDefault: false,
    availableIn: 'all',
    sources: [PSST],
    confidence: { hook: 'high', label: 'medium' },
  },
  {
    id: 'ads-by-gender',
    url: page('ads-by-gender'),
    alternates: otherTrees('ads-by-gender'),
    hooks: [labelledBy('allowAdsByGender')],
    labels: { en: { heading: ['Gender', 'Ads based on Inferred gender'] } },
    privateValue: 'off',
    category: 'ad-personalization',
    oneClickDefault: false,
    availableIn: 'all',
    sources: [PSST],
    confidence: { hook: 'high', label: 'medium' },
  },
  {
    id: 'ads-inferred-location',
    url: page('ads-inferred-location'),
    alternates: otherTrees('ads-inferred-location'),
    hooks: [labelledBy('allowIpToPersonalizeAds')],
    labels: { en: { heading: ['Inferred city location', 'Ads based on Inferred city location'] } },
    privateValue: 'off',
    category: 'ad-personalization',
    oneClickDefault: false,
    availableIn: 'all',
    sources: [PSST],
    confidence: { hook: 'high', label: 'low' },
  },
  {
    id: 'ads-interests',
    url: `${LINKEDIN_ORIGIN}/mypreferences/d/interest-categories`,
    alternates: [
      `${LINKEDIN_ORIGIN}/mypreferences/s/interest-categories`,
      `${LINKEDIN_ORIGIN}/mypreferences/m/interest-categories`,
    ],
    hooks: [labelledBy('adsPrivacyAllowInterestsAndBehaviors')],
    labels: { en: { heading: ['Interest categories', 'Ads based on Inferred interests and traits'] } },
    privateValue: 'off',
    category: 'ad-personalization',
    oneClickDefault: false,
    availableIn: 'all',
    sources: [PSST],
    confidence: { hook: 'high', label: 'low' },
  },
  {
    id: 'non-essential-cookies',
    url: `${LINKEDIN_ORIGIN}/mypreferences/d/member-cookies`,
    alternates: [
      `${LINKEDIN_ORIGIN}/mypreferences/s/member-cookies`,
      `${LINKEDIN_ORIGIN}/mypreferences/m/member-cookies`,
      // Where LinkedIn's own cookie banner sends members (Brave found its cookie step failing, Aug 2026).
      `${LINKEDIN_ORIGIN}/settings/member-cookies/`,
    ],
    hooks: [{ kind: 'id', value: 'nonEssentialCookieConsent' }],
    labels: { en: { heading: ['Cookie preferences'], switch: ['Non-essential cookies'] } },
    privateValue: 'off',
    category: 'cookies',
    oneClickDefault: false,
    availableIn: 'all',
    sources: [
      PSST,
      { url: 'https://www.linkedin.com/help/linkedin/answer/a1336669' },
      {
        url: 'https://github.com/brave/brave-browser/issues/58298',
        note: "PSST's cookie step stopped matching; LinkedIn's cookie banner links /settings/member-cookies/",
      },
    ],
    confidence: { hook: 'high', label: 'low' },
  },
];
