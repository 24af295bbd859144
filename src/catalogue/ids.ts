// Plain lists, free of zod: the popup imports them without paying for the schemas.

/** UI languages LinkedIn labels are catalogued in (the extension's own UI locales are a subset). */
export const LABEL_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt-BR', 'pl', 'cs'] as const;
export type LabelLocale = (typeof LABEL_LOCALES)[number];

export const REGION_IDS = ['eu-eea', 'ch', 'uk', 'ca', 'hk', 'us', 'in', 'other'] as const;
