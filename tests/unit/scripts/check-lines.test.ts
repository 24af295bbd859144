import { describe, expect, it } from 'vitest';
import { longLines, tooLong } from '../../../scripts/check-lines.ts';

describe('check-lines', () => {
  it('allows 120 characters and flags 121', () => {
    expect(tooLong('x'.repeat(120))).toBe(false);
    expect(tooLong('x'.repeat(121))).toBe(true);
  });

  it('a line long only because of one URL is allowed; the rest of the line must still fit', () => {
    const url = `https://example.org/${'a'.repeat(150)}`;
    expect(tooLong(`  url: '${url}',`)).toBe(false);
    expect(tooLong(`${'x'.repeat(110)} '${url}'`)).toBe(false);
    expect(tooLong(`${'x'.repeat(121)} '${url}'`)).toBe(true);
  });

  it('a URL ends at a quote, backtick or angle bracket, so markup after it still counts', () => {
    const url = `https://example.org/${'a'.repeat(100)}`;
    expect(tooLong(`<a href="${url}">${'x'.repeat(120)}</a>`)).toBe(true);
    expect(tooLong(`\`${url}\`${'x'.repeat(150)}`)).toBe(true);
  });

  it('reports file:line: length for each long line', () => {
    expect(longLines('a.ts', `ok\n${'x'.repeat(121)}\nok`)).toEqual(['a.ts:2: 121']);
  });
});
