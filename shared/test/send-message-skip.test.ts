import { describe, expect, it } from 'vitest';
import { emptyMember } from '../src/member-facts.ts';
import { sendMessageExecutor } from '../src/runner/effects/send-message.ts';
import { simulate } from '../src/simulate.ts';
import { buildWorkflow } from '../src/templates/build.ts';
import { validateWorkflow } from '../src/validate.ts';

const T0 = Date.UTC(2026, 11, 1, 2);
const flow = (body: string) =>
  buildWorkflow({
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
const run = (body: string, name: string | null, locale = 'zh-CN') =>
  simulate({
    definition: flow(body),
    member: { ...emptyMember('m1', 'Asia/Shanghai'), name, locale, phone: '13800000000' },
    timeline: [{ type: 'purchase', at: T0, properties: { amount: 20 } }],
    from: T0,
    until: T0 + 86_400_000,
  }).effects.find((e) => e.kind === 'send_message')!;

describe('send_message with variables that have no value', () => {
  it('is skipped with the reason rather than sent with a hole', () => {
    const e = run('{{member.name}}您好，券 {{coupon.code}} 于 {{coupon.expiresAt | date}} 到期', null);
    expect(e.skipped).toBe('no value for {{member.name}} (give a fallback with | default: "…")');
  });

  it('goes out with the fallback, and the date in the member language and zone', () => {
    const e = run('{{member.name | default: "会员"}}您好，券于 {{coupon.expiresAt | date}} 到期', null);
    expect(e.skipped).toBeUndefined();
    expect(e.preview).toBe('会员您好，券于 2026年12月11日 到期');
    expect(run('Hi {{member.name}}, by {{coupon.expiresAt | date}}', 'Li Lei', 'en').preview).toBe(
      'Hi Li Lei, by December 11, 2026',
    );
  });
});

describe('send_message executor on a stored config', () => {
  it('a version published before a check was added still runs: an unknown variable skips the message, it does not fail the journey', () => {
    const effects: { payload: Record<string, unknown>; status: string }[] = [];
    const ctx = {
      action: { nodeId: 'm', config: { channel: 'sms', body: '{{member.nmae}}: ' + '长'.repeat(800), marketing: false } },
      member: { ...emptyMember('m1', 'Asia/Shanghai'), phone: '1', name: 'Li' },
      journey: { id: 'j', workflowId: 'w', memberId: 'm1' },
      at: T0,
      idempotencyKey: 'k',
      writes: { effects },
      templateVars: () => ({ member: { name: 'Li' } }),
      contact: { settings: { frequencyCap: false }, cap: { count: 0, days: 7 }, recentMarketing: [], provider: () => ({ kind: 'log' }), smsSignature: '【品牌】' },
    };
    sendMessageExecutor.execute(ctx as never);
    expect(effects[0]).toMatchObject({
      status: 'skipped',
      payload: {
        skipped: 'no value for {{member.nmae}} (give a fallback with | default: "…")',
        skippedParts: { key: 'missingValues', vars: { names: '{{member.nmae}}' } },
      },
    });
    expect(String(effects[0]!.payload.body).endsWith('长【品牌】')).toBe(true);
  });
});

describe('send_message with a send rate limit', () => {
  const limited = (rateLimit: unknown) =>
    buildWorkflow({
      nodes: [
        ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
        ['m', 'send_message', 'SMS', { channel: 'sms', body: 'Hi {{member.name}}', marketing: false, rateLimit }],
        ['x', 'exit', 'Done', { reason: 'done' }],
      ],
      edges: [
        ['t', 'next', 'm'],
        ['m', 'next', 'x'],
      ],
    });
  const sim = (rateLimit: unknown, name: string | null = 'Li') =>
    simulate({
      definition: limited(rateLimit),
      member: { ...emptyMember('m1', 'Asia/Shanghai'), name, phone: '13800000000' },
      timeline: [{ type: 'purchase', at: T0, properties: { amount: 20 } }],
      from: T0,
      until: T0 + 86_400_000,
    });

  it('queues the message with its limit, and the trace says so', () => {
    const r = sim({ count: 500, per: 'hour' });
    expect(r.trace.map((t) => t.reason)).toContain('sms: Hi {{member.name}} (at most 500 per hour) (queued: this step sends at most 500 per hour)');
  });

  it('a message that is skipped is not queued', () => {
    const r = sim({ count: 500, per: 'hour' }, null);
    expect(r.trace.map((t) => t.reason).join('\n')).toContain('skipped: no value for {{member.name}}');
    expect(r.trace.map((t) => t.reason).join('\n')).not.toContain('queued');
  });

  it('a limit of 0 or an unknown window is a problem on the field', () => {
    const fields = (rateLimit: unknown) => validateWorkflow(limited(rateLimit)).violations.map((v) => `${v.nodeId}:${v.field}`);
    expect(fields({ count: 0, per: 'hour' })).toEqual(['m:config.rateLimit.count']);
    expect(fields({ count: 10, per: 'week' })).toEqual(['m:config.rateLimit.per']);
    expect(fields(null)).toEqual([]);
  });
});
