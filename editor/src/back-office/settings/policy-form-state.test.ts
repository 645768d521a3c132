import { describe, expect, it } from 'vitest';
import { parsePolicyForm, policyFormOf } from './policy-form-state.ts';

describe('the contact policy form', () => {
  it('round-trips the policy; quiet hours off is null; bad numbers name their field', () => {
    const form = policyFormOf({ cap: { count: 2, days: 7 }, quietHours: null });
    expect(parsePolicyForm(form).policy).toEqual({ cap: { count: 2, days: 7 }, quietHours: null });
    expect(parsePolicyForm({ ...form, quiet: true }).policy?.quietHours).toEqual({ start: '21:00', end: '08:00', mode: 'hold' });
    expect(Object.keys(parsePolicyForm({ ...form, capCount: '-1', capDays: '' }).problems ?? {})).toEqual([
      'cap.count',
      'cap.days',
    ]);
  });
});
