// CPU time the extension's own code takes in a page, from V8's sampling profiler: a sample counts
// when any frame on its stack comes from a chrome-extension:// script (content scripts included).

/** Start sampling every 100 µs on a page's CDP session; resolves to a stop() giving the figures. */
export async function startProfile(cdp) {
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
export function extensionTime(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const memo = new Map();
  const isExtension = (id) => {
    if (!memo.has(id)) {
      const own = byId.get(id).callFrame.url.startsWith('chrome-extension://');
      memo.set(id, own || (parent.has(id) && isExtension(parent.get(id))));
    }
    return memo.get(id);
  };
  let totalMs = 0;
  let runMs = 0;
  let longestMs = 0;
  profile.samples.forEach((id, i) => {
    // A sample stands for the time up to the next one.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (!isExtension(id)) return void (runMs = 0);
    totalMs += ms;
    runMs += ms;
    longestMs = Math.max(longestMs, runMs);
  });
  return { totalMs, longestMs };
}
