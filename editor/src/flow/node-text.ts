import type { ConditionGroup, ConditionRule } from '@memberflow/shared/condition';
import type { Duration } from '@memberflow/shared/duration';
import type { NodeKind } from '@memberflow/shared/node-kind';
import type { OutputHandle } from '@memberflow/shared/node-module';
import { enMessages, type MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/i18n.ts';

/*
 * The canvas says what a step does and names its outputs in the user's language. The node
 * modules in shared/ describe themselves in English for logs and the API; here the same facts
 * (the kind and its config) are put into words from the message tables instead.
 */

type Config = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : String(v ?? ''));
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));

export function durationText(d: Duration | undefined, t: Translate): string {
  if (!d) return '';
  return t(d.amount === 1 ? `sum.duration.one.${d.unit}` : `sum.duration.${d.unit}`, { n: d.amount });
}

function valueText(v: unknown, t: Translate): string {
  if (v === undefined || v === null) return t('sum.nothing');
  if (Array.isArray(v)) return `[${v.map(String).join(', ')}]`;
  return typeof v === 'string' ? `"${v}"` : String(v);
}

/** RFM groups are a fixed list with names in both languages; shown by name, not code. */
function rfmGroups(v: unknown, t: Translate): string {
  const name = (g: unknown) => {
    const key = `sum.rfm.${String(g)}`;
    // English summaries keep the code, as the node modules write it; Chinese ones say the group's name.
    return key in enMessages ? t(key as MessageKey) : String(g);
  };
  return Array.isArray(v) ? `[${v.map(name).join(', ')}]` : `"${name(v)}"`;
}

export function conditionText(group: ConditionGroup, t: Translate): string {
  if (group.rules.length === 0) return t('sum.everyone');
  const rule = (r: ConditionRule | ConditionGroup): string => {
    if (r.type === 'group') return `(${conditionText(r, t)})`;
    const op = t(`sum.op.${r.op}`);
    if (r.type === 'metric') return t('sum.metric', { metric: t(`sum.metricName.${r.metric}`), days: r.windowDays, op, value: r.value });
    const named = `sum.field.${r.field}`;
    const field = named in enMessages ? t(named as MessageKey) : r.field.replace(/^member\./, '');
    const value = /(^|\.)rfm\.segment$/.test(r.field) ? rfmGroups(r.value, t) : valueText(r.value, t);
    return r.op === 'exists' || r.op === 'not_exists' ? `${field} ${op}` : `${field} ${op} ${value}`;
  };
  return group.rules.map(rule).join(t(group.combinator === 'and' ? 'sum.and' : 'sum.or'));
}

const weekdayShort = (d: number, t: Translate) => t(`sum.weekdayShort.${d}` as MessageKey);

function scheduleText(c: Config, t: Translate): string {
  const f = str(c.frequency);
  const when =
    f === 'daily'
      ? t('sum.schedule.daily')
      : f === 'weekly'
        ? t('sum.schedule.weekly', { day: t(`weekday.${num(c.weekday)}` as MessageKey) })
        : f === 'monthly'
          ? t('sum.schedule.monthly', { day: num(c.dayOfMonth) })
          : t('sum.schedule.cron', { cron: str(c.cron) });
  const audience = c.audience as ConditionGroup | undefined;
  const who = audience?.rules.length ? `, ${conditionText(audience, t)}` : '';
  return `${t('sum.schedule.at', { when, time: str(c.time) })}${who}`;
}

/** "3 days before birthday" and the like; day 0 is the date itself. */
function offsetText(days: number, t: Translate): string {
  if (days === 0) return t('sum.offset.on');
  const n = Math.abs(days);
  if (days < 0) return n === 1 ? t('sum.offset.before.one') : t('sum.offset.before', { n });
  return n === 1 ? t('sum.offset.after.one') : t('sum.offset.after', { n });
}

const attributeName = (a: unknown) => str(a).replace('attributes.', '');

function messageText(c: Config, t: Translate): string {
  const body = str(c.body);
  const short = body.length > 40 ? `${body.slice(0, 40)}…` : body;
  const limit = c.rateLimit as { count: number; per: string } | undefined;
  const rate = limit ? ` (${t('sum.rateLimit', { count: limit.count.toLocaleString(), per: t(`sum.per.${limit.per}` as MessageKey) })})` : '';
  return `${t(`effects.channel.${str(c.channel)}` as MessageKey)}: ${short}${rate}`;
}

