import { describe, expect, it } from 'vitest';
import { WorkflowSettings } from '../src/definition.ts';
import { emptyMember } from '../src/member-facts.ts';
import { simulate } from '../src/simulate.ts';
import { buildWorkflow } from '../src/templates/build.ts';

const DEC_1 = Date.UTC(2026, 11, 1);
const DAY = 86_400_000;
const december = { from: '2026-12-01T00:00:00Z', until: '2026-12-31T23:59:59Z' };
const thanks = (window?: { from: string | null; until: string | null }) => {
  const def = buildWorkflow({
    nodes: [
      ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
      ['x', 'exit', 'Done', { reason: 'thanks' }],
    ],
    edges: [['t', 'next', 'x']],
  });
  return { ...def, settings: { ...def.settings, entry: 'every_time' as const, ...(window ? { window } : {}) } };
};
const entries = (window: { from: string | null; until: string | null } | undefined, days: number[]) =>
  simulate({
    definition: thanks(window),
    member: emptyMember('m1', 'UTC'),
    timeline: days.map((d) => ({ type: 'purchase', at: DEC_1 + d * DAY, properties: { amount: 5 } })),
    from: DEC_1 - 10 * DAY,
    until: DEC_1 + 60 * DAY,
    workflowId: 'wf',
  }).trace.filter((t) => t.kind === 'enter' || t.kind === 'skip');

describe('a campaign that runs 1–31 December', () => {
  it('takes members only between its dates, and says why not before and after', () => {
    const trace = entries(december, [-2, 0, 15, 31]);
    expect(trace.map((t) => t.kind)).toEqual(['skip', 'enter', 'enter', 'skip']);
    expect(trace[0]!.reason).toBe('Did not enter: the campaign starts 2026-12-01T00:00:00Z');
    expect(trace[3]!.reason).toBe('Did not enter: the campaign ended 2026-12-31T23:59:59Z');
  });

  it('an open end, and no window at all, take everyone', () => {
    expect(entries({ from: december.from, until: null }, [0, 45]).map((t) => t.kind)).toEqual(['enter', 'enter']);
    expect(entries(undefined, [-2, 45]).map((t) => t.kind)).toEqual(['enter', 'enter']);
  });

  it('an end before the start is refused on the field', () => {
    const r = WorkflowSettings.safeParse({ window: { from: december.until, until: december.from } });
    expect(r.error!.issues[0]).toMatchObject({ path: ['window', 'until'], message: 'must be after the start' });
  });
});
