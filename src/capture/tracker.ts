import { bugs } from '../../package.json';

/** Where members file bug reports: package.json's `bugs.url`, its one home. */
export const ISSUE_TRACKER: string = bugs.url;
export const NEW_ISSUE = `${ISSUE_TRACKER}/new`;
