import { describe, expect, it } from 'vitest';
import { cardNumber, fitsNumbering, isLuhnValid, luhnCheckDigit } from '../src/loyalty/cards-numbers.ts';
import { addMonths, benefitPeriodsDue, cardStatusAt, nextCardDue } from '../src/loyalty/cards-terms.ts';
import { CardKind, cardPointsMultiplier } from '../src/loyalty/cards.ts';

describe('card numbers', () => {
  it('computes the Luhn check digit of the textbook examples', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('79927398710')).toBe(false);
    expect(isLuhnValid('4111111111111111')).toBe(true);
  });
  it('builds numbers of the pattern whose single-digit typos fail the check', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const p = { prefix: '8801', digits: 10 };
    for (let i = 0; i < 50; i++) {
      const n = cardNumber(p, random);
      expect(n).toMatch(/^8801[0-9]{11}$/);
      expect(fitsNumbering(p, n)).toBe(true);
      const typo = n.slice(0, 6) + String((Number(n[6]) + 1) % 10) + n.slice(7);
      expect(isLuhnValid(typo)).toBe(false);
    }
  });
});

describe('card terms', () => {
  const jan31 = Date.UTC(2026, 0, 31);
  it('adds calendar months, holding the day to the month end', () => {
    expect(new Date(addMonths(jan31, 1)).toISOString().slice(0, 10)).toBe('2026-02-28');
    expect(new Date(addMonths(jan31, 12)).toISOString().slice(0, 10)).toBe('2027-01-31');
  });
  it('lists a monthly period for each month begun inside the term', () => {
    const start = Date.UTC(2026, 0, 1);
    expect(benefitPeriodsDue(start, addMonths(start, 12), addMonths(start, 12) + 1)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
    expect(benefitPeriodsDue(start, addMonths(start, 12), addMonths(start, 2) - 1)).toEqual([0, 1]);
  });
  it('moves a card from active to expiring to lapsed by its dates', () => {
    const end = Date.UTC(2027, 0, 1);
    const rules = { reminderDays: 7, graceDays: 3 };
    const at = (d: number) => cardStatusAt({ endsAt: end, status: 'active' }, rules, end + d * 86_400_000);
    expect([at(-8), at(-7), at(2), at(3)]).toEqual(['active', 'expiring', 'expiring', 'lapsed']);
  });
  it('knows when the upkeep next has work for a card: next pack period, reminder, lapse', () => {
    const start = Date.UTC(2026, 0, 1);
    const end = addMonths(start, 12);
    const rules = { reminderDays: 7, graceDays: 7, hasPack: true };
    const card = { startsAt: start, endsAt: end, term: 1, remindedTerm: null };
    expect(nextCardDue(card, rules, 0)).toBe(addMonths(start, 1));
    expect(nextCardDue(card, rules, 11)).toBe(end - 7 * 86_400_000); // no period 12: the reminder is next
    expect(nextCardDue({ ...card, remindedTerm: 1 }, rules, 11)).toBe(end + 7 * 86_400_000);
    expect(nextCardDue({ ...card, endsAt: null }, { ...rules, hasPack: false }, -1)).toBeNull();
  });
  it('counts the highest multiplier of cards that still carry benefits', () => {
    const b = (m: number) => ({ pointsMultiplier: m });
    expect(
      cardPointsMultiplier([
        { status: 'active', benefits: b(1.5) },
        { status: 'lapsed', benefits: b(3) },
      ]),
    ).toBe(1.5);
    expect(cardPointsMultiplier([{ status: 'cancelled', benefits: b(3) }])).toBe(1);
  });
  it('refuses a paid card without billing, naming the field', () => {
    const r = CardKind.safeParse({ key: 'black', name: 'Black', type: 'paid' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['billing']);
  });
});
