// CPU time the extension's own code takes in a page, from V8's sampling profiler: a sample counts
// when any frame on its stack comes from a chrome-extension:// script (content scripts included).
import type { CDPSession } from 'playwright-core';

/** The part of a V8 CPU profile (CDP Profiler.Profile) read here. */
interface Profile {
  nodes: { id: number; children?: number[]; callFrame: { url: string } }[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface ExtensionTime {
  totalMs: number;
  longestMs: number;
}

/** Start sampling every 100 µs on a page's CDP session; resolves to a stop() giving the figures. */
export async function startProfile(cdp: CDPSession): Promise<() => Promise<ExtensionTime>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Profiler.disable');
    return extensionTime(profile);
  };
}

/**
 * totalMs: all extension samples; longestMs: the longest unbroken run of them, i.e. the longest
 * stretch the extension held the main thread (a task of its own, or its part of the page's task).
 */
export function extensionTime(profile: Profile): ExtensionTime {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const memo = new Map<number, boolean>();
  const isExtension = (id: number): boolean => {
    let known = memo.get(id);
    if (known === undefined) {
      const own = byId.get(id)?.callFrame.url.startsWith('chrome-extension://') ?? false;
      const up = parent.get(id);
      known = own || (up !== undefined && isExtension(up));
      memo.set(id, known);
    }
    return known;
  };
  let totalMs = 0;
  let runMs = 0;
  let longestMs = 0;
  for (const [i, id] of (profile.samples ?? []).entries()) {
    // A sample stands for the time up to the next one.
    const ms = (profile.timeDeltas?.[i + 1] ?? 0) / 1000;
    if (!isExtension(id)) {
      runMs = 0;
      continue;
    }
    totalMs += ms;
    runMs += ms;
    longestMs = Math.max(longestMs, runMs);
  }
  return { totalMs, longestMs };
}
