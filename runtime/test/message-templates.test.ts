import { buildWorkflow } from '@memberflow/shared/templates/build';
import { describe, expect } from 'vitest';
import { JAN_1, test } from './infra-fixture.ts';

const couponThenSms = (body: string) =>
  buildWorkflow({
    settings: { entry: 'every_time' },
    nodes: [
      ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
      ['c', 'issue_coupon', 'Coupon', { template: 'COMEBACK10', validityDays: 10 }],
      ['m', 'send_message', 'SMS', { channel: 'sms', body, marketing: false }],
      ['x', 'exit', 'Done', { reason: 'done' }],
    ],
    edges: [
      ['t', 'next', 'c'],
      ['c', 'next', 'm'],
      ['m', 'next', 'x'],
    ],
  });
const purchase = (memberId: string) => ({ type: 'purchase', memberId, timestamp: new Date(JAN_1).toISOString(), properties: { amount: 30 } });

describe('message templates in the runtime', () => {
  test('a date goes out in the member language and zone; a variable without a value skips the message with the reason', async ({ infra }) => {
    await infra.sql(`INSERT INTO member (id, name, phone, locale, time_zone) VALUES ('zh1', '李雷', '13800000001', 'zh-CN', 'Asia/Shanghai'), ('anon', NULL, '13800000002', 'zh-CN', 'Asia/Shanghai')`);
    await infra.publishDefinition('Coupon SMS', couponThenSms('{{member.name}}您好，优惠券 {{coupon.code}} 将于 {{coupon.expiresAt | date}} 到期'));
    await infra.api('POST', '/api/v1/events', { events: [purchase('zh1'), purchase('anon')] });
    await infra.drain();
    const rows = await infra.sql(`SELECT member_id, status, payload->>'body' AS body, payload->>'skipped' AS skipped FROM effect WHERE kind = 'send_message' ORDER BY member_id`);
    expect(rows).toEqual([
      { member_id: 'anon', status: 'skipped', body: expect.stringContaining('您好'), skipped: 'no value for {{member.name}} (give a fallback with | default: "…")' },
      { member_id: 'zh1', status: 'done', body: expect.stringMatching(/^李雷您好，优惠券 COMEBACK10-\S+ 将于 2026年1月11日 到期$/), skipped: null },
    ]);
  });
});
