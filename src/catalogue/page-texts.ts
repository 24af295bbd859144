import { LINKEDIN_ORIGIN } from '../linkedin/selectors.ts';
import type { LabelLocale } from './schema.ts';

/**
 * What LinkedIn's settings app says about a page as a whole, per UI language. Matching is on
 * normalised text that contains one of these phrases, inside the page's main content only.
 * Confidence is low for every wording but the English "not available" notice: they are what the
 * help pages and press describe, not text read off the live site (see docs/sources.md).
 */
export type PhraseSet = Partial<Record<LabelLocale, readonly string[]>>;

/** LinkedIn's own notice that a setting is not offered to this account or region: the only proof of "not offered". */
export const NOT_AVAILABLE: PhraseSet = {
  en: [
    "setting isn't available",
    'setting is not available',
    'not available in your region',
    'not available for your account',
  ],
  de: ['einstellung ist für ihr konto nicht verfügbar', 'in ihrer region nicht verfügbar'],
  fr: ['paramètre n’est pas disponible', "paramètre n'est pas disponible", 'pas disponible dans votre région'],
  es: ['configuración no está disponible'],
  it: ['impostazione non è disponibile'],
  nl: ['instelling is niet beschikbaar'],
  'pt-BR': ['configuração não está disponível'],
  pl: ['ustawienie nie jest dostępne'],
};

/** LinkedIn's generic error page or banner ("Something went wrong"). */
export const ERROR_PAGE: PhraseSet = {
  en: ['something went wrong', 'please try again later', 'too many requests'],
  de: ['etwas ist schiefgelaufen', 'ein fehler ist aufgetreten'],
  fr: ['un problème est survenu', 'une erreur est survenue'],
  es: ['algo salió mal', 'se ha producido un error'],
  it: ['si è verificato un problema', 'qualcosa è andato storto'],
  nl: ['er is iets misgegaan'],
  'pt-BR': ['algo deu errado'],
  pl: ['coś poszło nie tak'],
};

/** LinkedIn's "page not found" page. */
export const NOT_FOUND: PhraseSet = {
  en: ["this page doesn't exist", 'page not found'],
  de: ['diese seite existiert nicht', 'seite nicht gefunden'],
  fr: ["cette page n'existe pas", 'page introuvable'],
  es: ['esta página no existe'],
  it: ['questa pagina non esiste'],
  nl: ['deze pagina bestaat niet'],
  'pt-BR': ['esta página não existe'],
  pl: ['ta strona nie istnieje'],
};

/**
 * LinkedIn's settings hubs ("Data privacy", "Advertising data"): when no known address shows a
 * setting, a run looks here for the one link named like the setting's catalogued heading.
 */
export const SETTINGS_HUBS: readonly string[] = [
  `${LINKEDIN_ORIGIN}/mypreferences/d/categories/privacy`,
  `${LINKEDIN_ORIGIN}/mypreferences/d/categories/ads`,
];
