import { evaluateCondition, type ConditionGroup } from '../condition.ts';
import { MS_PER_DAY } from '../duration.ts';
import type { MemberFacts } from '../member-facts.ts';
import type { NodeKind, TriggerKind } from '../node-kind.ts';
import type { TriggerModule } from '../node-module.ts';
import { memberDate, type DateTriggerConfig } from '../nodes/date-trigger.ts';
import type { EventTriggerConfig } from '../nodes/event-trigger.ts';
import type { InactivityTriggerConfig } from '../nodes/inactivity-trigger.ts';
import type { PointsExpiringTriggerConfig } from '../nodes/points-expiring-trigger.ts';
import type { ScheduleTriggerConfig } from '../nodes/schedule-trigger.ts';
import type { TriggerDue } from './runner-writes.ts';

/** A trigger as the runner and the estimates read it: its module, parsed config and (segments) condition. */
export interface TriggerView {
  kind: NodeKind;
  module: TriggerModule;
  config: Record<string, unknown>;
  segmentCondition?: ConditionGroup;
}

/** Where a member stands with a trigger at `now`: qualifying since when, the next moment, and why, in the trace's words. */
export interface TriggerStanding {
  /** The member qualifies now: since this moment (time triggers) or now (segments, schedule audiences). */
  qualifiedSince: number | null;
  /** The trigger's next moment for the member, after now. */
  next: number | null;
  reason: string;
  /** The reason as a message key and values, for the editor to say in the user's language. */
  reasonParts: StandingReasonParts;
}

/** Every key a standing reason may carry; the editor has a message for each (standing.<key>). */
export const STANDING_KEYS = [
  'inactivity.neverPurchased', 'inactivity.inactive', 'inactivity.upcoming',
  'date.noDate', 'date.recent', 'date.recentNoNext', 'date.noComing', 'date.upcoming',
  'schedule.out', 'schedule.outNoRun', 'schedule.in', 'schedule.inNoRun',
  'points.none', 'points.expiring', 'points.upcoming',
  'segment.matches', 'segment.waiting', 'event.waiting',
] as const;
export type StandingKey = (typeof STANDING_KEYS)[number];

/**
 * Values named `…At` are epoch ms, formatted by the editor in the user's locale, or null when a
 * grouped estimate hides the members' own dates. Condition explanations stay the runner's words.
 */
export interface StandingReasonParts {
  key: StandingKey;
  vars: Record<string, string | number | null>;
}

const standing = (qualifiedSince: number | null, next: number | null, reason: string, key: StandingKey, vars: StandingReasonParts['vars'] = {}): TriggerStanding => ({
  qualifiedSince,
  next,
  reason,
  reasonParts: { key, vars },
});

