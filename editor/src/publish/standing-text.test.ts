import type { ConditionGroup } from '@memberflow/shared/condition';
import { emptyMember, type MemberFacts } from '@memberflow/shared/member-facts';
import type { NodeKind } from '@memberflow/shared/node-kind';
import { moduleOfGroup } from '@memberflow/shared/node-module';
import { nodeModule } from '@memberflow/shared/node-registry';
import { STANDING_KEYS, triggerStanding, type StandingKey, type TriggerView } from '@memberflow/shared/runner/time-triggers';
import { describe, expect, it } from 'vitest';
import { enMessages, type MessageKey } from '../i18n/en.ts';
import { translate, type Locale } from '../i18n/i18n.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import { standingText } from './standing-text.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2027, 0, 10, 12);
const gold: ConditionGroup = { type: 'group', combinator: 'and', rules: [{ type: 'field', field: 'member.tier', op: 'eq', value: 'gold' }] };

function view(kind: NodeKind, config: Record<string, unknown>, segmentCondition?: ConditionGroup): TriggerView {
  const module = moduleOfGroup(nodeModule(kind), 'trigger');
  return { kind, module, config: module.config.parse({ ...module.defaults(), ...config }), segmentCondition };
}
const member = (facts: Partial<MemberFacts>): MemberFacts => ({ ...emptyMember('m'), ...facts });

/** One member per branch of each trigger kind's standing rule, and the key it must give. */
const cases: [StandingKey, TriggerView, MemberFacts][] = [
  ['inactivity.neverPurchased', view('inactivity_trigger', { days: 90 }), member({})],
  ['inactivity.inactive', view('inactivity_trigger', { days: 90 }), member({ lastPurchaseAt: NOW - 100 * DAY })],
  ['inactivity.upcoming', view('inactivity_trigger', { days: 90 }), member({ lastPurchaseAt: NOW - 30 * DAY })],
  ['date.noDate', view('date_trigger', { attribute: 'birthday', offsetDays: -3, time: '09:00' }), member({})],
  ['date.recent', view('date_trigger', { attribute: 'birthday', offsetDays: -3, time: '09:00' }), member({ birthday: '1990-01-12' })],
  ['date.upcoming', view('date_trigger', { attribute: 'birthday', offsetDays: -3, time: '09:00' }), member({ birthday: '1990-05-01' })],
  ['schedule.in', view('schedule_trigger', { frequency: 'daily', time: '10:00' }), member({})],
  ['schedule.out', view('schedule_trigger', { frequency: 'daily', time: '10:00', audience: gold }), member({ tier: 'silver' })],
  ['points.none', view('points_expiring_trigger', { withinDays: 30, minPoints: 100 }), member({})],
  ['points.expiring', view('points_expiring_trigger', { withinDays: 30, minPoints: 100 }), member({ pointsExpiring: [{ points: 500, expiresAt: NOW + 10 * DAY }] })],
  ['points.upcoming', view('points_expiring_trigger', { withinDays: 30, minPoints: 100 }), member({ pointsExpiring: [{ points: 500, expiresAt: NOW + 60 * DAY }] })],
  ['segment.matches', view('segment_trigger', {}, gold), member({ tier: 'gold' })],
  ['segment.waiting', view('segment_trigger', {}, gold), member({ tier: 'silver' })],
  ['event.waiting', view('event_trigger', { eventType: 'purchase' }), member({})],
];

const say = (locale: Locale) => (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);

describe('standing reasons in the user’s language', () => {
  it.each(cases)('%s: the runner gives a key both tables have, and it reads without a hole', (key, t, m) => {
    const s = triggerStanding(t, m, NOW);
    expect(s.reasonParts.key).toBe(key);
    expect(STANDING_KEYS).toContain(key);
    expect(`standing.${key}` in enMessages).toBe(true);
    expect(`standing.${key}` in zhCN).toBe(true);
    const en = standingText(s.reasonParts, s.reason, say('en'), 'en');
    const zh = standingText(s.reasonParts, s.reason, say('zh-CN'), 'zh-CN');
    for (const text of [en, zh]) expect(text).not.toMatch(/[{}]|undefined|NaN/);
    expect(zh).not.toBe(en);
  });

  it('every key the runner may give has words in English and Chinese', () => {
    for (const key of STANDING_KEYS) {
      expect(enMessages[`standing.${key}`], key).toBeTruthy();
      expect(zhCN[`standing.${key}`], key).toBeTruthy();
    }
  });

  it('says dates in the user’s locale, the estimate’s hidden dates as “…”, and the date trigger’s relation', () => {
    const upcoming = triggerStanding(cases[5]![1], cases[5]![2], NOW);
    expect(standingText(upcoming.reasonParts, upcoming.reason, say('en'), 'en')).toBe('enters on Apr 28, 2027, 9:00 AM UTC (3 day(s) before birthday at 09:00)');
    expect(standingText(upcoming.reasonParts, upcoming.reason, say('zh-CN'), 'zh-CN')).toBe('将于 2027年4月28日 09:00 UTC 进入（birthday前 3 天，09:00）');
    const grouped = { key: 'inactivity.inactive' as const, vars: { days: 90, lastPurchaseAt: null, inactiveAt: null } };
    expect(standingText(grouped, 'x', say('zh-CN'), 'zh-CN')).toBe('自 … 起 90 天未购买（自 … 起不活跃）');
    expect(standingText(grouped, 'x', say('en'), 'en')).toBe('no purchase for 90 days since … (inactive since …)');
  });

  it('falls back to the runner’s English when there are no parts', () => {
    expect(standingText(undefined, 'enters when a purchase event arrives', say('zh-CN'), 'zh-CN')).toBe('enters when a purchase event arrives');
  });
});
