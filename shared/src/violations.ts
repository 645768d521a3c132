export type ViolationCode =
  | 'schema'
  | 'duplicate_id'
  | 'trigger_count'
  | 'config'
  | 'unknown_node'
  | 'unknown_handle'
  | 'handle_unconnected'
  | 'handle_multiple'
  | 'unreachable'
  | 'cycle_without_wait'
  /** A coupon template, tier or saved segment the workflow names does not exist. */
  | 'unknown_reference';

/** One problem in a workflow, addressed so the editor can mark it and the API can name it. */
export interface Violation {
  code: ViolationCode;
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** Dotted path to the offending field, e.g. "config.timeout.amount". */
  field?: string;
  /** A message key and its values, for a client that says the problem in the user's language. */
  i18n?: { key: string; vars: Record<string, string | number> };
}

/** The `i18n` of a zod issue raised with `params: { i18n: key, ...vars }`, if any. */
export function issueI18n(issue: { code: string; params?: Record<string, unknown> }): Pick<Violation, 'i18n'> {
  const p = issue.code === 'custom' ? issue.params : undefined;
  if (!p || typeof p.i18n !== 'string') return {};
  const vars: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p)) if (k !== 'i18n' && (typeof v === 'string' || typeof v === 'number')) vars[k] = v;
  return { i18n: { key: p.i18n, vars } };
}

export function pathToField(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}
