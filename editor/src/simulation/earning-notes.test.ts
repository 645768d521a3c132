import { LoyaltyProgramSettings } from '@memberflow/shared/loyalty-program';
import { emptyMember } from '@memberflow/shared/member-facts';
import { simulate } from '@memberflow/shared/simulate';
import { welcomePack } from '@memberflow/shared/templates/recipes';
import { describe, expect, it } from 'vitest';
import { translate, type Translate } from '../i18n/i18n.ts';
import { noteText } from './note-text.ts';

const T0 = Date.UTC(2026, 11, 1, 2);
const DAY = 86_400_000;
const tIn =
  (locale: 'en' | 'zh-CN'): Translate =>
  (key, vars) =>
    translate(locale, key, vars);

describe('earning rules in the simulator trace', () => {
  it('a streak bonus and a capped purchase are explained, in English and in Chinese', () => {
    const program = LoyaltyProgramSettings.parse({
      signInStreak: { bonuses: [{ day: 3, points: 20 }] },
      earningCaps: { daily: 100, monthly: 0 },
    });
    const r = simulate({
      definition: welcomePack,
      member: emptyMember('m1', 'Asia/Shanghai'),
      timeline: [0, 1, 2]
        .map((d) => ({ type: 'sign_in', at: T0 + d * DAY, properties: {} }))
        .concat([{ type: 'purchase', at: T0 + 3 * DAY, properties: { amount: 150 } }] as never),
      from: T0,
      until: T0 + 5 * DAY,
      program,
    });
    const points = r.trace.filter((e) => e.kind === 'points');
    expect(points.map((e) => e.reason)).toEqual([
      'sign-in streak: day 1 in a row',
      'sign-in streak: day 2 in a row',
      'sign-in streak: day 3 in a row, +20 points',
      '+100 points: purchase (capped: 150 earned; at most 100 a day)',
    ]);
    const nodeOf = () => undefined;
    expect(points.map((e) => noteText(e, nodeOf, tIn('en'))).slice(2)).toEqual([
      'sign-in streak: day 3 in a row (bonus +20)',
      '+100 points. purchase. capped: 150 earned; at most 100 a day',
    ]);
    expect(points.map((e) => noteText(e, nodeOf, tIn('zh-CN'))).slice(2)).toEqual([
      '连续签到第 3 天（奖励 +20）',
      '+100 积分。purchase。已封顶：应得 150，每天最多 100',
    ]);
  });
});
