import { describe, expect, it } from 'vitest';
import { emptyMallForm, mallBody, mallProblems } from './mall-form-state.ts';

describe('the points-mall form', () => {
  it('names each field the shared schema refuses', () => {
    expect(mallProblems({ ...emptyMallForm(), key: 'bad key', kind: 'coupon', points: 'x' })).toEqual({
      key: 'use capitals, digits, "_" or "-" (e.g. COMEBACK10)',
      name: 'give the reward a name',
      points: 'must be a whole number',
    });
    // Rules between fields are checked once each field is right.
    expect(mallProblems({ ...emptyMallForm(), key: 'C10', name: 'Coupon', kind: 'coupon', points: '100' })).toEqual({
      couponTemplate: 'pick the coupon template this reward issues',
    });
    expect(mallProblems({ ...emptyMallForm(), key: 'TOTE', name: 'Tote', points: '100', pricing: 'cash_points' })).toEqual({
      cash: 'a cash + points price needs a cash amount greater than 0',
    });
  });

  it('sends only the fields of the chosen pricing', () => {
    const body = mallBody({ ...emptyMallForm(), key: 'OFF', name: 'Off', points: '100', pricing: 'points', cash: '5', deductionValue: '3', stock: '10' });
    expect(body).toMatchObject({ cash: 0, deductionValue: null, stock: 10, couponTemplate: null, limitPeriod: null });
    expect(mallProblems({ ...emptyMallForm(), key: 'OFF', name: 'Off', points: '100', pricing: 'deduction', deductionValue: '5', deductionMaxPoints: '500' })).toEqual({});
  });
});
