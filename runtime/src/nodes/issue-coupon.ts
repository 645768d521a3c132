import { randomBytes } from 'node:crypto';
import { MS_PER_DAY } from '@memberflow/shared/duration';
import { IssueCouponConfig } from '@memberflow/shared/nodes/issue-coupon';
import type { NodeExecutor } from './node-executor.ts';

// Unambiguous characters only: codes get read out over the phone and typed at tills.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function couponCode(template: string): string {
  const bytes = randomBytes(8);
  let suffix = '';
  for (const b of bytes) suffix += ALPHABET[b % ALPHABET.length];
  return `${template}-${suffix}`;
}

export const issueCouponExecutor: NodeExecutor = {
  execute: ({ journey, action, at, writes, idempotencyKey }) => {
    const config = IssueCouponConfig.parse(action.config);
    const code = couponCode(config.template);
    const expiresAt = at + config.validityDays * MS_PER_DAY;
    writes.effects.push({
      idempotencyKey,
      journeyId: journey.id,
      workflowId: journey.workflowId,
      memberId: journey.memberId,
      nodeId: action.nodeId,
      kind: 'issue_coupon',
      payload: { template: config.template, code, expiresAt: new Date(expiresAt).toISOString() },
      status: 'done',
      at,
      coupon: { code, template: config.template, expiresAt },
    });
  },
};
