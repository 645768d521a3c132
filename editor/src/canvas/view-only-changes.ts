/**
 * For people who may look but not edit: React Flow still reports selection (to open a step in
 * the inspector) and measured sizes (to draw it); moves, removals and additions are dropped.
 */
export function viewOnlyChanges<C extends { type: string }>(changes: C[]): C[] {
  return changes.filter((c) => c.type === 'select' || c.type === 'dimensions');
}
