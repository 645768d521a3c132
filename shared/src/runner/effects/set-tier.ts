import { SetTierConfig } from '../../nodes/set-tier.ts';
import { effectBase, type NodeExecutor } from './node-executor.ts';

/** Moves the member to a tier and raises tier_changed, which other workflows can trigger on. */
export const setTierExecutor: NodeExecutor = {
  execute: (ctx) => {
    const c = SetTierConfig.parse(ctx.action.config);
    const from = ctx.member.tier;
    if (from === c.tier) return;
    ctx.member.tier = c.tier;
    ctx.writes.memberChanged = true;
    ctx.writes.effects.push({ ...effectBase(ctx, 'set_tier'), payload: { from, to: c.tier, reason: c.reason }, status: 'done' });
    ctx.writes.raise('tier_changed', ctx.at, { from, tier: c.tier, workflowId: ctx.journey.workflowId });
  },
};
