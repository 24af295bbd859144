import type { Source } from './schema';

/** Sources cited by several records (abbreviations as in docs/sources.md). */
export const PSST: Source = {
  url: 'https://github.com/brave/psst-component/blob/main/src/linkedin/user.ts',
  note: 'Brave PSST LinkedIn task list and selectors (HEAD d54d3c0, Aug 2026)',
};
export const PSST_2025: Source = {
  url: 'https://github.com/brave-experiments/psst-component/blob/main/scripts/linkedin/policy.js',
  note: 'PSST 2025 JavaScript predecessor (older setting names)',
};
export const EU_RPN: Source = {
  url: 'https://www.linkedin.com/legal/privacy/eu',
  note: 'LinkedIn European Regional Privacy Notice (effective 21 Aug 2026)',
};
export const GAI_HELP: Source = {
  url: 'https://www.linkedin.com/help/linkedin/answer/a6278444',
  note: 'LinkedIn help: Control whether LinkedIn uses your data to train generative AI models',
};
export const TOS25: Source = {
  url: 'https://www.linkedin.com/help/linkedin/answer/a8059228',
  note: 'LinkedIn: Update to our Terms and data use (3 Nov 2025)',
};
export const DATA_SHARING_HELP: Source = {
  url: 'https://www.linkedin.com/help/linkedin/answer/a1397243',
  note: 'LinkedIn help: Data sharing (US; GPC; Ads outside of LinkedIn)',
};
export const HELP_NET_SECURITY: Source = {
  url: 'https://www.helpnetsecurity.com/2025/09/18/linkedin-ai-data-privacy-policy/',
};
export const BITDEFENDER: Source = {
  url: 'https://www.bitdefender.com/en-us/blog/hotforsecurity/linkedin-gives-you-until-monday-to-stop-ai-from-training-on-your-profile',
};
export const HKU_DPO: Source = {
  url: 'https://dpo.hku.hk/news/linkedin-using-users%E2%80%99-personal-data-for-training-generative-ai-models-from-03-nov-2025',
};
export const TECHCRUNCH_2024: Source = {
  url: 'https://techcrunch.com/2024/09/18/linkedin-scraped-user-data-for-training-before-updating-its-terms-of-service/',
};
export const ICO_2024: Source = {
  url: 'https://cy.ico.org.uk/about-the-ico/media-centre/news-and-blogs/2024/09/our-statement-on-changes-to-linkedin-ai-data-policy',
};
export const GULF_NEWS: Source = {
  url: 'https://gulfnews.com/technology/linkedin-privacy-update-microsoft-can-use-your-data-from-nov-3-how-to-stop-it-1.500281615',
};
export const TECH_WIRE: Source = {
  url: 'https://tech-wire.in/digital-marketing/social-media/linkedin-updates-terms-of-service-to-cover-expanded-ai-and-ad-targeting-use/?amp=1',
};
export const US_NOTICE: Source = {
  url: 'https://github.com/OpenTermsArchive/vlopses-us-versions',
  note:
    'LinkedIn US/California privacy notice as archived by Open Terms Archive ' +
    '(commits 60ff95e, Oct 2025; 7d8231d, "Last revised December 9, 2025", which adds a right to delete; ' +
    'd290d7c, Feb 2026): ' +
    'new partners address, "Data from others for Ads", "Data sharing"',
};
export const PCPD_2024: Source = {
  url: 'https://pcpd.org.hk/english/news_events/media_statements/press_20241015.html',
};
export const OPC_2024: Source = { url: 'https://priv.gc.ca/en/opc-news/news-and-announcements/2024/nr-c_241210b' };
export const OTA_MEMO_2025: Source = {
  url: 'https://github.com/OpenTermsArchive/opentermsarchive.org',
  note:
    'Open Terms Archive memo "LinkedIn updates its privacy policy to reflect ' +
    'Microsoft data sharing and affiliate expansion" (4 Nov 2025)',
};
