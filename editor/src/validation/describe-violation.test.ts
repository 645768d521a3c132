import { validateWorkflow } from '@memberflow/shared/validate';
import { referenceViolations } from '@memberflow/shared/references';
import { secondPurchaseNudge } from '@memberflow/shared/templates/second-purchase-nudge';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n.ts';
import { configErrors, fieldLabel, problemMessage } from './describe-violation.ts';

function withWaitConfig(config: Record<string, unknown>) {
  return {
    ...secondPurchaseNudge,
    nodes: secondPurchaseNudge.nodes.map((n) => (n.id === 'wait_second' ? { ...n, config } : n)),
  };
}

describe('describe-violation', () => {
  it('names fields the way the form does', () => {
    expect(fieldLabel('config.timeout.amount')).toBe('Timeout amount');
    expect(fieldLabel('config.validityDays')).toBe('Validity days');
    expect(fieldLabel('config.filters.0.property')).toBe('Filter 1 property');
    expect(fieldLabel('config.validityDays', { validityDays: 'Valid for (days)' })).toBe('Valid for (days)');
    expect(fieldLabel('config.timeout.amount', { timeout: 'Give up after' })).toBe('Give up after: amount');
  });

  it('names the field as the form labels it when given the labels', () => {
    const v = {
      code: 'config' as const,
      nodeId: 'c',
      field: 'config.validityDays',
      message: 'Invalid input: expected number, received undefined',
    };
    expect(problemMessage(v, { validityDays: 'Valid for (days)' })).toBe('Valid for (days) is required');
    expect(
      problemMessage({ ...v, field: 'config.template', message: 'choose a coupon template' }, { template: 'Coupon template' }),
    ).toBe('Coupon template: choose a coupon template');
  });

  it('turns an emptied number field into a clear message', () => {
    const result = validateWorkflow(withWaitConfig({ eventType: 'purchase', timeout: { unit: 'days' }, filters: [] }));
    expect(result.ok).toBe(false);
    expect(configErrors(result.violations, 'wait_second')).toEqual({ 'timeout.amount': 'Required' });
    const v = result.violations.find((x) => x.nodeId === 'wait_second')!;
    expect(problemMessage(v)).toBe('Timeout amount is required');
  });

  it('keeps the schema authors own messages', () => {
    const result = validateWorkflow(withWaitConfig({ eventType: 'purchase', timeout: { amount: 1.5, unit: 'days' } }));
    expect(configErrors(result.violations, 'wait_second')).toEqual({ 'timeout.amount': 'Must be a whole number' });
    expect(problemMessage(result.violations[0]!)).toBe('Timeout amount must be a whole number');
  });

  it('says template problems in the user language, all of a field under it', () => {
    const def = {
      ...secondPurchaseNudge,
      nodes: [...secondPurchaseNudge.nodes, { id: 'm', kind: 'send_message', label: 'SMS', position: { x: 0, y: 0 }, config: { channel: 'sms', body: 'Hi {{member.nmae}} {{oops.x}}', marketing: true } }],
    };
    const v = validateWorkflow(def).violations.filter((x) => x.nodeId === 'm' && x.code === 'config');
    const zh = (k: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh-CN', k, vars);
    expect(configErrors(v, 'm', zh)).toEqual({ body: '未知变量 {{member.nmae}}：您是不是要用 {{member.name}}？ 未知变量 {{oops.x}}；请使用 member.*、coupon.*、trigger.* 或 workflow.*。' });
    expect(problemMessage(v[0]!, { body: 'Message' }, (k, vars) => translate('en', k, vars))).toBe('Message: Unknown variable {{member.nmae}}: did you mean {{member.name}}?');
    expect(configErrors(v, 'm').body).toBe('Unknown variable {{member.nmae}}: did you mean {{member.name}}? Unknown variable {{oops.x}}; use member.*, coupon.*, trigger.* or workflow.*');
  });

  it('says a missing coupon template under the template field, in the user language', () => {
    const v = referenceViolations(secondPurchaseNudge, { couponTemplate: ['WINBACK20'] });
    const zh = (k: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh-CN', k, vars);
    expect(configErrors(v, 'coupon', zh)).toEqual({ template: '优惠券模板“COMEBACK10”不存在：发布前请先在“优惠券”页面创建' });
    expect(problemMessage(v[0]!, { template: 'Coupon template' }, (k, vars) => translate('en', k, vars))).toBe(
      'Coupon template: Coupon template "COMEBACK10" does not exist: create it on the Coupons page before publishing',
    );
  });
});
