/**
 * One element of a captured page: its name and the allow-listed attributes. Children are elements
 * or text; text is only kept where the capture allows it (headings, labels, switch names, notices).
 */
export interface CapturedElement {
  tag: string;
  attrs?: Record<string, string>;
  children?: CapturedNode[];
}
export type CapturedNode = CapturedElement | string;

/** 2: text outside LinkedIn's vocabulary is a shape token, ids outside LinkedIn's shapes a stable token. */
export const CAPTURE_FORMAT = 'untrain-capture/2';

/**
 * The engine's classification as a capture keeps it: the page kind, each setting's state with its
 * evidence, and the reason; never the address or anything else the report may grow. Loosely typed
 * so captures made by older or newer versions of the engine stay readable.
 */
export interface CapturedReport {
  page: string;
  lang: string;
  settings: {
    settingId: string;
    state: string;
    evidence: { matchedBy: string; detail: string; [key: string]: unknown };
  }[];
  reason?: string;
  /** Why an error page is one (a ReasonCode such as not-found or rate-limited). */
  problem?: string;
}

/** The structure of one LinkedIn settings page, as a member may hand it to the maintainers. */
export interface Capture {
  format: typeof CAPTURE_FORMAT;
  /** The page's path, never its query string or fragment. */
  path: string;
  /** LinkedIn's UI language: <html lang>, '' when unset. */
  lang: string;
  capturedAt: string;
  extensionVersion: string;
  /** What the page engine read at capture time. */
  report: CapturedReport;
  /** Facts the engine reads outside the settings area, as yes/no only (never the cookie, storage or name). */
  signals: {
    signedIn: boolean;
    signInForm: boolean;
    /** The HTTP status the page was served with (0: the browser did not say); the engine reads errors from it. */
    httpStatus?: number;
  };
  /** The settings area (main / [role=main]), or null when the page has none. */
  area: CapturedElement | null;
  /** Switch-like controls outside the settings area: attributes only, no text. */
  outside: CapturedElement[];
  /** Set when the page was larger than a capture holds; the tail was left out. */
  truncated?: boolean;
}

/**
 * A switch's label the catalogue does not know, left out of the capture as `token`. The member may
 * include it on the review page, one by one; until then it never leaves the browser.
 */
export interface CaptureOffer {
  token: string;
  text: string;
}

/** What the capture script hands the review page: the capture, and the labels it may include. */
export interface CaptureReview {
  capture: Capture;
  offers: CaptureOffer[];
}
