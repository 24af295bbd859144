// A run stored by an earlier build (`waiting` a word, its data in fields beside it) is read in
// today's shape and goes on where it stood; one that made no sense still ends `invalid-run`.
import { describe, expect, it } from 'vitest';
import { advance, type Effect } from '../../../src/run/machine';
import { StoredRun } from '../../../src/run/stored';
import type { Waiting } from '../../../src/run/types';

const P1 = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const P2 = 'https://www.linkedin.com/mypreferences/d/settings/data-research';
const T1 = '2026-01-01T10:00:05.000Z';

/** A run as an earlier build stored it, mid-way through its first page, verbatim. */
const OLD = {
  id: '5f0c2a9e-6a55-4c3c-9d0e-1f2a3b4c5d6e',
  mode: 'opt-out',
  status: 'running',
  startedAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:02.000Z',
  tabId: 7,
  cursor: 0,
  waiting: 'report',
  navigatedAt: 1767261601000,
  navigationSent: true,
  pages: [
    {
      settingIds: ['ai-training', 'ai-training-2'],
      urls: [P1],
      tried: 0,
      target: P1,
      visited: [],
      phase: 'apply',
      loads: 1,
      retries: 0,
      queue: [],
    },
    {
      settingIds: ['research'],
      urls: [P2],
      tried: 0,
      target: P2,
      visited: [],
      phase: 'apply',
      loads: 0,
      retries: 0,
      queue: [],
    },
  ],
  results: [
    { settingId: 'ai-training', outcome: 'pending', clicks: 0 },
    { settingId: 'ai-training-2', outcome: 'pending', clicks: 0 },
    { settingId: 'research', outcome: 'pending', clicks: 0 },
  ],
  returnTo: 3,
};
const PAUSE = { code: 'checkpoint', since: '2026-01-01T10:00:01.000Z' };
const queued = (queue: string[]) => ({ pages: [{ ...OLD.pages[0], queue }, OLD.pages[1]] });

interface Row {
  name: string;
  old: Record<string, unknown>;
  waiting: Waiting;
  /** What the run does when the worker resumes it. */
  resumes: Effect[];
}

const rows: Row[] = [
  {
    name: 'waiting for the tab',
    old: { ...OLD, waiting: 'tab', tabId: null, navigationSent: false },
    waiting: { for: 'tab' },
    resumes: [{ type: 'open-tab', url: P1 }],
  },
  {
    name: 'waiting for a report of a load sent',
    old: OLD,
    waiting: { for: 'report', sent: true },
    resumes: [{ type: 'observe' }],
  },
  {
    name: 'waiting for a report of a load never sent',
    old: { ...OLD, navigationSent: false },
    waiting: { for: 'report', sent: false },
    resumes: [{ type: 'navigate', url: P1 }],
  },
  {
    name: 'waiting for a slow page',
    old: { ...OLD, loadingMs: 6000 },
    waiting: { for: 'report', sent: true, loadingMs: 6000 },
    resumes: [{ type: 'observe' }],
  },
  {
    name: 'waiting for a click’s answer, another click queued',
    old: { ...OLD, waiting: 'flip', ...queued(['ai-training', 'ai-training-2']) },
    waiting: { for: 'flip', settingId: 'ai-training', later: ['ai-training-2'] },
    resumes: [{ type: 'flip', settingId: 'ai-training' }],
  },
  {
    name: 'waiting for the member at the security check',
    old: { ...OLD, waiting: 'member', pause: PAUSE, pauses: 1, shown: true },
    waiting: { for: 'member', ...PAUSE } as Waiting,
    resumes: [],
  },
];

describe('a run stored by an earlier build', () => {
  it.each(rows.map((row) => [row.name, row] as const))('%s: read in today’s shape, and resumed', (_, row) => {
    const parsed = StoredRun.safeParse(structuredClone(row.old));
    expect(parsed.success, JSON.stringify(parsed.error)).toBe(true);
    const run = parsed.data!;
    expect(run.waiting).toEqual(row.waiting);
    // The old fields are gone; everything else is kept as it was.
    for (const field of ['navigationSent', 'loadingMs', 'pause']) expect(run).not.toHaveProperty(field);
    for (const page of run.pages) expect(page).not.toHaveProperty('queue');
    expect(run).toMatchObject({ id: OLD.id, cursor: 0, navigatedAt: OLD.navigatedAt, results: OLD.results });
    expect(run.pages[0]).toMatchObject({ settingIds: ['ai-training', 'ai-training-2'], loads: 1 });
    const step = advance(run, { type: 'resume' }, T1);
    expect(step.effects).toEqual(row.resumes);
    expect(step.run.status).toBe('running');
  });

  it('a finished run keeps its outcome; a pause it ended in is dropped', () => {
    const done = {
      ...OLD,
      status: 'interrupted',
      waiting: 'nothing',
      finishedAt: T1,
      pause: PAUSE,
      code: 'checkpoint',
      reason: 'the security check was not passed',
      results: OLD.results.map((r) => ({ ...r, outcome: 'skipped', code: 'checkpoint' })),
    };
    const run = StoredRun.parse(done);
    expect(run).toMatchObject({ status: 'interrupted', waiting: { for: 'nothing' }, code: 'checkpoint' });
    expect(run).not.toHaveProperty('pause');
  });

  it.each<[string, Record<string, unknown>]>([
    ['waiting for a click with none queued', { ...OLD, waiting: 'flip' }],
    ['waiting for the member without a pause', { ...OLD, waiting: 'member' }],
    ['waiting for nothing while running', { ...OLD, waiting: 'nothing' }],
    ['a click queued on a setting of another page', { ...OLD, waiting: 'flip', ...queued(['research']) }],
  ])('one that made no sense (%s) is read, then ended invalid-run, touching no tab', (_, old) => {
    const run = StoredRun.parse(old);
    const step = advance(run, { type: 'resume' }, T1);
    expect(step.effects).toEqual([{ type: 'finished' }]);
    expect(step.run).toMatchObject({ status: 'interrupted', code: 'invalid-run' });
  });

  it('a record of neither shape is refused', () => {
    expect(StoredRun.safeParse({ ...OLD, waiting: 'coffee' }).success).toBe(false);
    expect(StoredRun.safeParse({ ...OLD, navigationSent: undefined }).success).toBe(false);
    expect(StoredRun.safeParse({ ...OLD, waiting: { for: 'flip', later: [] } }).success).toBe(false);
  });

  it('a run in today’s shape is read as it is', () => {
    const today = { ...StoredRun.parse(OLD), waiting: { for: 'flip', settingId: 'ai-training', later: [] } };
    expect(StoredRun.parse(today)).toEqual(today);
  });
});
