import { randomBytes } from 'node:crypto';
import { MS_PER_DAY } from '@memberflow/shared/duration';
import { IssueCouponConfig } from '@memberflow/shared/nodes/issue-coupon';
import { effectBase, type NodeExecutor } from './node-executor.ts';

// Unambiguous characters only: codes get read out over the phone and typed at tills.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function couponCode(template: string): string {
  const bytes = randomBytes(8);
  let suffix = '';
  for (const b of bytes) suffix += ALPHABET[b % ALPHABET.length];
  return `${template}-${suffix}`;
}

/**
 * Issues a coupon with a unique code. A coupon template of the same key, when defined, sets
 * validity (N days, or fixed dates) and usage rules: once per member is checked here, stock
 * when the step commits.
 */
export const issueCouponExecutor: NodeExecutor = {
  execute: (ctx) => {
    const config = IssueCouponConfig.parse(ctx.action.config);
    const t = ctx.coupons.templates.get(config.template);
    if (t?.oncePerMember && ctx.coupons.held.has(config.template)) {
      ctx.writes.effects.push({ ...effectBase(ctx, 'issue_coupon'), payload: { template: config.template, skipped: `once per member: already holds a ${config.template} coupon` }, status: 'skipped' });
      return;
    }
    const code = couponCode(config.template);
    const expiresAt = t?.validTo ?? ctx.at + (t?.validityDays ?? config.validityDays) * MS_PER_DAY;
    const payload = { template: config.template, code, expiresAt: new Date(expiresAt).toISOString(), ...(t ? { kind: t.kind, value: t.value, minSpend: t.minSpend } : {}) };
    ctx.writes.effects.push({ ...effectBase(ctx, 'issue_coupon'), payload, status: 'done', coupon: { code, template: config.template, expiresAt, limited: t?.stockLimit != null } });
    ctx.coupons.held.add(config.template);
    // Later messages in this journey entry can say {{coupon.code}}.
    ctx.writes.latestCoupon.set(`${ctx.journey.id}:${ctx.journey.entryCount}`, payload);
  },
};
