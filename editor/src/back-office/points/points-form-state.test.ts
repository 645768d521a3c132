import { defaultProgram, LoyaltyProgramSettings } from '@memberflow/shared/loyalty-program';
import { describe, expect, it } from 'vitest';
import { parsePointsForm, pointsFormOf } from './points-form-state.ts';
import { streakPreview } from './streak-preview.ts';

describe('the points form', () => {
  it('round-trips the programme and names the field of a bad value', () => {
    const form = pointsFormOf(defaultProgram());
    expect(parsePointsForm(form).settings).toEqual(defaultProgram());
    const bad = parsePointsForm({ ...form, signIn: '1.5', rechargeBonuses: [{ min: '', bonus: '10' }] });
    expect(Object.keys(bad.problems ?? {})).toEqual(['earn.signIn', 'rechargeBonuses.0.min']);
  });

  it('round-trips streak bonuses, caps and the protection period; empty means none', () => {
    const program = LoyaltyProgramSettings.parse({
      signInStreak: {
        bonuses: [
          { day: 7, points: 20, repeatEvery: 7 },
          { day: 3, points: 5 },
        ],
      },
      earningCaps: { daily: 100, monthly: 2000 },
      protectionDays: 7,
    });
    const form = pointsFormOf(program);
    expect(form).toMatchObject({
      streakBonuses: [
        { day: '7', points: '20', repeatEvery: '7' },
        { day: '3', points: '5', repeatEvery: '' },
      ],
      capDaily: '100',
      capMonthly: '2000',
      protectionDays: '7',
    });
    expect(parsePointsForm(form).settings).toEqual(program);
    const none = parsePointsForm({ ...form, streakBonuses: [], capDaily: '', capMonthly: ' ', protectionDays: '' }).settings!;
    expect(none).toMatchObject({ signInStreak: { bonuses: [] }, earningCaps: { daily: 0, monthly: 0 }, protectionDays: 0 });
  });

  it('names each bad streak row and cap by its field, as the server would', () => {
    const form = pointsFormOf(defaultProgram());
    const bad = parsePointsForm({
      ...form,
      streakBonuses: [
        { day: '7', points: '20', couponTemplate: '', repeatEvery: '' },
        { day: '7', points: '', couponTemplate: '', repeatEvery: '' },
        { day: '1', points: '5', couponTemplate: 'bad key', repeatEvery: '-1' },
      ],
      capDaily: '100',
      capMonthly: '50',
      protectionDays: '400',
    });
    expect(bad.problems).toEqual({
      'signInStreak.bonuses.1.day': 'day 7 has a bonus already',
      'signInStreak.bonuses.1.points': 'give points or a coupon',
      'signInStreak.bonuses.2.couponTemplate': 'use capitals, digits, "_" or "-" (e.g. COMEBACK10)',
      'signInStreak.bonuses.2.day': 'must be 2 or more (day 1 is a plain sign-in)',
      'signInStreak.bonuses.2.repeatEvery': 'must be 0 (once) or more',
      'earningCaps.monthly': 'must be at least the daily cap (or 0)',
      protectionDays: 'must be at most 365',
    });
    // Valid rows on the same day: only the second is named.
    const twice = parsePointsForm({
      ...form,
      streakBonuses: [
        { day: '7', points: '20', couponTemplate: '', repeatEvery: '' },
        { day: '7', points: '5', couponTemplate: '', repeatEvery: '' },
      ],
    });
    expect(twice.problems).toEqual({ 'signInStreak.bonuses.1.day': 'day 7 has a bonus already' });
  });

  it("previews what a streak earns by the runner's rules", () => {
    const program = LoyaltyProgramSettings.parse({
      earn: { signIn: 5 },
      signInStreak: {
        bonuses: [
          { day: 7, points: 20 },
          { day: 3, points: 10, repeatEvery: 3 },
        ],
      },
    });
    // Days 1-7: 7 sign-ins of 5, +10 on day 3 and day 6, +20 on day 7.
    expect(streakPreview(program)).toEqual({ days: 7, points: 7 * 5 + 10 + 10 + 20 });
    expect(streakPreview(defaultProgram())).toBeNull();
  });
});
