import type { StandingKey } from '@memberflow/shared/runner/time-triggers';

/** The keys of a standing reason's words: one per runner key, and the date trigger's relation to its date. */
export type StandingMessageKey = `standing.${StandingKey}` | `standing.relation.${'before' | 'after' | 'on'}` | 'standing.hiddenDate';

/** Where a member stands with a trigger (publish estimate, why-not panel); the same words as the runner's English `reason`. */
export const standingEn: Record<StandingMessageKey, string> = {
  'standing.inactivity.neverPurchased': 'has not purchased yet: inactivity counts from the last purchase',
  'standing.inactivity.inactive': 'no purchase for {days} days since {lastPurchaseAt} (inactive since {inactiveAt})',
  'standing.inactivity.upcoming': 'enters on {enterAt} if no purchase before: {days} days after the last purchase',
  'standing.date.noDate': 'no {label} date on the profile',
  'standing.date.recent': 'its {label} moment was on {momentAt}; next on {nextAt}',
  'standing.date.recentNoNext': 'its {label} moment was on {momentAt}; there is no next one',
  'standing.date.noComing': 'no coming {label} moment',
  'standing.date.upcoming': 'enters on {enterAt} ({relation} {label} at {time})',
  'standing.schedule.out': "not in the schedule's audience: {explanation}; next run on {nextAt}",
  'standing.schedule.outNoRun': "not in the schedule's audience: {explanation}; no coming run",
  'standing.schedule.in': "in the schedule's audience; next run on {nextAt}",
  'standing.schedule.inNoRun': "in the schedule's audience; no coming run",
  'standing.points.none': 'no lot of {minPoints}+ points that will expire',
  'standing.points.expiring': '{points} points expire on {expiresAt}, within {days} days',
  'standing.points.upcoming': 'enters on {enterAt}: {days} days before {points} points expire',
  'standing.segment.matches': 'matches the segment now: {explanation}',
  'standing.segment.waiting': 'enters when the member starts to match: {explanation}',
  'standing.event.waiting': 'enters when a {eventType} event arrives',
  'standing.relation.before': '{days} day(s) before',
  'standing.relation.after': '{days} day(s) after',
  'standing.relation.on': 'on',
  'standing.hiddenDate': '…',
};
