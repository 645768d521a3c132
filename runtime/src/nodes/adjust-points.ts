import { AdjustPointsConfig } from '@memberflow/shared/nodes/adjust-points';
import { effectBase, type NodeExecutor } from './node-executor.ts';

/** Changes the balance; a deduction never takes it below zero. The effect row records what applied. */
export const adjustPointsExecutor: NodeExecutor = {
  execute: (ctx) => {
    const c = AdjustPointsConfig.parse(ctx.action.config);
    const delta = c.mode === 'award' ? c.points : -Math.min(c.points, ctx.member.pointsBalance);
    ctx.member.pointsBalance += delta;
    ctx.writes.pointsOps.push({ memberId: ctx.member.id, delta, kind: 'adjust', reason: c.reason, source: `workflow:${ctx.journey.workflowId}`, at: ctx.at, expiresAt: c.expiresInDays > 0 ? ctx.at + c.expiresInDays * 86_400_000 : null, key: `points:${ctx.idempotencyKey}` });
    if (delta !== 0) ctx.writes.raise('points_changed', ctx.at, { delta, balance: ctx.member.pointsBalance, reason: c.reason });
    ctx.writes.effects.push({ ...effectBase(ctx, 'adjust_points'), payload: { delta, requested: c.points, mode: c.mode, reason: c.reason, balance: ctx.member.pointsBalance }, status: 'done' });
  },
};
