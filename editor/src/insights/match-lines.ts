import { memberFields, type ConditionGroup, type ConditionOp } from '@memberflow/shared/condition';
import type { Translate } from '../i18n/i18n.ts';

/** One rule of a match in the user's words: "Total spent > 200: 231.13". */
export interface MatchLine {
  rule: string;
  actual: string;
}

const isMemberField = (f: string): f is (typeof memberFields)[number] => (memberFields as readonly string[]).includes(f);

/**
 * The rules of a condition's top level with each member's value, from the preview's `values`
 * (field → value, metrics as "spend in 90 days"). Null when the condition nests groups or reads
 * attributes: then the runner's own explanation is shown as it is.
 */
export function matchLines(condition: ConditionGroup, values: Record<string, unknown>, t: Translate, showValue: (field: string, v: unknown) => string): MatchLine[] | null {
  const out: MatchLine[] = [];
  for (const r of condition.rules) {
    if (r.type === 'group') return null;
    const op = t(`condition.op.${r.op as ConditionOp}`);
    const expected = r.op === 'exists' || r.op === 'not_exists' ? '' : ` ${r.type === 'metric' ? String(r.value) : showValue(r.field, r.value)}`;
    if (r.type === 'metric') {
      const label = `${t(r.metric === 'orders' ? 'condition.metricOrders' : 'condition.metricSpend').replace('N', String(r.windowDays))}`;
      out.push({ rule: `${label} ${op}${expected}`, actual: showValue('', values[`${r.metric} in ${r.windowDays} days`]) });
      continue;
    }
    if (!isMemberField(r.field)) return null;
    out.push({ rule: `${t(`condition.field.${r.field}`)} ${op}${expected}`, actual: showValue(r.field, values[r.field]) });
  }
  return out;
}
