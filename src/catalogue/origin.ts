/** LinkedIn's one origin: every catalogued page lives here (a leaf module, so data files stay free of zod). */
export const LINKEDIN_ORIGIN = 'https://www.linkedin.com';
