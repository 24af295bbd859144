// What both real-browser harnesses (Chromium's here, Firefox's in tests/firefox/) start and must
// tear down after every test: browsers, proxies, replicas, profiles.
import { type Replica, type Scenario, startReplica as startServer } from './linkedin-replica/server.ts';

const cleanups: (() => Promise<unknown>)[] = [];

/** Have `task` run at the next `cleanup()`. */
export const onCleanup = (task: () => Promise<unknown>) => {
  cleanups.push(task);
};

/**
 * Run every task registered so far, newest first. A browser or server that is already gone fails
 * to close: that is the state wanted, so the failure is dropped.
 */
export async function cleanup(): Promise<void> {
  for (let task = cleanups.pop(); task; task = cleanups.pop()) await task().catch(() => undefined);
}

/** Start a replica on a random free port; `replica.state()` is the true server-side state. */
export async function startReplica(scenario = 'en-all-on', overrides?: Partial<Scenario>): Promise<Replica> {
  const replica = await startServer({ scenario, overrides });
  onCleanup(() => replica.close());
  return replica;
}
