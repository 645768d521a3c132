import { AdjustPointsConfig } from '@memberflow/shared/nodes/adjust-points';
import { effectBase, type NodeExecutor } from './node-executor.ts';

/** Changes the balance; a deduction never takes it below zero. The effect row records what applied. */
export const adjustPointsExecutor: NodeExecutor = {
  execute: (ctx) => {
    const c = AdjustPointsConfig.parse(ctx.action.config);
    const delta = c.mode === 'award' ? c.points : -Math.min(c.points, ctx.member.pointsBalance);
    ctx.member.pointsBalance += delta;
    ctx.writes.memberChanged = true;
    ctx.writes.effects.push({ ...effectBase(ctx, 'adjust_points'), payload: { delta, requested: c.points, mode: c.mode, reason: c.reason, balance: ctx.member.pointsBalance }, status: 'done' });
  },
};
