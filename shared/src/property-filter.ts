import { z } from 'zod';
import { toNumber, toText } from './coerce.ts';

/** A comparison on one property of an event (e.g. amount >= 100). */
export const PropertyFilter = z.object({
  property: z.string().min(1, 'name the property to compare'),
  op: z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'exists']),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
});
export type PropertyFilter = z.infer<typeof PropertyFilter>;

export type Properties = Record<string, unknown>;

function read(props: Properties, path: string): unknown {
  let cur: unknown = props;
  for (const key of path.split('.')) {
    // Own properties only: a path like __proto__ or constructor must never reach the prototype.
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function matchesFilter(props: Properties, f: PropertyFilter): boolean {
  const actual = read(props, f.property);
  if (f.op === 'exists') return actual !== undefined && actual !== null;
  if (actual === undefined || actual === null) return false;
  if (f.op === 'eq') return actual === f.value || toText(actual) === toText(f.value);
  if (f.op === 'neq') return !(actual === f.value || toText(actual) === toText(f.value));
  const a = toNumber(actual);
  const b = toNumber(f.value);
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  switch (f.op) {
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
  }
}

export function matchesAll(props: Properties, filters: readonly PropertyFilter[]): boolean {
  return filters.every((f) => matchesFilter(props, f));
}

export function readProperty(props: Properties, path: string): unknown {
  return read(props, path);
}
