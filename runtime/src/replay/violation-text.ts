import type { Violation } from '@memberflow/shared/violations';

/**
 * One violation as a sentence naming where it is: `node "coupon", field config.template: …`.
 * Schema violations only carry a path like `nodes.2.config.template`; with the input at hand
 * the index becomes the node's id, which is what a person can find in the file.
 */
export function violationText(v: Violation, input?: unknown): string {
  let nodeId = v.nodeId;
  let field = v.field;
  const m = field && !nodeId ? /^nodes\.(\d+)(?:\.(.+))?$/.exec(field) : null;
  if (m) {
    const node = (input as { nodes?: { id?: unknown }[] } | undefined)?.nodes?.[Number(m[1])];
    if (typeof node?.id === 'string') [nodeId, field] = [node.id, m[2]];
  }
  const where = [nodeId && `node "${nodeId}"`, v.edgeId && `edge "${v.edgeId}"`, field && `field ${field}`]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${v.message}` : v.message;
}
