// Types for server.mjs (the project type-checks TypeScript only; keep this in step with the JSDoc there).

export interface Scenario {
  name: string;
  lang: string;
  delayMs: number;
  off: string[];
  absent: string[];
  loggedOut: boolean;
  renameHooks: boolean | string[];
  unknownLabels: boolean | string[];
  failWrites: boolean;
  coupleDataSharing: boolean;
  bait: boolean;
  moved: Record<string, string>;
  gone: Record<string, string>;
  failPages: Record<string, number>;
  busy: string[];
  busyMs: number;
  memberHeading: string[];
  saveDelayMs: number;
  shadow: string[];
  frame: string[];
  reset: string[];
  hostile: boolean;
}

export interface ChangeEntry {
  t: number;
  key: string;
  settingId: string | null;
  value: unknown;
  status: number;
}

export interface VisitEntry {
  t: number;
  method: string;
  path: string;
  status: number;
}

export interface ReplicaState {
  scenario: Scenario;
  /** true = on, false = off, null = not offered (absent from its page). Keyed by catalogue id. */
  switches: Record<string, boolean | null>;
  /** Checkboxes of the page that are no catalogued setting (the member's "Notify me"). */
  extras: Record<string, boolean>;
  changes: ChangeEntry[];
  visits: VisitEntry[];
}

export interface Replica {
  port: number;
  origin: string;
  state(): ReplicaState;
  setScenario(name: string, overrides?: Partial<Scenario>): void;
  close(): Promise<void>;
}

export const SCENARIOS: Record<string, Partial<Scenario>>;
/** The member's data the privacy-bait scenario puts around the settings area. */
export const BAIT: { name: string; headline: string; email: string; profile: string; memberClass: string };
export const NOTIFY_KEY: string;
export const UNKNOWN_TEXT: { heading: string; switch: string };

export function startReplica(options?: {
  scenario?: string;
  overrides?: Partial<Scenario>;
  port?: number;
  settings?: readonly unknown[];
}): Promise<Replica>;
