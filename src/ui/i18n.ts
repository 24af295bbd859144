import type { RegionId, SettingCategory } from '../catalogue/schema';
import { t, uiLocale } from '../i18n';

export { pluralCategory, t, tn, uiLocale } from '../i18n';

/** Catalogue ids are kebab-case; message names allow only [A-Za-z0-9_@]. */
const keyPart = (id: string) => id.replace(/-/g, '_');

export const settingName = (id: string) => t(`setting_${keyPart(id)}_name`);
export const settingReason = (id: string) => t(`setting_${keyPart(id)}_reason`);
export const stepName = (id: string) => t(`step_${keyPart(id)}_name`);
export const stepReason = (id: string) => t(`step_${keyPart(id)}_reason`);
export const regionName = (id: RegionId) => t(`region_${keyPart(id)}`);
export const categoryName = (id: SettingCategory) => t(`category_${keyPart(id)}`);
export const categoryWhy = (id: SettingCategory) => t(`category_${keyPart(id)}_why`);
export const eventSummary = (id: string) => t(`event_${keyPart(id)}_summary`);
/** Disputed claims are numbered from 1 in catalogue order. */
export const claimSummary = (eventId: string, index: number) => t(`event_${keyPart(eventId)}_claim_${index + 1}`);

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' }).format(new Date(iso));
}

/** A calendar day from the catalogue (YYYY-MM-DD): the same day in every time zone. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * "3 days ago", "yesterday", "in 5 days", "2 hours ago": the coarsest unit that is at least 1; "just
 * now" under a minute ago, where Intl would say "this minute" ("in dieser Minute").
 */
export function formatRelative(iso: string, now: Date): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  const format = new Intl.RelativeTimeFormat(uiLocale(), { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (seconds <= 0 && abs < 60) return t('time_just_now');
  if (abs < 3600) return format.format(Math.trunc(seconds / 60), 'minute');
  if (abs < 86400) return format.format(Math.trunc(seconds / 3600), 'hour');
  return format.format(Math.trunc(seconds / 86400), 'day');
}

/** `<html lang>` and the document title for an extension page. */
export function localizeDocument(titleKey: string): void {
  document.documentElement.lang = uiLocale();
  document.title = t(titleKey);
}
