import type { GroupOf, NodeKind } from './node-kind.ts';
import { firstVersion, type ModuleOfGroup, type NodeModule, type NodeVersions, type VersionedNodeModule } from './node-module.ts';
import { adjustPoints } from './nodes/adjust-points.ts';
import { callWebhook } from './nodes/call-webhook.ts';
import { condition } from './nodes/condition.ts';
import { createTask } from './nodes/create-task.ts';
import { dateTriggerVersions } from './nodes/date-trigger.ts';
import { enrollWorkflow } from './nodes/enroll-workflow.ts';
import { eventTrigger } from './nodes/event-trigger.ts';
import { exit } from './nodes/exit.ts';
import { goal } from './nodes/goal.ts';
import { inactivityTrigger } from './nodes/inactivity-trigger.ts';
import { issueCoupon } from './nodes/issue-coupon.ts';
import { multiSplit } from './nodes/multi-split.ts';
import { pointsExpiringTrigger } from './nodes/points-expiring-trigger.ts';
import { randomSplit } from './nodes/random-split.ts';
import { scheduleTrigger } from './nodes/schedule-trigger.ts';
import { segmentTrigger } from './nodes/segment-trigger.ts';
import { sendMessage } from './nodes/send-message.ts';
import { setTier } from './nodes/set-tier.ts';
import { updateAttribute } from './nodes/update-attribute.ts';
import { updateTags } from './nodes/update-tags.ts';
import { waitDuration } from './nodes/wait-duration.ts';
import { waitForEvent } from './nodes/wait-for-event.ts';
import { waitUntilDate } from './nodes/wait-until-date.ts';
import { waitUntilTime } from './nodes/wait-until-time.ts';

/** A kind's versions, its module of the kind's group (node-kind.ts): a wait's module must be a WaitModule. */
// Config types differ per kind; `any` here only loosens the registry's value type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type VersionsOf<K extends NodeKind> = NodeVersions<ModuleOfGroup<GroupOf<K>, any>>;

/**
 * One entry per kind with its versions; `satisfies` makes a kind without one, or with a module
 * missing a hook its group requires, a type error.
 * A kind starts at version 1 (`firstVersion`); see docs/node-versions.md to add a version.
 */
export const nodeRegistry = {
  event_trigger: firstVersion(eventTrigger),
  segment_trigger: firstVersion(segmentTrigger),
  date_trigger: dateTriggerVersions,
  schedule_trigger: firstVersion(scheduleTrigger),
  inactivity_trigger: firstVersion(inactivityTrigger),
  points_expiring_trigger: firstVersion(pointsExpiringTrigger),
  condition: firstVersion(condition),
  multi_split: firstVersion(multiSplit),
  random_split: firstVersion(randomSplit),
  wait_duration: firstVersion(waitDuration),
  wait_until_time: firstVersion(waitUntilTime),
  wait_until_date: firstVersion(waitUntilDate),
  wait_for_event: firstVersion(waitForEvent),
  issue_coupon: firstVersion(issueCoupon),
  send_message: firstVersion(sendMessage),
  adjust_points: firstVersion(adjustPoints),
  set_tier: firstVersion(setTier),
  update_tags: firstVersion(updateTags),
  update_attribute: firstVersion(updateAttribute),
  create_task: firstVersion(createTask),
  call_webhook: firstVersion(callWebhook),
  enroll_workflow: firstVersion(enrollWorkflow),
  exit: firstVersion(exit),
  goal: firstVersion(goal),
} satisfies { [K in NodeKind]: VersionsOf<K> };

/** A definition names a version of a kind this process does not have (e.g. published by a newer deploy). */
export class UnknownNodeVersion extends Error {
  constructor(
    readonly kind: NodeKind,
    readonly version: number,
    readonly latest: number,
  ) {
    super(`Node kind "${kind}" has no version ${version}; versions 1 to ${latest} exist`);
    this.name = 'UnknownNodeVersion';
  }
}

/** The version a publish pins for this kind today. */
export function latestVersion(kind: NodeKind): number {
  return nodeRegistry[kind].latest;
}

const resolved = new Map<string, VersionedNodeModule>();

/**
 * The module of a kind at a version (default: the latest). Older versions are the latest with
 * each step back's overrides laid on, newest first; resolved once and kept, so identity is stable.
 */
export function nodeModule(kind: NodeKind, version?: number): VersionedNodeModule {
  const entry = nodeRegistry[kind] as unknown as NodeVersions;
  const v = version ?? entry.latest;
  if (!Number.isInteger(v) || v < 1 || v > entry.latest) throw new UnknownNodeVersion(kind, v, entry.latest);
  const key = `${kind}@${v}`;
  let m = resolved.get(key);
  if (!m) {
    let behaviour: NodeModule = { ...entry.module };
    // An override only replaces hooks of the module's own group (NodeBehaviour), so the group stays whole.
    for (let n = entry.latest - 1; n >= v; n--) behaviour = { ...behaviour, ...entry.previous[n] } as NodeModule;
    m = Object.freeze({ ...behaviour, version: v });
    resolved.set(key, m);
  }
  return m;
}