const summaries: Partial<Record<NodeKind, (c: Config, t: Translate) => string>> = {
  adjust_points: (c, t) => t(c.mode === 'award' ? 'sum.pointsAward' : 'sum.pointsDeduct', { points: num(c.points), reason: str(c.reason) }),
  create_task: (c, t) => `${t(`sum.task.${str(c.type)}` as MessageKey)}: ${str(c.title)}`,
  condition: (c, t) => conditionText(c.condition as ConditionGroup, t),
  date_trigger: (c, t) => t('sum.dateTrigger', { when: offsetText(num(c.offsetDays), t), attribute: attributeName(c.attribute), time: str(c.time) }),
  enroll_workflow: (c, t) => t('sum.enroll', { workflow: str(c.workflowName) || str(c.workflowId).slice(0, 8) || '…' }),
  event_trigger: (c, t) => {
    const on = c.firstPurchaseOnly ? t('sum.onFirstPurchase') : t('sum.onEvent', { event: str(c.eventType) });
    const filters = Array.isArray(c.filters) ? c.filters.length : 0;
    return filters ? `${on} ${t(filters === 1 ? 'sum.filters.one' : 'sum.filters', { count: filters })}` : on;
  },
  inactivity_trigger: (c, t) => t('sum.inactivity', { days: num(c.days) }),
  issue_coupon: (c, t) => t('sum.coupon', { template: str(c.template), days: num(c.validityDays) }),
  multi_split: (c, t) => [...(c.branches as { label: string }[]).map((b) => b.label), t('sum.else')].join(' / '),
  points_expiring_trigger: (c, t) => t('sum.pointsExpiring', { days: num(c.withinDays) }),
  schedule_trigger: scheduleText,
  segment_trigger: (c, t) => (c.segmentKey ? t('sum.segment', { segment: str(c.segmentKey) }) : t('sum.segmentCondition', { condition: conditionText(c.condition as ConditionGroup, t) })),
  send_message: messageText,
  set_tier: (c, t) => t('sum.setTier', { tier: str(c.tier) }),
  update_tags: (c, t) => t(c.action === 'remove' ? 'sum.tagsRemove' : 'sum.tagsAdd', { tags: (c.tags as string[]).join(', ') }),
  wait_duration: (c, t) => t('sum.wait', { duration: durationText(c.duration as Duration, t) }),
  wait_for_event: (c, t) => t('sum.waitForEvent', { event: str(c.eventType), duration: durationText(c.timeout as Duration, t) }),
  wait_until_date: (c, t) => {
    const days = num(c.offsetDays);
    const offset = days ? `${t(days < 0 ? 'sum.untilDate.before' : 'sum.untilDate.after', { n: Math.abs(days) })} ` : '';
    return t('sum.untilDate', { offset, attribute: attributeName(c.attribute), time: str(c.time) });
  },
  wait_until_time: (c, t) => {
    const days = (c.weekdays as number[]) ?? [];
    const on = days.length ? t('sum.untilTime.on', { days: days.map((d) => weekdayShort(d, t)).join(', ') }) : '';
    return t('sum.untilTime', { time: str(c.time), on });
  },
};

/** The step's one-line summary in the user's language; kinds without words of their own keep the module's. */
export function localSummary(kind: NodeKind, config: Config, fallback: string, t: Translate): string {
  const say = summaries[kind];
  return say ? say(config, t) : fallback;
}

/** Output names: fixed ones from the tables, branch names as the user wrote them. */
export function localOutputLabel(kind: NodeKind, config: Config, output: OutputHandle, t: Translate): string {
  if (output.id === 'next' && output.label === 'Then') return t('out.next');
  if (kind === 'condition') return output.id === 'yes' ? t('out.yes') : t('out.no');
  if (kind === 'multi_split' && output.id === 'else') return t('out.else');
  if (kind === 'wait_for_event' && output.id === 'event') return t('out.onEvent', { event: str(config.eventType) });
  if (kind === 'wait_for_event' && output.id === 'timeout') return t('out.after', { duration: durationText(config.timeout as Duration, t) });
  return output.label;
}
