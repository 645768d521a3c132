import { describe, expect, it } from 'vitest';
import { messageVerdict, type MessagePolicy } from '../src/contact-policy.ts';
import { defaultSettings } from '../src/definition.ts';
import { MAX_POINTS_BALANCE } from '../src/loyalty-program.ts';
import { emptyMember } from '../src/member-facts.ts';
import { adjustPointsExecutor } from '../src/runner/effects/adjust-points.ts';
import { issueCouponExecutor } from '../src/runner/effects/issue-coupon.ts';
import { sendMessageExecutor } from '../src/runner/effects/send-message.ts';
import { isSkipParts } from '../src/skip-parts.ts';

// 2026-12-01 15:00 UTC is 23:00 in Shanghai: inside 22:00-08:00 quiet hours.
const AT = Date.UTC(2026, 11, 1, 15);
const member = (over: Partial<ReturnType<typeof emptyMember>> = {}) => ({ ...emptyMember('m1', 'Asia/Shanghai'), phone: '13800000000', email: 'a@b.c', ...over });
const policy = (over: Partial<MessagePolicy> = {}): MessagePolicy => ({ settings: { ...defaultSettings(), frequencyCap: true }, cap: { count: 0, days: 7 }, recentMarketing: [], ...over });

describe('a skipped message carries its reason as parts beside the English', () => {
  it('opted out, no address, frequency cap and quiet hours each name their key and values', () => {
    const sms = { channel: 'sms' as const, marketing: true };
    expect(messageVerdict(sms, member({ consents: { sms: false } as never }), AT, policy())).toEqual({
      send: false,
      skipped: 'member opted out of sms',
      skippedParts: { key: 'optedOut.sms', vars: {} },
    });
    expect(messageVerdict(sms, member({ phone: null }), AT, policy())).toMatchObject({ skipped: 'member has no phone number', skippedParts: { key: 'noPhone' } });
    expect(messageVerdict({ channel: 'email', marketing: false }, member({ email: null }), AT, policy())).toMatchObject({
      skipped: 'member has no email address',
      skippedParts: { key: 'noEmail' },
    });
    expect(messageVerdict(sms, member(), AT, policy({ cap: { count: 2, days: 7 }, recentMarketing: [AT - 1, AT - 2] }))).toMatchObject({
      skipped: 'frequency cap: 2 marketing messages per 7 days already sent',
      skippedParts: { key: 'frequencyCap.other', vars: { count: 2, days: 7 } },
    });
    expect(messageVerdict(sms, member(), AT, policy({ cap: { count: 1, days: 3 }, recentMarketing: [AT - 1] }))).toMatchObject({
      skipped: 'frequency cap: 1 marketing message per 3 days already sent',
      skippedParts: { key: 'frequencyCap.one', vars: { count: 1, days: 3 } },
    });
    const quiet = policy({ settings: { ...defaultSettings(), quietHours: { start: '22:00', end: '08:00', mode: 'skip' } } });
    expect(messageVerdict(sms, member(), AT, quiet)).toMatchObject({
      skipped: 'quiet hours 22:00-08:00 (member time)',
      skippedParts: { key: 'quietHours', vars: { start: '22:00', end: '08:00' } },
    });
  });

  it('the send_message executor writes both into the effect payload', () => {
    const effects: { payload: Record<string, unknown>; status: string }[] = [];
    const ctx = {
      action: { nodeId: 'm', config: { channel: 'sms', body: 'Hi', marketing: false } },
      member: member({ phone: null }),
      journey: { id: 'j', workflowId: 'w', memberId: 'm1' },
      at: AT,
      idempotencyKey: 'k',
      writes: { effects },
      templateVars: () => ({}),
      contact: { ...policy(), provider: () => ({ kind: 'log' }) },
    };
    sendMessageExecutor.execute(ctx as never);
    expect(effects[0]).toMatchObject({ status: 'skipped', payload: { skipped: 'member has no phone number', skippedParts: { key: 'noPhone', vars: {} } } });
    expect(isSkipParts(effects[0]!.payload.skippedParts)).toBe(true);
  });
});

describe('issue_coupon and adjust_points skips carry parts', () => {
  const coupon = (template: Record<string, unknown>, held: string[], stockLeft: number) => {
    const effects: { payload: Record<string, unknown>; status: string }[] = [];
    const ctx = {
      action: { nodeId: 'c', config: { template: 'VIP', validityDays: 10 } },
      journey: { id: 'j', workflowId: 'w', memberId: 'm1', entryCount: 1 },
      at: AT,
      idempotencyKey: 'k',
      writes: { effects, stockTaken: new Map(), latestCoupon: new Map() },
      coupons: { templates: new Map([['VIP', template]]), held: new Set(held), stockLeft: new Map([['VIP', stockLeft]]), code: () => 'X' },
    };
    issueCouponExecutor.execute(ctx as never);
    return effects[0]!;
  };

  it('archived, once per member and out of stock name the template', () => {
    expect(coupon({ archivedAt: AT }, [], 5).payload).toEqual({
      template: 'VIP',
      skipped: 'VIP is archived: it issues no more coupons',
      skippedParts: { key: 'couponArchived', vars: { template: 'VIP' } },
    });
    expect(coupon({ oncePerMember: true }, ['VIP'], 5).payload).toMatchObject({
      skipped: 'once per member: already holds a VIP coupon',
      skippedParts: { key: 'couponOncePerMember', vars: { template: 'VIP' } },
    });
    expect(coupon({ stockLimit: 10 }, [], 0).payload).toMatchObject({ skipped: 'VIP is out of stock', skippedParts: { key: 'couponOutOfStock', vars: { template: 'VIP' } } });
    expect(coupon({ stockLimit: 10 }, [], 3).payload.skippedParts).toBeUndefined();
  });

  it('an award with no room under the ceiling says the ceiling', () => {
    const writes = { pointsOps: [], effects: [] as { payload: Record<string, unknown> }[], raise: () => {} };
    const ctx = { action: { nodeId: 'n', config: { mode: 'award', points: 30, reason: 'r', expiresInDays: 0 } }, member: { id: 'm', pointsBalance: MAX_POINTS_BALANCE }, journey: { id: 'j', workflowId: 'w', memberId: 'm' }, at: 0, idempotencyKey: 'k', writes };
    adjustPointsExecutor.execute(ctx as never);
    expect(writes.effects[0]!.payload.skippedParts).toEqual({ key: 'pointsCeiling', vars: { max: MAX_POINTS_BALANCE } });
  });
});
