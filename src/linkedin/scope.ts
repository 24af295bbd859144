/**
 * LinkedIn's settings area (with the cookie settings page its cookie banner links), plus the sign-in
 * pages a settings address redirects to when signed out.
 */
export const CONTENT_MATCHES = [
  'https://www.linkedin.com/mypreferences/*',
  'https://www.linkedin.com/psettings/*',
  'https://www.linkedin.com/settings/member-cookies*',
  'https://www.linkedin.com/login*',
  'https://www.linkedin.com/authwall*',
  'https://www.linkedin.com/checkpoint/*',
  'https://www.linkedin.com/uas/login*',
];

/** Same as the match patterns: the pages the content script runs on and a run's tab may show. */
export const inScope = (url: string | undefined) =>
  !!url && CONTENT_MATCHES.some((p) => url.startsWith(p.slice(0, -1)));
