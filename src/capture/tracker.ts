/** Set at build time from package.json's `bugs.url` (build/issue-tracker.ts). */
declare const __ISSUE_TRACKER__: string;

/** Where members file bug reports. */
export const ISSUE_TRACKER = __ISSUE_TRACKER__;
export const NEW_ISSUE = `${ISSUE_TRACKER}/new`;
