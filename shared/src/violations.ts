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
  | 'cycle_without_wait';

/** One problem in a workflow, addressed so the editor can mark it and the API can name it. */
export interface Violation {
  code: ViolationCode;
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** Dotted path to the offending field, e.g. "config.timeout.amount". */
  field?: string;
}

export function pathToField(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}
