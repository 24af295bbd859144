import type { Capture, CapturedElement, CapturedNode, CaptureOffer } from './types';

/**
 * The capture with the labels the member chose to include put back in place of their tokens;
 * every other offer stays a token. Nothing is included unless named here.
 */
export function withLabels(capture: Capture, offers: readonly CaptureOffer[], included: ReadonlySet<string>): Capture {
  const texts = new Map(offers.filter((o) => included.has(o.token)).map((o) => [o.token, o.text]));
  if (texts.size === 0) return capture;
  const swap = (value: string) => texts.get(value) ?? value;
  const element = ({ tag, attrs, children }: CapturedElement): CapturedElement => ({
    tag,
    ...(attrs && { attrs: Object.fromEntries(Object.entries(attrs).map(([name, value]) => [name, swap(value)])) }),
    ...(children && { children: children.map(node) }),
  });
  const node = (n: CapturedNode): CapturedNode => (typeof n === 'string' ? swap(n) : element(n));
  return { ...capture, area: capture.area && element(capture.area), outside: capture.outside.map(element) };
}
