import type { ConditionOp } from '@memberflow/shared/condition';

export type Scalar = string | number | boolean;

/** What a value box holds for an operator: nothing, one value, or a list. */
export type ValueShape = 'none' | 'scalar' | 'list';

export function valueShape(op: string): ValueShape {
  if (op === 'exists' || op === 'not_exists') return 'none';
  if (op === 'in' || op === 'not_in') return 'list';
  return 'scalar';
}

/** One typed value: numbers compare as numbers, true/false as booleans, anything else as text. */
export function parseScalar(text: string): Scalar {
  const t = text.trim();
  if (/^[-+]?\d+(\.\d*)?$/.test(t)) return Number(t);
  if (t === 'true') return true;
  if (t === 'false') return false;
  return t;
}

/** A comma-separated list, e.g. "champions, loyal" -> ["champions", "loyal"]; empty entries are dropped. */
export function parseList(text: string): Scalar[] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map(parseScalar);
}

export function parseConditionValue(text: string, op: string): Scalar | Scalar[] | undefined {
  const shape = valueShape(op);
  if (shape === 'none') return undefined;
  if (shape === 'list') return parseList(text);
  return text.trim() === '' ? undefined : parseScalar(text);
}

export function formatConditionValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => String(v)).join(', ');
  return String(value);
}

/** Keeps what the user typed when the operator changes: a single value becomes a one-item list and back. */
export function convertValue(value: unknown, op: ConditionOp | string): Scalar | Scalar[] | undefined {
  const shape = valueShape(op);
  if (shape === 'none') return undefined;
  const list = Array.isArray(value)
    ? (value as Scalar[])
    : value === undefined || value === null || value === ''
      ? []
      : [value as Scalar];
  return shape === 'list' ? list : list[0];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The text to show in a value box: what the user typed while it still means the stored value
 * (so "20." or a trailing comma survive), else the stored value written out.
 */
export function shownValueText(typed: string, value: unknown, op: string): string {
  return same(parseConditionValue(typed, op), value) ? typed : formatConditionValue(value);
}
