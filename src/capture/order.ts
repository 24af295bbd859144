import type { Capture, CapturedElement, CapturedNode } from './types';

const element = ({ tag, attrs, children }: CapturedElement): CapturedElement => ({
  tag,
  ...(attrs && { attrs }),
  ...(children && { children: children.map(node) }),
});
const node = (n: CapturedNode): CapturedNode => (typeof n === 'string' ? n : element(n));

/**
 * The capture with its keys in reading order (what, where, when, then the structure). Extension
 * storage hands objects back with their keys sorted, which puts an element's children before its name.
 */
export function inReadingOrder(c: Capture): Capture {
  return {
    format: c.format,
    path: c.path,
    lang: c.lang,
    capturedAt: c.capturedAt,
    extensionVersion: c.extensionVersion,
    report: {
      page: c.report.page,
      lang: c.report.lang,
      settings: c.report.settings.map(({ settingId, state, evidence: { matchedBy, detail, ...more } }) => ({
        settingId,
        state,
        evidence: { matchedBy, detail, ...more },
      })),
      ...(c.report.reason !== undefined && { reason: c.report.reason }),
      ...(c.report.problem !== undefined && { problem: c.report.problem }),
    },
    signals: {
      signedIn: c.signals.signedIn,
      signInForm: c.signals.signInForm,
      ...(c.signals.httpStatus !== undefined && { httpStatus: c.signals.httpStatus }),
    },
    area: c.area && element(c.area),
    outside: c.outside.map(element),
    ...(c.truncated && { truncated: c.truncated }),
  };
}
