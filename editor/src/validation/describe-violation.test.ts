import { validateWorkflow } from '@memberflow/shared/validate';
import { secondPurchaseNudge } from '@memberflow/shared/templates/second-purchase-nudge';
import { describe, expect, it } from 'vitest';
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
});
