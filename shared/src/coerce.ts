/**
 * Number() and String() for JSON data that never throw. JSON may carry an object whose own
 * "valueOf" and "toString" keys are plain values ({"valueOf": 1, "toString": 1}): they shadow the
 * methods, and Number(obj) or String(obj) then throws "Cannot convert object to primitive value".
 * One such event property must not fail a member's lane, a condition or a trace.
 */
export function toNumber(v: unknown): number {
  try {
    return Number(v);
  } catch {
    return NaN;
  }
}

export function toText(v: unknown): string {
  try {
    return String(v);
  } catch {
    return JSON.stringify(v) ?? '';
  }
}
