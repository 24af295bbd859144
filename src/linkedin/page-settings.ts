// Generated from src/catalogue/settings.ts by tests/unit/linkedin/page-settings.test.ts: do not edit.
import type { PageSetting } from './match';

export const PAGE_SETTINGS: readonly PageSetting[] = [
  {
    "id": "ai-training",
    "url": "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
    "hooks": [
      {
        "kind": "aria-labelledby",
        "value": "allowDataForGenerativeAI"
      }
    ],
    "labels": {
      "en": {
        "heading": [
          "Data for Generative AI Improvement"
        ],
        "switch": [
          "Use my data for training content creation AI models"
        ]
      },
      "de": {
        "heading": [
          "Daten zur Verbesserung generativer KI"
        ],
        "switch": [
          "Ihre Daten zum Schulen von KI-Modellen verwenden, um Inhalte zu erstellen"
        ]
      },
      "fr": {
        "heading": [
          "Données pour l'amélioration de l'IA générative"
        ],
        "switch": [
          "Utiliser mes données pour entraîner les modèles d'IA de création de contenu",
          "Utiliser mes données pour entraîner des modèles d'IA de création de contenu"
        ]
      },
      "es": {
        "heading": [
          "Datos para la mejora de la IA generativa",
          "Datos para mejorar la IA generativa"
        ],
        "switch": [
          "Usar mis datos para entrenar modelos de IA de generación de contenido"
        ]
      },
      "it": {
        "heading": [
          "Dati per migliorare l'IA generativa",
          "Dati per il miglioramento dell'IA generativa"
        ],
        "switch": [
          "Usa i miei dati per addestrare i modelli di IA per la creazione di contenuti"
        ]
      },
      "nl": {
        "heading": [
          "Gegevens voor verbetering van generatieve AI"
        ],
        "switch": [
          "Mijn gegevens gebruiken voor training van AI-modellen waarmee content wordt gemaakt"
        ]
      },
      "pt-BR": {
        "heading": [
          "Dados para aprimoramento da IA generativa"
        ],
        "switch": [
          "Usar meus dados para treinar modelos de IA para criar conteúdos"
        ]
      },
      "pl": {
        "heading": [
          "Dane na potrzeby ulepszania generatywnej sztucznej inteligencji"
        ],
        "switch": [
          "Użyj moich danych do trenowania modeli AI służących do tworzenia treści"
        ]
      },
      "cs": {
        "heading": [
          "Data pro zdokonalování generativní umělé inteligence"
        ],
        "switch": [
          "Použít moje data pro trénování modelů umělé inteligence k tvorbě obsahu"
        ]
      }
    },
    "privateValue": "off"
  },
  {
    "id": "research",
    "url": "https://www.linkedin.com/mypreferences/d/settings/policy-and-academic-research",
    "hooks": [
      {
        "kind": "aria-labelledby",
        "value": "allowAnonymizedDataResearch"
      }
    ],
    "labels": {
      "en": {
        "heading": [
          "Social, economic, and workplace research"
        ]
      }
    },
    "privateValue": "off"
  },
  {
    "id": "share-with-partners",
    "url": "https://www.linkedin.com/mypreferences/d/settings/share-data-with-select-partners",
    "hooks": [
      {
        "kind": "aria-labelledby",
        "value": "shareDataWithTrustedPartners"
      }
    ],
    "labels": {
      "en": {
        "heading": [
          "Data sharing with affiliates and select partners",
          "Share data with affiliates and partners"
        ]
      }
    },
    "privateValue": "off"
  },
  {
    "id": "ads-beyond-linkedin",
    "url": "https://www.linkedin.com/mypreferences/d/settings/ads-beyond-linkedin",
    "hooks": [
      {
        "kind": "aria-labelledby",
        "value": "allowLinkedInAudienceNetwork"
      }
    ],
    "labels": {
      "en": {
        "heading": [
          "Ads beyond LinkedIn",
          "Ads outside of LinkedIn"
        ]
      }
    },
    "privateValue": "off"
  },
  {
    "id": "ads-business-interactions",
    "url": "https://www.linkedin.com/mypreferences/d/settings/ads-interactions-with-business",
    "hooks": [
      {
        "kind": "aria-labelledby",
        "value": "allowUseOfThirdPartyData"
      }
    ],
    "labels": {
      "en": {
        "heading": [
          "Interactions with businesses",
          "Advertiser data for ads"
        ]
      }
    },
    "privateValue": "off"
  },
  {
    "id": "ads-related-actions",
    "url": "https://www.linkedin.com/mypreferences/d/settings/ads-related-actions",
    "hooks": [
      {
        "kind": "aria-labelledby",
        "value": "allowConversionTrackings"
      }
    ],
    "labels": {
      "en": {
        "heading": [
          "Ad-related actions",
          "Measure ad success"
        ]
      }
    },
    "privateValue": "off"
  },
  {
    "id": "linkedin-promotions",
    "url": "https://www.linkedin.com/mypreferences/d/settings/linkedin-promotions",
    "hooks": [
      {
        "kind": "aria-labelledby",
        "value": "allowProfileAndActivityDataForMarketingAds"
      }
    ],
    "labels": {
      "en": {
        "heading": [
          "LinkedIn promotions"
        ]
      }
    },
    "privateValue": "off"
  },
  {
    "id": "promotions-email-tips",
    "url": "https://www.linkedin.com/mypreferences/d/settings/linkedin-promotions",
    "hooks": [
      {
        "kind": "aria-labelledby",
        "value": "tipsForUsingLinkedinViaEmail"
      }
    ],
    "labels": {
      "en": {
        "switch": [
          "Tips for using LinkedIn via email"
        ]
      }
    },
    "privateValue": "off"
  },
  {
    "id": "ads-by-age",
    "url": "https://www.linkedin.com/mypreferences/d/settings/ads-by-age",
    "hooks": [
      {
        "kind": "aria-labelledby",
        "value": "allowAdsByAge"
      }
    ],
    "labels": {
      "en": {
        "heading": [
          "Age range"
        ]
      }
    },
    "privateValue": "off"
  },
  {
    "id": "ads-by-gender",
    "url": "https://www.linkedin.com/mypreferences/d/settings/ads-by-gender",
    "hooks": [
      {
        "kind": "aria-labelledby",
        "value": "allowAdsByGender"
      }
    ],
    "labels": {
      "en": {
        "heading": [
          "Gender"
        ]
      }
    },
    "privateValue": "off"
  },
  {
    "id": "ads-inferred-location",
    "url": "https://www.linkedin.com/mypreferences/d/settings/ads-inferred-location",
    "hooks": [
      {
        "kind": "aria-labelledby",
        "value": "allowIpToPersonalizeAds"
      }
    ],
    "labels": {
      "en": {
        "heading": [
          "Inferred city location"
        ]
      }
    },
    "privateValue": "off"
  },
  {
    "id": "ads-interests",
    "url": "https://www.linkedin.com/mypreferences/d/interest-categories",
    "hooks": [
      {
        "kind": "aria-labelledby",
        "value": "adsPrivacyAllowInterestsAndBehaviors"
      }
    ],
    "labels": {
      "en": {
        "heading": [
          "Interest categories"
        ]
      }
    },
    "privateValue": "off"
  },
  {
    "id": "non-essential-cookies",
    "url": "https://www.linkedin.com/mypreferences/d/member-cookies",
    "hooks": [
      {
        "kind": "id",
        "value": "nonEssentialCookieConsent"
      }
    ],
    "labels": {
      "en": {
        "heading": [
          "Cookie preferences"
        ],
        "switch": [
          "Non-essential cookies"
        ]
      }
    },
    "privateValue": "off"
  }
];
