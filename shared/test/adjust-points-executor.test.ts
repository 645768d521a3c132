import { describe, expect, test } from 'vitest';
import { MAX_POINTS_BALANCE } from '../src/loyalty-program.ts';
import { adjustPointsExecutor } from '../src/runner/effects/adjust-points.ts';

/** The executor alone: it only reads the member's balance and pushes writes, so plain objects do. */
function run(balance: number, mode: 'award' | 'deduct', points: number) {
  const writes = { pointsOps: [] as { delta: number }[], effects: [] as { payload: Record<string, unknown>; status: string }[], raise: () => {} };
  const ctx = {
    action: { nodeId: 'n', config: { mode, points, reason: 'test', expiresInDays: 0 } },
    member: { id: 'm', pointsBalance: balance },
    journey: { id: 'j', workflowId: 'w', memberId: 'm' },
    at: 0,
    idempotencyKey: 'k',
    writes,
  };
  adjustPointsExecutor.execute(ctx as never);
  return { delta: writes.pointsOps[0]!.delta, balance: ctx.member.pointsBalance, effect: writes.effects[0]! };
}

describe('adjust_points executor', () => {
  test('a deduction takes the balance down to zero at most, and never further below zero', () => {
    expect(run(100, 'deduct', 30)).toMatchObject({ delta: -30, balance: 70 });
    expect(run(20, 'deduct', 30)).toMatchObject({ delta: -20, balance: 0 });
    expect(run(-50, 'deduct', 30)).toMatchObject({ delta: 0, balance: -50 });
  });

  test('an award stops at the ceiling and says so', () => {
    expect(run(MAX_POINTS_BALANCE - 5, 'award', 30)).toMatchObject({ delta: 5, effect: { status: 'done', payload: { capped: expect.any(String) } } });
    expect(run(MAX_POINTS_BALANCE, 'award', 30)).toMatchObject({ delta: 0, effect: { status: 'skipped' } });
  });
});