export const when = (at: number) => `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const day = (at: number) => new Date(at).toISOString().slice(0, 10);

/** The trigger's next moment for the member strictly after `after`, or null. */
export function nextMoment(t: TriggerView, member: MemberFacts, after: number): number | null {
  return t.module.fires === 'time' ? t.module.nextFireAt(t.config, { after, member }) : null;
}

/** Whether `occurrence` is still one of the member's moments (a purchase since moves an inactivity watch, say). */
export function stillHolds(t: TriggerView, member: MemberFacts, occurrence: number): boolean {
  return nextMoment(t, member, occurrence - 1) === occurrence;
}

/** Keeps a stored due whose moment still holds; otherwise the next moment at or after `from`. */
export function refreshDue(t: TriggerView, workflowId: string, member: MemberFacts, existing: TriggerDue | undefined, from: number): TriggerDue {
  if (existing?.occurrenceAt != null && stillHolds(t, member, existing.occurrenceAt)) return existing;
  const next = nextMoment(t, member, from - 1);
  return { workflowId, occurrenceAt: next, dueAt: next };
}

type Standing = (t: TriggerView, member: MemberFacts, now: number) => TriggerStanding;

const inactivity: Standing = (t, m, now) => {
  const { days } = t.config as InactivityTriggerConfig;
  if (m.lastPurchaseAt === null) return standing(null, null, 'has not purchased yet: inactivity counts from the last purchase', 'inactivity.neverPurchased');
  const at = m.lastPurchaseAt + days * MS_PER_DAY;
  if (at <= now) return standing(at, null, `no purchase for ${days} days since ${day(m.lastPurchaseAt)} (inactive since ${day(at)})`, 'inactivity.inactive', { days, lastPurchaseAt: m.lastPurchaseAt, inactiveAt: at });
  return standing(null, at, `enters on ${when(at)} if no purchase before: ${days} days after the last purchase`, 'inactivity.upcoming', { days, enterAt: at });
};

const date: Standing = (t, m, now) => {
  const c = t.config as DateTriggerConfig;
  const label = c.attribute.replace('attributes.', '');
  if (!memberDate(c.attribute, m)) return standing(null, null, `no ${label} date on the profile`, 'date.noDate', { label });
  // Qualifies from its moment until the date itself (N days before), or for a day.
  const window = Math.max(1, -c.offsetDays) * MS_PER_DAY;
  const recent = nextMoment(t, m, now - window);
  const next = nextMoment(t, m, now);
  if (recent !== null && recent <= now) {
    const reason = `its ${label} moment was on ${when(recent)}; next on ${next === null ? 'never' : when(next)}`;
    return next === null ? standing(recent, next, reason, 'date.recentNoNext', { label, momentAt: recent }) : standing(recent, next, reason, 'date.recent', { label, momentAt: recent, nextAt: next });
  }
  if (next === null) return standing(null, next, `no coming ${label} moment`, 'date.noComing', { label });
  return standing(null, next, `enters on ${when(next)} (${t.module.summary(t.config)})`, 'date.upcoming', { enterAt: next, label, offsetDays: c.offsetDays, time: c.time });
};

const schedule: Standing = (t, m, now) => {
  const c = t.config as ScheduleTriggerConfig;
  const next = nextMoment(t, m, now);
  const audience = evaluateCondition(c.audience, { member: m, trigger: {}, now });
  const on = next === null ? 'no coming run' : `next run on ${when(next)}`;
  const vars: StandingReasonParts['vars'] = next === null ? {} : { nextAt: next };
  if (!audience.result) {
    return standing(null, next, `not in the schedule's audience: ${audience.explanation}; ${on}`, next === null ? 'schedule.outNoRun' : 'schedule.out', { ...vars, explanation: audience.explanation });
  }
  return standing(now, next, `in the schedule's audience; ${on}`, next === null ? 'schedule.inNoRun' : 'schedule.in', vars);
};

const pointsExpiring: Standing = (t, m, now) => {
  const c = t.config as PointsExpiringTriggerConfig;
  const lots = m.pointsExpiring.filter((l) => l.points >= c.minPoints && l.expiresAt > now);
  if (!lots.length) return standing(null, null, `no lot of ${c.minPoints}+ points that will expire`, 'points.none', { minPoints: c.minPoints });
  const soonest = lots.reduce((a, b) => (b.expiresAt < a.expiresAt ? b : a));
  const moment = soonest.expiresAt - c.withinDays * MS_PER_DAY;
  const vars = { points: soonest.points, days: c.withinDays, expiresAt: soonest.expiresAt };
  if (moment <= now) return standing(moment, nextMoment(t, m, now), `${soonest.points} points expire on ${day(soonest.expiresAt)}, within ${c.withinDays} days`, 'points.expiring', vars);
  return standing(null, moment, `enters on ${when(moment)}: ${c.withinDays} days before ${soonest.points} points expire`, 'points.upcoming', { ...vars, enterAt: moment });
};

const segment: Standing = (t, m, now) => {
  const e = evaluateCondition(t.segmentCondition ?? { type: 'group', combinator: 'and', rules: [] }, { member: m, trigger: {}, now });
  return e.result
    ? standing(now, null, `matches the segment now: ${e.explanation}`, 'segment.matches', { explanation: e.explanation })
    : standing(null, null, `enters when the member starts to match: ${e.explanation}`, 'segment.waiting', { explanation: e.explanation });
};

const event: Standing = (t) => {
  const { eventType } = t.config as EventTriggerConfig;
  return standing(null, null, `enters when a ${eventType} event arrives`, 'event.waiting', { eventType });
};

/** One standing rule per trigger kind: a new trigger kind fails typecheck here until it says how it stands. */
const standings = {
  event_trigger: event,
  segment_trigger: segment,
  date_trigger: date,
  schedule_trigger: schedule,
  inactivity_trigger: inactivity,
  points_expiring_trigger: pointsExpiring,
} satisfies Record<TriggerKind, Standing>;

export function triggerStanding(t: TriggerView, member: MemberFacts, now: number): TriggerStanding {
  return standings[t.kind as keyof typeof standings](t, member, now);
}
