import type { WorkflowStatus } from '@memberflow/shared/api/workflows';
import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { nodeModule } from '@memberflow/shared/node-registry';
import { formatUtc } from './zone-time.ts';

export interface WhyNot {
  trigger: string;
  entry: string;
  /** Facts from stored data only; never a guess presented as the cause. */
  observations: string[];
}

interface Input {
  status: WorkflowStatus;
  version: number;
  publishedAt: string;
  definition: WorkflowDefinition;
  member: { lastPurchaseAt: string | null; orderCount: number };
  /** Time and segment triggers: where the member stands, from the runtime (GET …/journeys `standings`). */
  standing?: { reason: string; next: string | null } | null;
  /** The latest trigger match the entry rule refused (GET …/journeys `refusals`). */
  refusal?: { at: string; cause: string; reason: string } | null;
}

export function entryRuleText(d: WorkflowDefinition): string {
  const s = d.settings;
  switch (s.entry) {
    case 'once_ever':
      return 'Once ever: a member who has been in this workflow never enters again';
    case 'once_at_a_time':
      return 'One journey at a time: a member enters again only after the previous journey ended';
    case 'every_time':
      return 'Every time the trigger matches';
    case 'cooldown':
      return `At most once every ${s.cooldownDays} days`;
  }
}

/**
 * "Why didn't this member enter?" for a live workflow the member has no journey in. The
 * runtime does not record non-entries, so this sets the trigger and entry rule next to what
 * the member's stored data shows, and says plainly where the data stops.
 */
export function whyNotEntered(x: Input): WhyNot {
  const trig = x.definition.nodes.find((n) => nodeModule(n.kind).group === 'trigger');
  const observations: string[] = [];
  if (!trig) return { trigger: 'No trigger node', entry: entryRuleText(x.definition), observations: ['This version has no trigger, so nobody can enter it.'] };
  const mod = nodeModule(trig.kind);
  let summary: string;
  let config: Record<string, unknown> = {};
  try {
    config = mod.config.parse(trig.config) as Record<string, unknown>;
    summary = mod.summary(config);
  } catch {
    summary = '(configuration unreadable)';
  }
  const trigger = `${trig.label || mod.title}: ${summary}`;
  const onEvent = mod.group === 'trigger' && mod.fires === 'event';

  if (x.status === 'paused' || x.status === 'stopped') observations.push(`The workflow is ${x.status}: nobody enters while it is ${x.status}.`);
  const live = `v${x.version} went live ${formatUtc(x.publishedAt)} UTC`;
  const filters = Array.isArray(config.filters) ? config.filters.length : 0;
  if (x.refusal) {
    observations.push(`The trigger matched at ${formatUtc(x.refusal.at)} UTC (${x.refusal.cause}), but the entry rule kept the member out: ${x.refusal.reason}`);
  }

  if (onEvent && config.firstPurchaseOnly === true && x.member.orderCount > 0) {
    const n = x.member.orderCount;
    observations.push(`The trigger takes first purchases only, and this member already has ${n} order${n > 1 ? 's' : ''}: no later purchase starts a journey.`);
  } else if (onEvent && config.eventType === 'purchase') {
    const last = x.member.lastPurchaseAt;
    if (!last) observations.push(`No purchase is recorded for this member, so the trigger has had nothing to match (${live}).`);
    else if (Date.parse(last) < Date.parse(x.publishedAt)) {
      observations.push(`The member's last recorded purchase (${formatUtc(last)} UTC) is before ${live}. Only purchases after that can start a journey.`);
    } else {
      observations.push(
        `A purchase at ${formatUtc(last)} UTC is recorded after ${live}, yet there is no journey.` +
          (filters ? ` The trigger has ${filters} filter${filters > 1 ? 's' : ''} on the purchase's properties that it may not have met.` : '') +
          ' The runtime does not record why an event did not start a journey, so the data cannot say more.',
      );
    }
  } else if (onEvent) {
    observations.push(`This page sees the member's purchases only; whether a ${String(config.eventType)} event arrived after ${live} is not shown here.`);
  } else if (x.standing) {
    // The runtime's own words for time and segment triggers, the same the publish dialog's estimate uses.
    observations.push(x.standing.reason);
    if (x.standing.next) observations.push(`Next moment: ${formatUtc(x.standing.next)} UTC.`);
  } else {
    observations.push(`This trigger checks members on a schedule or by their facts. The runtime does not record members it checked and did not enter (${live}).`);
  }
  return { trigger, entry: entryRuleText(x.definition), observations };
}
