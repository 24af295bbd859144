// `npm test`: unit tests, then the real-browser tests (Chromium, then Firefox), then one closing
// line `N passed, N failed` computed from vitest's JSON results (CI reads that line).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';
import { ensureFirefox } from './firefox.mjs';

const out = mkdtempSync(join(tmpdir(), 'untrain-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(cmd, args) {
  return spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status ?? 1;
}

function vitest(name, config) {
  const file = join(out, `${name}.json`);
  const status = run('npx', [
    'vitest',
    'run',
    '--config',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  if (!existsSync(file)) {
    console.error(`\n${name}: vitest produced no results (exit ${status}).`);
    totals.failed += 1;
    return;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
  // A suite that crashed on import reports no failed test but a failed file: count it.
  const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  totals.failed += brokenFiles;
  if (status !== 0 && r.numFailedTests === 0 && brokenFiles === 0) totals.failed += 1;
}

vitest('unit', 'vitest.config.ts');

if (!process.argv.includes('--unit')) {
  if (run('npx', ['wxt', 'build']) !== 0 || run('npx', ['wxt', 'build', '-b', 'firefox']) !== 0) {
    console.error('\nreal-browser tests: the extension did not build.');
    totals.failed += 1;
  } else {
    if (ensureChromium()) vitest('e2e', 'vitest.e2e.config.ts');
    else totals.failed += 1;
    if (ensureFirefox()) vitest('firefox', 'vitest.firefox.config.ts');
    else totals.failed += 1;
  }
}

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
