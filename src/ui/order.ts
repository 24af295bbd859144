import type { SettingCategory } from '../catalogue/schema';

/** The walkthrough order: what trains AI first, then what leaves LinkedIn, then ads, mail, cookies. */
export const CATEGORY_ORDER: readonly SettingCategory[] = [
  'ai-training',
  'data-sharing',
  'ad-personalization',
  'marketing',
  'cookies',
];
