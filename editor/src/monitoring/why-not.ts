import type { WorkflowStatus } from '@memberflow/shared/api/workflows';
import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { nodeModule } from '@memberflow/shared/node-registry';
import { translate, type Translate } from '../i18n/i18n.ts';
import { localSummary } from '../flow/node-text.ts';
import { formatUtc } from './zone-time.ts';

const english: Translate = (key, vars) => translate('en', key, vars);

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

export function entryRuleText(d: WorkflowDefinition, t: Translate = english): string {
  const s = d.settings;
  return t(`whyNot.entry.${s.entry}`, { days: s.cooldownDays ?? '' });
}

/**
 * "Why didn't this member enter?" for a live workflow the member has no journey in. The
 * runtime does not record non-entries, so this sets the trigger and entry rule next to what
 * the member's stored data shows, and says plainly where the data stops.
 */
export function whyNotEntered(x: Input, t: Translate = english): WhyNot {
  const trig = x.definition.nodes.find((n) => nodeModule(n.kind).group === 'trigger');
  const observations: string[] = [];
  if (!trig) return { trigger: t('whyNot.noTrigger'), entry: entryRuleText(x.definition, t), observations: [t('whyNot.noTriggerText')] };
  const mod = nodeModule(trig.kind);
  let summary: string;
  let config: Record<string, unknown> = {};
  try {
    config = mod.config.parse(trig.config) as Record<string, unknown>;
    summary = localSummary(trig.kind, config, mod.summary(config), t);
  } catch {
    summary = t('whyNot.unreadable');
  }
  const trigger = `${trig.label || t(`kinds.${trig.kind}.title`)}: ${summary}`;
  const onEvent = mod.group === 'trigger' && mod.fires === 'event';

  if (x.status === 'paused' || x.status === 'stopped') observations.push(t(`whyNot.${x.status}`));
  const live = t('whyNot.live', { version: x.version, time: formatUtc(x.publishedAt) });
  const filters = Array.isArray(config.filters) ? config.filters.length : 0;
  if (x.refusal) {
    observations.push(t('whyNot.refused', { time: formatUtc(x.refusal.at), cause: x.refusal.cause, reason: x.refusal.reason }));
  }

  if (onEvent && config.firstPurchaseOnly === true && x.member.orderCount > 0) {
    const n = x.member.orderCount;
    observations.push(t(n > 1 ? 'whyNot.firstOnly' : 'whyNot.firstOnlyOne', { count: n }));
  } else if (onEvent && config.eventType === 'purchase') {
    const last = x.member.lastPurchaseAt;
    if (!last) observations.push(t('whyNot.noPurchase', { live }));
    else if (Date.parse(last) < Date.parse(x.publishedAt)) {
      observations.push(t('whyNot.before', { time: formatUtc(last), live }));
    } else {
      const filtered = filters ? t(filters > 1 ? 'whyNot.filters' : 'whyNot.filtersOne', { count: filters }) : '';
      observations.push(t('whyNot.after', { time: formatUtc(last), live, filtered }));
    }
  } else if (onEvent) {
    observations.push(t('whyNot.otherEvent', { event: String(config.eventType), live }));
  } else if (x.standing) {
    // The runtime's own words for time and segment triggers, the same the publish dialog's estimate uses.
    observations.push(x.standing.reason);
    if (x.standing.next) observations.push(t('whyNot.next', { time: formatUtc(x.standing.next) }));
  } else {
    observations.push(t('whyNot.scheduled', { live }));
  }
  return { trigger, entry: entryRuleText(x.definition, t), observations };
}
