import type { NodeKind } from '@memberflow/shared/node-kind';

const MAX_ID = 64;

function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 10);
}

/** Readable ids ("issue_coupon_2") because they show up in stats, traces and API errors. */
export function newNodeId(kind: NodeKind, taken: ReadonlySet<string>): string {
  for (let n = 1; n < 10_000; n++) {
    const id = `${kind}_${n}`;
    if (!taken.has(id)) return id;
  }
  return `${kind}_${randomSuffix()}`;
}

export function newEdgeId(source: string, sourceHandle: string, taken: ReadonlySet<string>): string {
  const base = `e_${source}_${sourceHandle}`.replace(/[^A-Za-z0-9_-]/g, '_');
  if (base.length <= MAX_ID - 4) {
    if (!taken.has(base)) return base;
    for (let n = 2; n < 1000; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
  }
  let id: string;
  do id = `e_${randomSuffix()}`;
  while (taken.has(id));
  return id;
}
