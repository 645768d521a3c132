import { describe, expect, it } from 'vitest';
import { didYouMean, templateProblems, unknownVariables } from '../src/template-check.ts';
import { renderTemplate, renderTemplateDetailed, templateVariables } from '../src/template.ts';
import { validateWorkflow } from '../src/validate.ts';
import { buildWorkflow } from '../src/templates/build.ts';

const coupon = { code: 'COMEBACK10-7KQ2', expiresAt: '2026-12-11T02:00:00.000Z', value: 10 };
const zh = { locale: 'zh-CN', timeZone: 'Asia/Shanghai' };
const en = { locale: 'en', timeZone: 'America/New_York' };

describe('template filters format in the member locale and zone', () => {
  it('formats dates: 中文 for a Chinese member, English otherwise, in their own zone', () => {
    expect(renderTemplate('{{coupon.expiresAt | date}}', { coupon }, zh)).toBe('2026年12月11日');
    expect(renderTemplate('{{coupon.expiresAt | date}}', { coupon }, en)).toBe('December 10, 2026');
    expect(renderTemplate('{{coupon.expiresAt | datetime}}', { coupon }, zh)).toBe('2026年12月11日 10:00');
    expect(renderTemplate('{{ coupon.expiresAt | date: "short" }}', { coupon }, zh)).toBe('2026/12/11');
  });

  it('reads a calendar date (a birthday) as that day everywhere', () => {
    expect(
      renderTemplate(
        '{{member.birthday | date}}',
        { member: { birthday: '1990-06-15' } },
        { locale: 'zh-CN', timeZone: 'America/Los_Angeles' },
      ),
    ).toBe('1990年6月15日');
  });

  it('formats money, numbers and points', () => {
    expect(renderTemplate('{{coupon.value | money}}', { coupon }, zh)).toBe('¥10.00');
    expect(renderTemplate('{{coupon.value | money: "USD"}}', { coupon }, en)).toBe('$10.00');
    expect(renderTemplate('{{member.pointsBalance | points}}', { member: { pointsBalance: 12800 } }, zh)).toBe('12,800 积分');
    expect(renderTemplate('{{member.pointsBalance | points}}', { member: { pointsBalance: 1 } }, en)).toBe('1 point');
    expect(renderTemplate('{{member.totalSpent | number}}', { member: { totalSpent: 1234.5 } }, en)).toBe('1,234.5');
  });

  it('falls back with default: only when the value is missing', () => {
    expect(renderTemplate('{{member.name | default: "会员"}}您好', { member: { name: '' } }, zh)).toBe('会员您好');
    expect(renderTemplate("{{member.name | default: 'friend'}}", { member: { name: 'Li Lei' } })).toBe('Li Lei');
    expect(renderTemplate('{{coupon.expiresAt | date | default: "soon"}}', { coupon: {} }, zh)).toBe('soon');
  });

  it('lists variables with no value and no fallback', () => {
    const r = renderTemplateDetailed('Hi {{member.name}}, {{coupon.code}} {{member.tier | default: "member"}}', {
      member: { name: null },
      coupon: {},
    });
    expect(r).toEqual({ text: 'Hi ,  member', missing: ['member.name', 'coupon.code'] });
  });

  it('leaves text that is not a placeholder alone, and a bad locale or zone falls back', () => {
    expect(renderTemplate('{{ not a var }} {a}', {})).toBe('{{ not a var }} {a}');
    expect(renderTemplate('{{coupon.expiresAt | date}}', { coupon }, { locale: '??', timeZone: 'Mars/Olympus' })).toBe(
      'December 11, 2026',
    );
    expect(renderTemplate('{{coupon.code | date}}', { coupon }, zh)).toBe('COMEBACK10-7KQ2');
    expect(templateVariables('{{member.name | default: "a|b"}} {{coupon.code}}')).toEqual(['member.name', 'coupon.code']);
  });
});

describe('unknown variables and filters, with did you mean', () => {
  it('suggests the closest known name', () => {
    expect(didYouMean('member.nmae', ['member.name', 'member.tier'])).toBe('member.name');
    expect(didYouMean('xyz', ['member.name'])).toBeNull();
    expect(
      templateProblems(
        'Hi {{member.nmae}} {{coupon.expiresAt | dat}} {{memebr.tier}} {{trigger.anything}} {{member.attributes.vip}}',
      ),
    ).toEqual([
      { kind: 'unknown_variable', name: 'member.nmae', suggestion: 'member.name' },
      { kind: 'unknown_filter', name: 'dat', suggestion: 'date' },
      { kind: 'unknown_variable', name: 'memebr.tier', suggestion: 'member.tier' },
    ]);
    expect(unknownVariables('{{order.total}}')).toEqual(['order.total']);
  });

  it('is a problem on the send_message node naming the body, with a key the editor translates', () => {
    const def = buildWorkflow({
      nodes: [
        ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
        ['m', 'send_message', 'Hi', { channel: 'sms', body: 'Hi {{member.nmae}}', marketing: true }],
      ],
      edges: [['t', 'next', 'm']],
    });
    const v = validateWorkflow(def).violations.filter((x) => x.nodeId === 'm' && x.code === 'config');
    expect(v).toEqual([
      {
        code: 'config',
        nodeId: 'm',
        field: 'config.body',
        message: 'unknown variable {{member.nmae}}: did you mean {{member.name}}?',
        i18n: { key: 'template.unknown_variable', vars: { name: 'member.nmae', suggestion: 'member.name' } },
      },
    ]);
  });

  it('caps an SMS at 10 segments', () => {
    const def = buildWorkflow({
      nodes: [
        ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
        ['m', 'send_message', 'Hi', { channel: 'sms', body: '你'.repeat(671), marketing: true }],
      ],
      edges: [['t', 'next', 'm']],
    });
    const v = validateWorkflow(def).violations.filter((x) => x.nodeId === 'm' && x.code === 'config');
    expect(v.map((x) => [x.field, x.message])).toEqual([
      ['config.body', 'an SMS may take at most 10 segments; this one takes 11'],
    ]);
    const ok = structuredClone(def);
    ok.nodes[1]!.config.body = '你'.repeat(670);
    expect(validateWorkflow(ok).violations.filter((x) => x.nodeId === 'm' && x.code === 'config')).toEqual([]);
  });
});
