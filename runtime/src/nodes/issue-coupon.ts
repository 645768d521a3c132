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

export const issueCouponExecutor: NodeExecutor = {
  execute: (ctx) => {
    const config = IssueCouponConfig.parse(ctx.action.config);
    const code = couponCode(config.template);
    const expiresAt = ctx.at + config.validityDays * MS_PER_DAY;
    const payload = { template: config.template, code, expiresAt: new Date(expiresAt).toISOString() };
    ctx.writes.effects.push({ ...effectBase(ctx, 'issue_coupon'), payload, status: 'done', coupon: { code, template: config.template, expiresAt } });
    // Later messages in this journey entry can say {{coupon.code}}.
    ctx.writes.latestCoupon.set(`${ctx.journey.id}:${ctx.journey.entryCount}`, payload);
  },
};
