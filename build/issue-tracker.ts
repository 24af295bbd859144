// The project's issue tracker, from package.json's `bugs.url` (its one home), handed to the pages
// at build time as `__ISSUE_TRACKER__` (src/capture/tracker.ts). Also used by vitest.config.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8')) as {
  bugs?: { url?: string };
};
const url = pkg.bugs?.url;
if (!url?.startsWith('https://')) throw new Error('package.json: bugs.url must be the issue tracker’s https address');

export const issueTrackerDefine = { __ISSUE_TRACKER__: JSON.stringify(url) };
