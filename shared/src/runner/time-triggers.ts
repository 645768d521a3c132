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
}

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
  if (m.lastPurchaseAt === null) return { qualifiedSince: null, next: null, reason: 'has not purchased yet: inactivity counts from the last purchase' };
  const at = m.lastPurchaseAt + days * MS_PER_DAY;
  if (at <= now) return { qualifiedSince: at, next: null, reason: `no purchase for ${days} days since ${day(m.lastPurchaseAt)} (inactive since ${day(at)})` };
  return { qualifiedSince: null, next: at, reason: `enters on ${when(at)} if no purchase before: ${days} days after the last purchase` };
};

const date: Standing = (t, m, now) => {
  const c = t.config as DateTriggerConfig;
  const label = c.attribute.replace('attributes.', '');
  if (!memberDate(c.attribute, m)) return { qualifiedSince: null, next: null, reason: `no ${label} date on the profile` };
  // Qualifies from its moment until the date itself (N days before), or for a day.
  const window = Math.max(1, -c.offsetDays) * MS_PER_DAY;
  const recent = nextMoment(t, m, now - window);
  const next = nextMoment(t, m, now);
  if (recent !== null && recent <= now) return { qualifiedSince: recent, next, reason: `its ${label} moment was on ${when(recent)}; next on ${next === null ? 'never' : when(next)}` };
  return { qualifiedSince: null, next, reason: next === null ? `no coming ${label} moment` : `enters on ${when(next)} (${t.module.summary(t.config)})` };
};

const schedule: Standing = (t, m, now) => {
  const c = t.config as ScheduleTriggerConfig;
  const next = nextMoment(t, m, now);
  const audience = evaluateCondition(c.audience, { member: m, trigger: {}, now });
  const on = next === null ? 'no coming run' : `next run on ${when(next)}`;
  if (!audience.result) return { qualifiedSince: null, next, reason: `not in the schedule's audience: ${audience.explanation}; ${on}` };
  return { qualifiedSince: now, next, reason: `in the schedule's audience; ${on}` };
};

const pointsExpiring: Standing = (t, m, now) => {
  const c = t.config as PointsExpiringTriggerConfig;
  const lots = m.pointsExpiring.filter((l) => l.points >= c.minPoints && l.expiresAt > now);
  if (!lots.length) return { qualifiedSince: null, next: null, reason: `no lot of ${c.minPoints}+ points that will expire` };
  const soonest = lots.reduce((a, b) => (b.expiresAt < a.expiresAt ? b : a));
  const moment = soonest.expiresAt - c.withinDays * MS_PER_DAY;
  if (moment <= now) return { qualifiedSince: moment, next: nextMoment(t, m, now), reason: `${soonest.points} points expire on ${day(soonest.expiresAt)}, within ${c.withinDays} days` };
  return { qualifiedSince: null, next: moment, reason: `enters on ${when(moment)}: ${c.withinDays} days before ${soonest.points} points expire` };
};

const segment: Standing = (t, m, now) => {
  const e = evaluateCondition(t.segmentCondition ?? { type: 'group', combinator: 'and', rules: [] }, { member: m, trigger: {}, now });
  return e.result
    ? { qualifiedSince: now, next: null, reason: `matches the segment now: ${e.explanation}` }
    : { qualifiedSince: null, next: null, reason: `enters when the member starts to match: ${e.explanation}` };
};

const event: Standing = (t) => ({ qualifiedSince: null, next: null, reason: `enters when a ${(t.config as EventTriggerConfig).eventType} event arrives` });

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
