import type { TriggerKind } from '@memberflow/shared/node-kind';

/** What the runtime does per trigger kind beyond its module's `fires`. */
export interface TriggerRuntime {
  /**
   * Going live with "members who already qualify": 'trigger_event' enters them now through a
   * trigger event (schedules and segments: everyone qualifying enters at once); 'due_now' makes
   * their own moment due now, kept so the fire records how late it is; 'never' for event triggers.
   */
  qualifiedNow: 'trigger_event' | 'due_now' | 'never';
  /** Its moments read the members' expiring point lots (loaded only for such triggers: a join per member). */
  expiringPoints: boolean;
}

/** One entry per trigger kind: a new trigger kind fails typecheck here until it says how it goes live. */
export const triggerRuntime = {
  event_trigger: { qualifiedNow: 'never', expiringPoints: false },
  segment_trigger: { qualifiedNow: 'trigger_event', expiringPoints: false },
  date_trigger: { qualifiedNow: 'due_now', expiringPoints: false },
  schedule_trigger: { qualifiedNow: 'trigger_event', expiringPoints: false },
  inactivity_trigger: { qualifiedNow: 'due_now', expiringPoints: false },
  points_expiring_trigger: { qualifiedNow: 'due_now', expiringPoints: true },
} satisfies Record<TriggerKind, TriggerRuntime>;

export const triggerRuntimeOf = (kind: TriggerKind): TriggerRuntime => triggerRuntime[kind];
