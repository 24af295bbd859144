// Every LinkedIn selector, path pattern and host, once. A leaf module (no imports) so the content
// script, the capture script, the background and the catalogue's data files can all share it.
// tests/unit/linkedin/selectors.test.ts holds, for each selector, the fixture pages it must match
// (and must not): the table lives there so it never reaches a bundle.

export const LINKEDIN_HOST = 'www.linkedin.com';
/** LinkedIn's one origin: every catalogued page lives here. */
export const LINKEDIN_ORIGIN = `https://${LINKEDIN_HOST}`;

/** LinkedIn's settings area, and the cookie settings page its cookie banner links. */
export const SETTINGS_PATH = /^\/(mypreferences\/|psettings\/|settings\/member-cookies)/;
/** Where a settings address sends a member who is not signed in (the security check included). */
export const SIGN_IN_PATH = /^\/(login|authwall|signup|uas\/login|checkpoint\/)/;
/** LinkedIn's security check ("Let's do a quick security check"): not a sign-in, and nothing to read. */
export const CHECKPOINT_PATH = /^\/checkpoint\/challenge/;

/** The page's main area: where the settings are. */
export const MAIN = 'main, [role="main"]';
/** What may be a setting's switch: a checkbox (with or without a role), or anything in the switch role. */
export const SWITCH_LIKE = 'input[type="checkbox"], [role="switch"]';
export const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
/**
 * The box a setting is drawn in, by document structure and ARIA: a heading names only the switches
 * inside the same box. A class name with "card" in it is only the last hint, for markup without any.
 */
export const CARD =
  'section, article, fieldset, li, [role="region"], [role="group"], [role="article"], [role="listitem"]';
export const CARD_HINT = '[class*="card"]';
export const BUSY = '[aria-busy="true"]';
/** Class names LinkedIn has given skeletons and spinners: a last hint, as hashed class names replace them. */
export const LOADING_CLASSES = '[class*="skeleton"], [class*="loader"], .artdeco-spinner';
/** A part of the page still loading: its switches may show a default, not the member's value. */
export const LOADING = `${BUSY}, [role="progressbar"], ${LOADING_CLASSES}`;
/** A control or content the settings app draws: a main area with none of these is an empty app shell. */
export const DRAWN = 'h1, h2, h3, [role="heading"], [role="switch"], input, a[href]';
/** LinkedIn's sign-in form, by its field names and its action; a password field in a form as the last hint. */
export const SIGN_IN_FORM =
  'input[name="session_key"], input[name="session_password"], ' +
  'form[action*="login-submit"], form input[type="password"]';
