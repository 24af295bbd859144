import type { PageReport } from '../linkedin/report';

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

export const CAPTURE_FORMAT = 'untrain-capture/1';

/** The structure of one LinkedIn settings page, as a member may hand it to the maintainers. */
export interface Capture {
  format: typeof CAPTURE_FORMAT;
  /** The page's path, never its query string or fragment. */
  path: string;
  /** LinkedIn's UI language: <html lang>, '' when unset. */
  lang: string;
  capturedAt: string;
  extensionVersion: string;
  /** What the page engine read at capture time (its report without the address). */
  report: Omit<PageReport, 'url'>;
  /** Facts the engine reads outside the settings area, as yes/no only (never the cookie, storage or name). */
  signals: { signedIn: boolean; signInForm: boolean };
  /** The settings area (main / [role=main]), or null when the page has none. */
  area: CapturedElement | null;
  /** Switch-like controls outside the settings area: attributes only, no text. */
  outside: CapturedElement[];
  /** Set when the page was larger than a capture holds; the tail was left out. */
  truncated?: boolean;
}
