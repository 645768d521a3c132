import { describe, expect, it } from 'vitest';
import { couponStepBefore, previewCoupon } from './message-preview-vars.ts';

const node = (id: string, kind: string, config: Record<string, unknown> = {}) => ({ id, data: { kind, label: id, config } });

describe('message preview variables', () => {
  it('finds the nearest coupon step on a path into the message', () => {
    const nodes = [
      node('t', 'event_trigger'),
      node('c1', 'issue_coupon', { template: 'FAR' }),
      node('w', 'wait_duration'),
      node('c2', 'issue_coupon', { template: 'NEAR' }),
      node('m', 'send_message'),
    ];
    const edges = [
      { source: 't', target: 'c1' },
      { source: 'c1', target: 'w' },
      { source: 'w', target: 'c2' },
      { source: 'c2', target: 'm' },
    ];
    expect(couponStepBefore('m', nodes, edges)?.id).toBe('c2');
    expect(couponStepBefore('w', nodes, edges)?.id).toBe('c1');
    expect(couponStepBefore('t', nodes, edges)).toBeNull();
  });

  it('gives the template value and validity, issued now', () => {
    const t = {
      key: 'COMEBACK10',
      name: 'Come back',
      kind: 'amount_off' as const,
      value: 10,
      minSpend: 50,
      validityDays: 10,
      validFrom: null,
      validTo: null,
      oncePerMember: false,
      stockLimit: null,
      issuedCount: 0,
      archivedAt: null,
    };
    const now = Date.UTC(2026, 11, 1, 2);
    expect(previewCoupon(t, 30, now)).toEqual({
      template: 'COMEBACK10',
      code: 'COMEBACK10-7KQ2',
      expiresAt: '2026-12-11T02:00:00.000Z',
      kind: 'amount_off',
      value: 10,
      minSpend: 50,
    });
    expect(previewCoupon({ ...t, validTo: Date.UTC(2027, 0, 31) }, 30, now).expiresAt).toBe('2027-01-31T00:00:00.000Z');
  });
});
