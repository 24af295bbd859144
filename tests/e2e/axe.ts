import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

declare const axe: { run(context: Document, options: object): Promise<AxeResults> };

// Evaluated through the DevTools protocol: the extension pages' CSP refuses an inline script tag.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Each serious or critical axe-core violation on the page, in light and dark, one readable line each. */
export async function axeProblems(page: Page, label: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
    const bad = violations.filter((v: Result) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of bad)
      found.push(
        `${label} (${colorScheme}): ${v.id} [${v.impact}] ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
      );
  }
  return found;
}
