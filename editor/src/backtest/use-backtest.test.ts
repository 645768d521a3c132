import type { BacktestReport, BacktestRun } from '@memberflow/shared/api/backtests';
import { describe, expect, it } from 'vitest';
import { applyProgress, parseDays, progressShare, stateForRun, upsertRun, type BacktestState } from './backtest-state.ts';

const report: BacktestReport = {
  period: { from: '1997-01-01T00:00:00.000Z', to: '1998-07-01T00:00:00.000Z' },
  events: 10,
  members: 4,
  journeys: { completed: 3 },
  nodes: { trigger: { entered: 4, current: 0 } },
  effects: 3,
  effectsByKind: { issue_coupon: 3 },
  effectsByStatus: { done: 2, skipped: 1 },
  skipped: [{ reason: 'no consent', count: 1 }],
  timeTrigger: null,
  wakes: 3,
  warnings: [],
  seconds: 1.5,
};

const run = (over: Partial<BacktestRun>): BacktestRun => ({
  id: 'r1',
  workflowId: 'w1',
  status: 'queued',
  days: 30,
  progress: { phase: 'queued' },
  report: null,
  error: null,
  requestedBy: 'me@example.com',
  cancelRequested: false,
  createdAt: '2026-12-02T10:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  ...over,
});

describe('parseDays', () => {
  it('accepts whole days from 1 to 3650', () => {
    expect(parseDays('365')).toBe(365);
    expect(parseDays(' 1 ')).toBe(1);
    expect(parseDays('3650')).toBe(3650);
  });
  it('refuses anything else', () => {
    for (const t of ['', '0', '3651', '1.5', '-3', 'ten']) expect(parseDays(t)).toBeNull();
  });
});

describe('the panel state for a run', () => {
  it('a queued or running run is followed, from when it started', () => {
    const s = stateForRun(
      run({ status: 'running', startedAt: '2026-12-02T10:00:05.000Z', progress: { phase: 'storing', events: 10, stored: 5 } }),
    );
    expect(s).toEqual({
      status: 'running',
      id: 'r1',
      days: 30,
      run: { status: 'running', progress: { phase: 'storing', events: 10, stored: 5 }, cancelRequested: false },
      startedAt: Date.parse('2026-12-02T10:00:05.000Z'),
    });
  });
  it('a finished run shows its report; a failed one its error; a cancelled one says so', () => {
    expect(stateForRun(run({ status: 'done', report, finishedAt: '2026-12-02T10:01:00.000Z' }))).toEqual({
      status: 'done',
      id: 'r1',
      days: 30,
      result: report,
      finishedAt: '2026-12-02T10:01:00.000Z',
    });
    expect(stateForRun(run({ status: 'failed', error: 'More than 500000 events in 30 days: choose fewer days' }))).toEqual({
      status: 'setup',
      error: 'More than 500000 events in 30 days: choose fewer days',
    });
    expect(stateForRun(run({ status: 'cancelled' }))).toEqual({ status: 'setup', error: null, notice: 'cancelled' });
  });
});

describe('progress', () => {
  const running = stateForRun(run({ status: 'running' }), 0) as Extract<BacktestState, { status: 'running' }>;
  it('frames of the run on show move it on, keeping a cancel already asked for', () => {
    const asked = { ...running, run: { ...running.run, cancelRequested: true } };
    const next = applyProgress(asked, {
      id: 'r1',
      status: 'running',
      progress: { phase: 'replaying', events: 10, pending: 4, wakes: 2 },
      cancelRequested: false,
    });
    expect(next).toMatchObject({
      status: 'running',
      run: { progress: { phase: 'replaying', pending: 4, wakes: 2 }, cancelRequested: true },
    });
  });
  it('frames of another run, or after the run finished, change nothing', () => {
    expect(
      applyProgress(running, { id: 'r2', status: 'running', progress: { phase: 'reporting' }, cancelRequested: false }),
    ).toBe(running);
    const setup: BacktestState = { status: 'setup', error: null };
    expect(applyProgress(setup, { id: 'r1', status: 'running', progress: { phase: 'reporting' }, cancelRequested: false })).toBe(
      setup,
    );
  });
  it('the bar: storing is the first fifth, replaying the rest; unknown before', () => {
    expect(progressShare({ phase: 'queued' })).toBeNull();
    expect(progressShare({ phase: 'preparing', events: 10 })).toBeNull();
    expect(progressShare({ phase: 'storing', events: 10, stored: 5 })).toBeCloseTo(0.1);
    expect(progressShare({ phase: 'replaying', events: 10, pending: 10 })).toBeCloseTo(0.2);
    expect(progressShare({ phase: 'replaying', events: 10, pending: 5 })).toBeCloseTo(0.6);
    expect(progressShare({ phase: 'reporting', events: 10 })).toBe(1);
  });
});

describe('kept results', () => {
  it('newest first, a run replacing its older copy', () => {
    const older = run({ id: 'a', createdAt: '2026-12-01T10:00:00.000Z', status: 'done', report });
    const newer = run({ id: 'b', createdAt: '2026-12-02T10:00:00.000Z' });
    const list = upsertRun([older], newer);
    expect(list.map((r) => r.id)).toEqual(['b', 'a']);
    const finished = upsertRun(list, { ...newer, status: 'done', report });
    expect(finished.map((r) => [r.id, r.status])).toEqual([
      ['b', 'done'],
      ['a', 'done'],
    ]);
  });
});
