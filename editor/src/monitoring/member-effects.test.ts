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
