import { z } from 'zod';
import { toNumber, toText } from './coerce.ts';
import { MS_PER_DAY } from './duration.ts';
import type { MemberFacts } from './member-facts.ts';
import { readProperty } from './property-filter.ts';
import { rfmGroups } from './rfm.ts';
import { currentSignInStreak } from './sign-in-days.ts';

export const ConditionOp = z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'contains', 'not_contains', 'exists', 'not_exists']);
export type ConditionOp = z.infer<typeof ConditionOp>;

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * Fields a rule may read. `member.*` reads the member (attributes under member.attributes.*),
 * `trigger.*` reads the properties of the event that started the journey, `event.*` those of the
 * event that moved it in this step.
 */
export const memberFields = [
  'member.tier',
  'member.tags',
  'member.pointsBalance',
  'member.storedValue',
  'member.orderCount',
  'member.totalSpent',
  'member.daysSinceLastPurchase',
  'member.daysSinceFirstPurchase',
  'member.signInStreak',
  'member.cards',
  'member.cardDaysUntilLapse',
  'member.rfm.r',
  'member.rfm.f',
  'member.rfm.m',
  'member.rfm.segment',
  'member.timeZone',
  'member.locale',
] as const;

const FieldPath = z
  .string()
  .min(1, 'choose a field')
  .refine(
    (f) =>
      (memberFields as readonly string[]).includes(f) || /^member\.attributes\.[A-Za-z0-9_.]+$/.test(f) || /^(trigger|event)\.[A-Za-z0-9_.]+$/.test(f),
    'must be a member field (member.tier, member.attributes.x, ...), a trigger property (trigger.amount) or a property of the latest event (event.score)',
  );

const SCORES = [1, 2, 3, 4, 5] as const;
/** Fields with a closed set of values: a rule comparing with anything else could never match. */
const ENUMERATED: Partial<Record<string, readonly (string | number)[]>> = {
  'member.rfm.segment': rfmGroups,
  'member.rfm.r': SCORES,
  'member.rfm.f': SCORES,
  'member.rfm.m': SCORES,
};

export const FieldRule = z
  .object({
    type: z.literal('field'),
    field: FieldPath,
    op: ConditionOp,
    value: z.union([Scalar, z.array(Scalar)]).optional(),
  })
  .superRefine((r, ctx) => {
    // Only "is set" / "is not set" stand without a value; "in" lists need at least one.
    if (r.op === 'exists' || r.op === 'not_exists') return;
    const empty = r.value === undefined || r.value === '' || (Array.isArray(r.value) && r.value.length === 0);
    if (empty) ctx.addIssue({ code: 'custom', path: ['value'], message: r.op === 'in' || r.op === 'not_in' ? 'list at least one value' : 'enter a value to compare with' });
    const allowed = ENUMERATED[r.field];
    if (!allowed || empty || !['eq', 'neq', 'in', 'not_in'].includes(r.op)) return;
    const values = Array.isArray(r.value) ? r.value : [r.value];
    values.forEach((v, i) => {
      if (allowed.some((a) => String(a) === String(v))) return;
      ctx.addIssue({ code: 'custom', path: Array.isArray(r.value) ? ['value', i] : ['value'], message: `"${String(v)}" is not a value ${r.field} takes: one of ${allowed.join(', ')}` });
    });
  });
export type FieldRule = z.infer<typeof FieldRule>;

/** Spend or order count over the last N days, e.g. "spent at least 500 in 90 days". */
export const MetricRule = z.object({
  type: z.literal('metric'),
  metric: z.enum(['spend', 'orders']),
  // The runtime loads two years of purchases for conditions: windows stay within that.
  windowDays: z.number().int('must be a whole number').min(1, 'must be at least 1 day').max(730, 'at most 730 days'),
  op: z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte']),
  value: z.number(),
});
export type MetricRule = z.infer<typeof MetricRule>;

export type ConditionRule = FieldRule | MetricRule;
export type ConditionGroup = { type: 'group'; combinator: 'and' | 'or'; rules: (ConditionRule | ConditionGroup)[] };

