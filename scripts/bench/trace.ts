// Main-thread time a content script costs a page, from a Chromium trace, so that the start-up
// any content script pays is counted too: the sampling profiler sees JavaScript only, not the
// injection (which creates the script's isolated world) nor the compile, and an empty script
// would show as free. Counted: ScriptInjection::InjectJs, and EvaluateScript and FunctionCall
// (compile and run of the script, then each callback: listeners, observers, timers) of
// chrome-extension:// code. Promise continuations run as microtasks outside these and are not.
import type { CDPSession } from 'playwright-core';

/** One trace event, as far as it is read here. */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: unknown } };
}

export interface ContentScriptTime {
  contentMs: number;
  injectMs: number;
  evaluateMs: number;
  callbacksMs: number;
}

const CATEGORIES = ['devtools.timeline', 'extensions'];
const KINDS: Record<'inject' | 'evaluate' | 'callbacks', string[]> = {
  inject: ['ScriptInjection::InjectJs'],
  evaluate: ['EvaluateScript'],
  callbacks: ['FunctionCall'],
};
const fromExtension = (event: TraceEvent) => String(event.args?.data?.url ?? '').startsWith('chrome-extension://');

/** Start tracing through a page's CDP session (the trace is the browser's); resolves to a stop() giving the figures. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<ContentScriptTime>> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => events.push(...(value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return contentScriptTime(events);
  };
}

/** contentMs: the union of the counted events per thread (nested ones count once); the rest, per kind. */
export function contentScriptTime(events: TraceEvent[]): ContentScriptTime {
  const counted = events.filter(
    (e) =>
      e.ph === 'X' &&
      e.dur > 0 &&
      (KINDS.inject.includes(e.name) || ([...KINDS.evaluate, ...KINDS.callbacks].includes(e.name) && fromExtension(e))),
  );
  const perKind = Object.fromEntries(
    Object.entries(KINDS).map(([kind, names]) => [
      `${kind}Ms`,
      counted.filter((e) => names.includes(e.name)).reduce((ms, e) => ms + e.dur / 1000, 0),
    ]),
  ) as Omit<ContentScriptTime, 'contentMs'>;
  let contentMs = 0;
  const threads = new Map<string, TraceEvent[]>();
  for (const e of counted) threads.set(`${e.pid}:${e.tid}`, [...(threads.get(`${e.pid}:${e.tid}`) ?? []), e]);
  for (const list of threads.values()) {
    let end = -Infinity;
    for (const e of list.sort((a, b) => a.ts - b.ts)) {
      const start = Math.max(e.ts, end);
      if (e.ts + e.dur > start) contentMs += (e.ts + e.dur - start) / 1000;
      end = Math.max(end, e.ts + e.dur);
    }
  }
  return { contentMs, ...perKind };
}
