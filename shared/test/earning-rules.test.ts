import { describe, expect, it } from 'vitest';
import type { CouponTemplate } from '../src/api/loyalty.ts';
import { LoyaltyProgramSettings, streakBonus } from '../src/loyalty-program.ts';
import { emptyMember, type MemberFacts } from '../src/member-facts.ts';
import { applyProgramme } from '../src/runner/programme.ts';
import type { MemberInput, RunnerRules } from '../src/runner/runner-input.ts';
import { RunnerWrites } from '../src/runner/runner-writes.ts';
import { currentSignInStreak } from '../src/sign-in-days.ts';

const DAY = 86_400_000;
// 09:00 in Shanghai on Mon 5 Jan 2026 (01:00 UTC).
const T0 = Date.UTC(2026, 0, 5, 1);

const template = (key: string, over: Partial<CouponTemplate> = {}): CouponTemplate => ({
  key,
  name: key,
  kind: 'amount_off',
  value: 5,
  minSpend: 0,
  validityDays: 10,
  validFrom: null,
  validTo: null,
  oncePerMember: false,
  stockLimit: null,
  issuedCount: 0,
  archivedAt: null,
  ...over,
});

function setup(program: Record<string, unknown>, templates: CouponTemplate[] = [], held = new Set<string>()) {
  let codes = 0;
  const rules = {
    program: LoyaltyProgramSettings.parse(program),
    tiers: [],
    rfm: null,
    couponTemplates: new Map(templates.map((t) => [t.key, t])),
    stockLeft: new Map(templates.filter((t) => t.stockLimit !== null).map((t) => [t.key, t.stockLimit! - t.issuedCount])),
    ids: { journeyId: () => 'j', couponCode: (t: string) => `${t}-${++codes}` },
  } as unknown as RunnerRules;
  const member: MemberFacts = emptyMember('m1', 'Asia/Shanghai');
  const earned: MemberInput['pointsEarned'] = { lifetime: 0, recent: [] };
  const writes = new RunnerWrites();
  writes.keepNotes = true;
  let seq = 0;
  const send = (type: string, at: number, properties: Record<string, unknown> = {}, occurredAt = at) =>
    applyProgramme(rules, writes, member, earned, { seq: ++seq, type, properties, occurredAt }, at, held);
  return { member, writes, send };
}

const streakProgram = { earn: { pointsPerUnit: 1, signIn: 5, referral: 0 }, signInStreak: { bonuses: [{ day: 7, points: 20 }] } };

