import { MS_PER_DAY } from '../../duration.ts';
import { IssueCouponConfig } from '../../nodes/issue-coupon.ts';
import { skip, type Skip } from '../../skip-parts.ts';
import { effectBase, type ExecContext, type NodeExecutor } from './node-executor.ts';

/** Why this coupon cannot be issued (archived template, once per member, sold out), or null. Decided here, before any later message can show a code. */
function refusal(ctx: ExecContext, template: string): Skip | null {
  const t = ctx.coupons.templates.get(template);
  if (t?.archivedAt != null) return skip(`${template} is archived: it issues no more coupons`, 'couponArchived', { template });
  if (t?.oncePerMember && ctx.coupons.held.has(template)) return skip(`once per member: already holds a ${template} coupon`, 'couponOncePerMember', { template });
  if (t?.stockLimit != null && (ctx.coupons.stockLeft.get(template) ?? 0) <= 0) return skip(`${template} is out of stock`, 'couponOutOfStock', { template });
  return null;
}

/**
 * Issues a coupon with a unique code. A coupon template of the same key, when defined, sets
 * validity (N days, or fixed dates) and usage rules: once per member and stock are decided
 * here (the runtime's flush only confirms the stock it took).
 */
export const issueCouponExecutor: NodeExecutor = {
  execute: (ctx) => {
    const config = IssueCouponConfig.parse(ctx.action.config);
    const why = refusal(ctx, config.template);
    if (why) {
      ctx.writes.effects.push({ ...effectBase(ctx, 'issue_coupon'), payload: { template: config.template, ...why }, status: 'skipped' });
      return;
    }
    const t = ctx.coupons.templates.get(config.template);
    if (t?.stockLimit != null) {
      ctx.coupons.stockLeft.set(config.template, (ctx.coupons.stockLeft.get(config.template) ?? 0) - 1);
      ctx.writes.stockTaken.set(config.template, (ctx.writes.stockTaken.get(config.template) ?? 0) + 1);
    }
    const code = ctx.coupons.code(config.template);
    const expiresAt = t?.validTo ?? ctx.at + (t?.validityDays ?? config.validityDays) * MS_PER_DAY;
    const payload = { template: config.template, code, expiresAt: new Date(expiresAt).toISOString(), ...(t ? { kind: t.kind, value: t.value, minSpend: t.minSpend } : {}) };
    ctx.writes.effects.push({ ...effectBase(ctx, 'issue_coupon'), payload, status: 'done', coupon: { code, template: config.template, expiresAt } });
    ctx.coupons.held.add(config.template);
    // Later messages in this journey entry can say {{coupon.code}}.
    ctx.writes.latestCoupon.set(`${ctx.journey.id}:${ctx.journey.entryCount}`, payload);
  },
};
