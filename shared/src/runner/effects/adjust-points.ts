import { AdjustPointsConfig } from '../../nodes/adjust-points.ts';
import { MAX_POINTS_BALANCE } from '../../loyalty-program.ts';
import { skip } from '../../skip-parts.ts';
import { effectBase, type NodeExecutor } from './node-executor.ts';

/** Changes the balance; a deduction never takes it below zero. The effect row records what applied. */
export const adjustPointsExecutor: NodeExecutor = {
  execute: (ctx) => {
    const c = AdjustPointsConfig.parse(ctx.action.config);
    // An award stops at the 32-bit ceiling of the balance: the effect records what applied (a skip when nothing could).
    const room = Math.max(0, MAX_POINTS_BALANCE - ctx.member.pointsBalance);
    // A negative balance (when the programme allows one) gets no further deduction from a workflow.
    const delta = c.mode === 'award' ? Math.min(c.points, room) : 0 - Math.min(c.points, Math.max(0, ctx.member.pointsBalance));
    const capped = c.mode === 'award' && delta < c.points;
    ctx.member.pointsBalance += delta;
    ctx.writes.pointsOps.push({ memberId: ctx.member.id, delta, kind: 'adjust', reason: c.reason, source: `workflow:${ctx.journey.workflowId}`, at: ctx.at, expiresAt: c.expiresInDays > 0 ? ctx.at + c.expiresInDays * 86_400_000 : null, key: `points:${ctx.idempotencyKey}` });
    if (delta !== 0) ctx.writes.raise('points_changed', ctx.at, { delta, balance: ctx.member.pointsBalance, reason: c.reason });
    const ceiling = `${MAX_POINTS_BALANCE.toLocaleString('en-US')} points a member can hold`;
    const note = !capped ? {} : delta === 0 ? skip(`the balance is at the ${ceiling}`, 'pointsCeiling', { max: MAX_POINTS_BALANCE }) : { capped: `only ${delta.toLocaleString('en-US')} fit under the ${ceiling}` };
    ctx.writes.effects.push({
      ...effectBase(ctx, 'adjust_points'),
      payload: { delta, requested: c.points, mode: c.mode, reason: c.reason, balance: ctx.member.pointsBalance, ...note },
      status: capped && delta === 0 ? 'skipped' : 'done',
    });
  },
};
