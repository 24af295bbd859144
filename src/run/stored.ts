import { z } from 'zod/mini';
import { ReasonCode } from '../protocol/report';
import { IsoTime, PageStep, RunRecord, type Waiting } from './types';

/**
 * A run as earlier builds stored it, before `waiting` carried its data: a word, with the wait's data
 * in fields beside it (and the clicks still to send in each page's `queue`). Read after an update,
 * then stored in today's shape at the run's next step.
 */
const PreviousRun = z.extend(RunRecord, {
  waiting: z.enum(['tab', 'report', 'flip', 'member', 'nothing']),
  navigationSent: z.boolean(),
  loadingMs: z.optional(z.number()),
  pause: z.optional(z.object({ code: ReasonCode, since: IsoTime })),
  pages: z.array(z.extend(PageStep, { queue: z.array(z.string()) })),
});
type PreviousRun = z.infer<typeof PreviousRun>;

const NOTHING: Waiting = { for: 'nothing' };

/**
 * The same run in today's shape. A wait whose data the old record lacks (a click with no setting
 * queued, the member without a pause) becomes `nothing`, which a running record never waits for:
 * the machine ends such a run `invalid-run`, as it ended it before.
 */
function fromPrevious(previous: PreviousRun): RunRecord {
  const { waiting, navigationSent, loadingMs, pause, pages, ...run } = previous;
  const [settingId, ...later] = pages[run.cursor]?.queue ?? [];
  const waits: Record<PreviousRun['waiting'], Waiting> = {
    tab: { for: 'tab' },
    report: { for: 'report', sent: navigationSent, ...(loadingMs !== undefined && { loadingMs }) },
    flip: settingId === undefined ? NOTHING : { for: 'flip', settingId, later },
    member: pause ? { for: 'member', ...pause } : NOTHING,
    nothing: NOTHING,
  };
  return { ...run, waiting: waits[waiting], pages: pages.map(({ queue: _sent, ...page }) => page) };
}

/** The run slot's schema: a run in today's shape, or one an earlier build stored, converted. */
export const StoredRun = z.union([RunRecord, z.pipe(PreviousRun, z.transform(fromPrevious))]);
