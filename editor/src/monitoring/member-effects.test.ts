import { describe, expect, it } from 'vitest';
import { translate, type Translate } from '../i18n/i18n.ts';
import { effectReason } from './member-effects.tsx';
import type { MemberEffect } from './monitoring-types.ts';

const tIn = (locale: 'en' | 'zh-CN'): Translate => (key, vars) => translate(locale, key, vars);

const held = (payload: Record<string, unknown>, notBefore: string | null): MemberEffect =>
  ({ key: 'k', workflowId: 'w', memberId: 'm', nodeId: 'n', kind: 'send_message', status: 'held', payload, at: '2026-12-01T02:00:00.000Z', attempts: 0, error: null, notBefore, doneAt: null }) as MemberEffect;

describe('why a held message waits', () => {
  it('a message queued by its step’s send rate limit says the limit, in English and 中文', () => {
    const e = held({ channel: 'sms', rateLimit: { count: 500, windowMs: 3_600_000 } }, '2026-12-01T02:00:00.000Z');
    expect(effectReason(e, 'UTC', tIn('en'))).toBe('Queued: this step sends at most 500 per hour; it goes out in turn.');
    expect(effectReason(e, 'UTC', tIn('zh-CN'))).toBe('排队中：此步骤最多发送 500 条/小时，依次发出。');
  });

  it('a message held for quiet hours still says until when', () => {
    const e = held({ channel: 'sms' }, '2026-12-01T00:00:00.000Z');
    expect(effectReason(e, 'Asia/Shanghai', tIn('en'))).toContain('Held for quiet hours until');
  });
});

const skipped = (kind: string, payload: Record<string, unknown>): MemberEffect =>
  ({ key: 'k', workflowId: 'w', memberId: 'm', nodeId: 'n', kind, status: 'skipped', payload, at: '2026-12-01T02:00:00.000Z', attempts: 0, error: null, notBefore: null, doneAt: null }) as MemberEffect;

describe('why an effect was skipped', () => {
  it('says the reason in 中文 from the stored parts, and the same English words as the runner', () => {
    const e = skipped('send_message', { channel: 'sms', skipped: 'member has no phone number', skippedParts: { key: 'noPhone', vars: {} } });
    expect(effectReason(e, 'UTC', tIn('zh-CN'))).toBe('已跳过：会员没有手机号');
    expect(effectReason(e, 'UTC', tIn('en'))).toBe('Skipped: member has no phone number');
  });

  it('fills the values: frequency cap, missing variables, coupon out of stock', () => {
    const cap = skipped('send_message', { skipped: 'frequency cap: 2 marketing messages per 7 days already sent', skippedParts: { key: 'frequencyCap.other', vars: { count: 2, days: 7 } } });
    expect(effectReason(cap, 'UTC', tIn('zh-CN'))).toBe('已跳过：频次上限：7 天内已发送 2 条营销消息');
    expect(effectReason(cap, 'UTC', tIn('en'))).toBe('Skipped: frequency cap: 2 marketing messages per 7 days already sent');
    const missing = skipped('send_message', { skippedParts: { key: 'missingValues', vars: { names: '{{member.name}}' } } });
    expect(effectReason(missing, 'UTC', tIn('zh-CN'))).toBe('已跳过：{{member.name}} 没有值（可用 | default: "…" 设置默认值）');
    const stock = skipped('issue_coupon', { template: 'VIP', skipped: 'VIP is out of stock', skippedParts: { key: 'couponOutOfStock', vars: { template: 'VIP' } } });
    expect(effectReason(stock, 'UTC', tIn('zh-CN'))).toBe('已跳过：VIP 已无库存');
  });

  it('a row written before the parts existed, or with a key this editor does not know, keeps its English', () => {
    expect(effectReason(skipped('send_message', { skipped: 'member has no phone number' }), 'UTC', tIn('zh-CN'))).toBe('已跳过：member has no phone number');
    const unknown = skipped('send_message', { skipped: 'something new', skippedParts: { key: 'fromTheFuture', vars: {} } });
    expect(effectReason(unknown, 'UTC', tIn('zh-CN'))).toBe('已跳过：something new');
    expect(effectReason(skipped('send_message', {}), 'UTC', tIn('zh-CN'))).toBe('已跳过');
  });
});