/** Groups nest at most this deep (the editor offers two levels); deeper input is refused before it is walked. */
export const MAX_GROUP_DEPTH = 10;

/** How deep groups nest in untrusted input, counted without recursion (so any depth is safe to measure). */
function groupDepth(input: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[input, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object' || !Array.isArray((v as { rules?: unknown }).rules)) continue;
    deepest = Math.max(deepest, d);
    if (d > MAX_GROUP_DEPTH) break;
    for (const r of (v as { rules: unknown[] }).rules) stack.push([r, d + 1]);
  }
  return deepest;
}

const GroupShape: z.ZodType<ConditionGroup> = z.lazy(() =>
  z.object({
    type: z.literal('group'),
    combinator: z.enum(['and', 'or']),
    rules: z.array(z.discriminatedUnion('type', [FieldRule, MetricRule, GroupShape as never])).max(50, 'at most 50 rules in a group'),
  }),
) as z.ZodType<ConditionGroup>;

// The depth is checked first: parsing a group nested thousands deep would exhaust the stack.
export const ConditionGroup: z.ZodType<ConditionGroup> = z
  .unknown()
  .refine((v) => groupDepth(v) <= MAX_GROUP_DEPTH, { message: `groups may nest at most ${MAX_GROUP_DEPTH} deep`, abort: true })
  .pipe(GroupShape) as unknown as z.ZodType<ConditionGroup>;

export const alwaysTrue = (): ConditionGroup => ({ type: 'group', combinator: 'and', rules: [] });

export interface ConditionFacts {
  member: MemberFacts;
  /** Properties of the event that started the journey. */
  trigger: Record<string, unknown>;
  /** Properties of the event that moved the journey in this step (e.g. a survey answer). */
  event?: Record<string, unknown>;
  now: number;
}

function soonestLapseDays(m: MemberFacts, now: number): number | null {
  const ends = (m.cards ?? []).flatMap((c) => (c.lapsesAt === null ? [] : [c.lapsesAt]));
  return ends.length ? Math.max(0, Math.ceil((Math.min(...ends) - now) / MS_PER_DAY)) : null;
}

function memberValue(field: string, f: ConditionFacts): unknown {
  const m = f.member;
  if (field === 'member.daysSinceLastPurchase') return m.lastPurchaseAt === null ? null : Math.floor((f.now - m.lastPurchaseAt) / MS_PER_DAY);
  if (field === 'member.signInStreak') return currentSignInStreak(m, f.now);
  // Cards held: `member.cards contains black_card`; days until the soonest term card lapses.
  if (field === 'member.cards') return (m.cards ?? []).map((c) => c.kind);
  if (field === 'member.cardDaysUntilLapse') return soonestLapseDays(m, f.now);
  if (field === 'member.daysSinceFirstPurchase') return m.firstPurchaseAt === null ? null : Math.floor((f.now - m.firstPurchaseAt) / MS_PER_DAY);
  if (field.startsWith('member.attributes.')) return readProperty(m.attributes, field.slice('member.attributes.'.length));
  if (field.startsWith('member.rfm.')) return m.rfm ? (m.rfm as Record<string, unknown>)[field.slice('member.rfm.'.length)] : null;
  return (m as unknown as Record<string, unknown>)[field.slice('member.'.length)];
}

export function fieldValue(field: string, facts: ConditionFacts): unknown {
  if (field.startsWith('trigger.')) return readProperty(facts.trigger, field.slice('trigger.'.length));
  if (field.startsWith('event.')) return readProperty(facts.event ?? {}, field.slice('event.'.length));
  return memberValue(field, facts);
}

export function metricValue(rule: Pick<MetricRule, 'metric' | 'windowDays'>, facts: ConditionFacts): number {
  const since = facts.now - rule.windowDays * MS_PER_DAY;
  const inWindow = facts.member.purchases.filter((p) => p.at > since && p.at <= facts.now);
  return rule.metric === 'orders' ? inWindow.length : Math.round(inWindow.reduce((s, p) => s + p.amount, 0) * 100) / 100;
}

