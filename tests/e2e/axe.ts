import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

declare const axe: { run(context: Document, options: object): Promise<AxeResults> };

// The extension pages' CSP (script-src 'self') refuses page.addScriptTag's inline script; an
// evaluate through the DevTools protocol is not subject to it.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCHEMES = ['light', 'dark'] as const;

/**
 * "popup (dark): color-contrast [serious] .row > .result: ..." for each serious or critical violation,
 * in both schemes.
 */
export async function axeProblems(page: Page, label: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found: string[] = [];
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // target-size (WCAG 2.2: targets of at least 24 px) is switched on explicitly.
    const { violations } = await page.evaluate(() =>
      axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } }),
    );
    const bad = violations.filter(
      (v: Result) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'target-size',
    );
    for (const v of bad)
      found.push(
        `${label} (${colorScheme}): ${v.id} [${v.impact}] ${v.help}\n    ` +
          v.nodes.map((n) => n.target.join(' ')).join('\n    '),
      );
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}
