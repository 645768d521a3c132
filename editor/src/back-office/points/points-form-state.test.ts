import { defaultProgram } from '@memberflow/shared/loyalty-program';
import { describe, expect, it } from 'vitest';
import { parsePointsForm, pointsFormOf } from './points-form-state.ts';

describe('the points form', () => {
  it('round-trips the programme and names the field of a bad value', () => {
    const form = pointsFormOf(defaultProgram());
    expect(parsePointsForm(form).settings).toEqual(defaultProgram());
    const bad = parsePointsForm({ ...form, signIn: '1.5', rechargeBonuses: [{ min: '', bonus: '10' }] });
    expect(Object.keys(bad.problems ?? {})).toEqual(['earn.signIn', 'rechargeBonuses.0.min']);
  });
});
