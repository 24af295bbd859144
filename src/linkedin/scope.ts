import { LINKEDIN_ORIGIN } from './selectors';

/**
 * LinkedIn's settings area (with the cookie settings page its cookie banner links), plus the sign-in
 * pages a settings address redirects to when signed out.
 */
export const CONTENT_MATCHES = [
  `${LINKEDIN_ORIGIN}/mypreferences/*`,
  `${LINKEDIN_ORIGIN}/psettings/*`,
  `${LINKEDIN_ORIGIN}/settings/member-cookies*`,
  `${LINKEDIN_ORIGIN}/login*`,
  `${LINKEDIN_ORIGIN}/authwall*`,
  `${LINKEDIN_ORIGIN}/checkpoint/*`,
  `${LINKEDIN_ORIGIN}/uas/login*`,
];

/** Same as the match patterns: the pages the content script runs on and a run's tab may show. */
export const inScope = (url: string | undefined) =>
  !!url && CONTENT_MATCHES.some((p) => url.startsWith(p.slice(0, -1)));