describe('sign-in streaks', () => {
  it('pays the day-7 bonus once, raises sign_in_streak each new day and explains it', () => {
    const { member, writes, send } = setup(streakProgram);
    for (let d = 0; d < 7; d++) send('sign_in', T0 + d * DAY);
    // A second sign-in on day 7 neither moves the streak nor pays again.
    send('sign_in', T0 + 6 * DAY + 3_600_000);
    expect(member.signInStreak).toBe(7);
    expect(member.lastSignInDay).toBe('2026-01-11');
    const bonuses = writes.pointsOps.filter((o) => o.key?.startsWith('streak:'));
    expect(bonuses).toEqual([
      expect.objectContaining({
        delta: 20,
        kind: 'earn',
        reason: 'sign-in streak: day 7',
        key: 'streak:m1:2026-01-05:7',
        parts: [{ key: 'streak', vars: { days: 7 } }],
      }),
    ]);
    expect(member.pointsBalance).toBe(8 * 5 + 20);
    const raised = writes.raised.filter((r) => r.type === 'sign_in_streak');
    expect(raised.map((r) => r.properties.days)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(raised.at(-1)!.properties).toEqual({ days: 7, bonus: 20, coupons: [], startedOn: '2026-01-05' });
    expect(writes.notes.at(-1)).toMatchObject({
      kind: 'points',
      reason: 'sign-in streak: day 7 in a row, +20 points',
      parts: [{ key: 'streakDay', vars: { days: 7, bonus: 20 } }],
    });
  });

  it("a coupon bonus is issued with the day's points row, by the template's rules; a once-per-member coupon held already is refused and noted", () => {
    const program = {
      signInStreak: {
        bonuses: [
          { day: 2, couponTemplate: 'STREAK2' },
          { day: 3, couponTemplate: 'ONCE', points: 7 },
        ],
      },
    };
    const { writes, send } = setup(program, [template('STREAK2'), template('ONCE', { oncePerMember: true })], new Set(['ONCE']));
    for (let d = 0; d < 3; d++) send('sign_in', T0 + d * DAY);
    expect(writes.programmeCoupons).toEqual([
      {
        memberId: 'm1',
        template: 'STREAK2',
        code: 'STREAK2-1',
        at: T0 + DAY,
        expiresAt: T0 + 11 * DAY,
        key: 'streak:m1:2026-01-05:2',
      },
    ]);
    // Day 2's points row is of 0 points: the record that keeps the coupon to once.
    expect(writes.pointsOps.filter((o) => o.key?.startsWith('streak:')).map((o) => [o.key, o.delta])).toEqual([
      ['streak:m1:2026-01-05:2', 0],
      ['streak:m1:2026-01-05:3', 7],
    ]);
    expect(writes.raised.filter((r) => r.type === 'sign_in_streak').map((r) => r.properties.coupons)).toEqual([
      [],
      ['STREAK2'],
      [],
    ]);
    expect(writes.notes.map((n) => n.reason)).toContain(
      'sign-in streak coupon not issued: once per member: already holds a ONCE coupon',
    );
    expect(
      LoyaltyProgramSettings.safeParse({ signInStreak: { bonuses: [{ day: 4 }] } }).error?.issues.map((i) => [
        i.path.join('.'),
        i.message,
      ]),
    ).toEqual([['signInStreak.bonuses.0.points', 'give points or a coupon']]);
  });

  it('a missed day starts the streak again, and its day 7 is a new bonus', () => {
    const { member, writes, send } = setup(streakProgram);
    for (const d of [0, 1, 2, 3, 4, 5, /* day 6 missed */ 7, 8, 9, 10, 11, 12, 13]) send('sign_in', T0 + d * DAY);
    expect(member.signInStreak).toBe(7);
    expect(writes.pointsOps.filter((o) => o.key?.startsWith('streak:')).map((o) => o.key)).toEqual(['streak:m1:2026-01-12:7']);
    expect(writes.raised.filter((r) => r.type === 'sign_in_streak').map((r) => r.properties.days)).toEqual([
      1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 7,
    ]);
  });

  it("counts days in the member's time zone, and a repeating bonus comes back every N days", () => {
    const p = LoyaltyProgramSettings.parse({
      signInStreak: {
        bonuses: [
          { day: 3, points: 10, repeatEvery: 2 },
          { day: 5, points: 50 },
        ],
      },
    });
    expect([1, 2, 3, 4, 5, 6, 7].map((d) => streakBonus(p, d))).toEqual([0, 0, 10, 0, 60, 0, 10]);
    const { member, send } = setup(streakProgram);
    // 23:30 and 00:30 the next night in Shanghai: an hour apart, two days in a row.
    send('sign_in', Date.UTC(2026, 0, 5, 15, 30));
    send('sign_in', Date.UTC(2026, 0, 5, 16, 30));
    expect(member.signInStreak).toBe(2);
    // A sign-in for the next day that arrives a day late still counts for its own day.
    send('sign_in', Date.UTC(2026, 0, 7, 16, 30), {}, Date.UTC(2026, 0, 6, 16, 30));
    expect(member).toMatchObject({ signInStreak: 3, lastSignInDay: '2026-01-07' });
    // Two days later without a sign-in the streak stands at 0 for conditions.
    expect(currentSignInStreak(member, Date.UTC(2026, 0, 7, 16, 30))).toBe(3);
    expect(currentSignInStreak(member, Date.UTC(2026, 0, 8, 16, 30))).toBe(0);
  });
});

describe('earning caps and protection', () => {
  it('refuses what is over the daily cap and says why; the next day earns again', () => {
    const { member, writes, send } = setup({ earningCaps: { daily: 100, monthly: 0 } });
    send('purchase', T0, { amount: 150 });
    send('purchase', T0 + 3_600_000, { amount: 30 });
    send('purchase', T0 + DAY, { amount: 40 });
    expect(writes.pointsOps.map((o) => [o.delta, o.reason])).toEqual([
      [100, 'purchase (capped: 150 earned; at most 100 a day)'],
      [0, 'purchase (capped: 30 earned; at most 100 a day)'],
      [40, 'purchase'],
    ]);
    expect(writes.pointsOps[0]!.parts).toEqual([
      { key: 'earn', vars: { event: 'purchase' } },
      { key: 'cappedDay', vars: { earned: 150, limit: 100 } },
    ]);
    expect(member.pointsBalance).toBe(140);
    expect(writes.notes.map((n) => n.reason)).toEqual([
      '+100 points: purchase (capped: 150 earned; at most 100 a day)',
      '+0 points: purchase (capped: 30 earned; at most 100 a day)',
    ]);
  });

  it("the monthly cap counts the calendar month in the member's zone", () => {
    const { writes, send } = setup({ earningCaps: { daily: 0, monthly: 200 } });
    send('purchase', Date.UTC(2026, 0, 20), { amount: 150 });
    send('purchase', Date.UTC(2026, 0, 30), { amount: 150 });
    // 1 Feb 01:00 in Shanghai is still 31 Jan in UTC: a new month for this member.
    send('purchase', Date.UTC(2026, 0, 31, 17), { amount: 150 });
    expect(writes.pointsOps.map((o) => [o.delta, o.reason])).toEqual([
      [150, 'purchase'],
      [50, 'purchase (capped: 150 earned; at most 200 a month)'],
      [150, 'purchase'],
    ]);
  });

  it('earned lots become spendable after the protection period', () => {
    const { writes, send } = setup({ protectionDays: 7 });
    send('purchase', T0, { amount: 10 });
    expect(writes.pointsOps[0]).toMatchObject({ delta: 10, availableAt: T0 + 7 * DAY });
    const none = setup({});
    none.send('purchase', T0, { amount: 10 });
    expect(none.writes.pointsOps[0]!.availableAt).toBeNull();
  });

  it('the schema names the field that is wrong', () => {
    const r = LoyaltyProgramSettings.safeParse({
      earningCaps: { daily: 100, monthly: 50 },
      protectionDays: -1,
      signInStreak: {
        bonuses: [
          { day: 7, points: 20 },
          { day: 7, points: 5 },
          { day: 1, points: 5 },
        ],
      },
    });
    expect(r.success).toBe(false);
    const issues = r.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['earningCaps.monthly', 'must be at least the daily cap (or 0)'],
        ['protectionDays', 'must be 0 (at once) or more'],
        ['signInStreak.bonuses.1.day', 'day 7 has a bonus already'],
        ['signInStreak.bonuses.2.day', 'must be 2 or more (day 1 is a plain sign-in)'],
      ]),
    );
  });
});