const same = (a: unknown, b: unknown) => a === b || (a !== null && a !== undefined && b !== null && b !== undefined && toText(a) === toText(b));

export function compare(actual: unknown, op: ConditionOp, expected: unknown): boolean {
  const present = actual !== undefined && actual !== null;
  switch (op) {
    case 'exists':
      return present && !(Array.isArray(actual) && actual.length === 0);
    case 'not_exists':
      return !compare(actual, 'exists', expected);
    case 'eq':
      return present && same(actual, expected);
    case 'neq':
      return !(present && same(actual, expected));
    case 'in':
      return present && Array.isArray(expected) && expected.some((e) => same(actual, e));
    case 'not_in':
      return !compare(actual, 'in', expected);
    case 'contains':
      return Array.isArray(actual) ? actual.some((a) => same(a, expected)) : typeof actual === 'string' && actual.includes(toText(expected));
    case 'not_contains':
      return !compare(actual, 'contains', expected);
    default: {
      if (!present) return false;
      const a = toNumber(actual);
      const b = toNumber(expected);
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      return op === 'gt' ? a > b : op === 'gte' ? a >= b : op === 'lt' ? a < b : a <= b;
    }
  }
}

const opWords: Record<ConditionOp, string> = {
  eq: '=',
  neq: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  in: 'is one of',
  not_in: 'is none of',
  contains: 'contains',
  not_contains: 'does not contain',
  exists: 'is set',
  not_exists: 'is not set',
};

const show = (v: unknown) => (v === undefined || v === null ? 'nothing' : Array.isArray(v) ? `[${v.map(toText).join(', ')}]` : typeof v === 'string' ? `"${v}"` : toText(v));

export interface Evaluation {
  result: boolean;
  /** In words, for traces: `member.tier = "gold" (is "silver"): no`. */
  explanation: string;
}

export function evaluateRule(rule: ConditionRule | ConditionGroup, facts: ConditionFacts): Evaluation {
  if (rule.type === 'group') return evaluateCondition(rule, facts);
  if (rule.type === 'metric') {
    const actual = metricValue(rule, facts);
    const result = compare(actual, rule.op, rule.value);
    return { result, explanation: `${rule.metric} in ${rule.windowDays} days ${opWords[rule.op]} ${rule.value} (is ${actual}): ${result ? 'yes' : 'no'}` };
  }
  const actual = fieldValue(rule.field, facts);
  const result = compare(actual, rule.op, rule.value);
  const expected = rule.op === 'exists' || rule.op === 'not_exists' ? '' : ` ${show(rule.value)}`;
  return { result, explanation: `${rule.field} ${opWords[rule.op]}${expected} (is ${show(actual)}): ${result ? 'yes' : 'no'}` };
}

/** An empty group is true: "everyone". */
export function evaluateCondition(group: ConditionGroup, facts: ConditionFacts): Evaluation {
  if (group.rules.length === 0) return { result: true, explanation: 'no rules: everyone' };
  const parts = group.rules.map((r) => evaluateRule(r, facts));
  const result = group.combinator === 'and' ? parts.every((p) => p.result) : parts.some((p) => p.result);
  const joined = parts.map((p) => p.explanation).join(group.combinator === 'and' ? '; and ' : '; or ');
  return { result, explanation: group.rules.length > 1 ? `(${joined})` : joined };
}

export function describeCondition(group: ConditionGroup): string {
  if (group.rules.length === 0) return 'everyone';
  return group.rules
    .map((r) =>
      r.type === 'group'
        ? `(${describeCondition(r)})`
        : r.type === 'metric'
          ? `${r.metric} in ${r.windowDays}d ${opWords[r.op]} ${r.value}`
          : `${r.field.replace(/^member\./, '')} ${opWords[r.op]}${r.op === 'exists' || r.op === 'not_exists' ? '' : ` ${show(r.value)}`}`,
    )
    .join(group.combinator === 'and' ? ' and ' : ' or ');
}
