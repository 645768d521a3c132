import { z } from 'zod';
import { bucketOf } from '../bucket.ts';
import { defineNode } from '../node-module.ts';

const BranchId = z.string().min(1).max(40).regex(/^[a-z0-9_]+$/, 'use lowercase letters, digits and "_"');

export const RandomSplitConfig = z
  .object({
    branches: z
      .array(z.object({ id: BranchId, label: z.string().min(1, 'name the branch').max(60), percent: z.number().min(0).max(100) }))
      .min(2, 'add at least two branches')
      .max(10, 'at most 10 branches'),
  })
  .superRefine((c, ctx) => {
    const total = Math.round(c.branches.reduce((s, b) => s + b.percent, 0) * 1000) / 1000;
    if (total !== 100) ctx.addIssue({ code: 'custom', path: ['branches'], message: `percentages must add up to 100 (now ${total})` });
    const seen = new Set<string>();
    c.branches.forEach((b, i) => {
      if (seen.has(b.id)) ctx.addIssue({ code: 'custom', path: ['branches', i, 'id'], message: `branch id "${b.id}" is used twice` });
      seen.add(b.id);
    });
  });
export type RandomSplitConfig = z.infer<typeof RandomSplitConfig>;

/** [from, to) bucket ranges per branch, in order. */
export function splitRanges(c: RandomSplitConfig): { id: string; from: number; to: number }[] {
  let acc = 0;
  return c.branches.map((b, i) => {
    const from = acc;
    acc += b.percent;
    return { id: b.id, from, to: i === c.branches.length - 1 ? 100 : acc };
  });
}

/** A/B/n tests: a stable hash of the member picks the branch, so re-runs and replays agree. */
export const randomSplit = defineNode({
  kind: 'random_split',
  group: 'logic',
  title: 'Random split (A/B)',
  description: 'Divides members at random by percentages, e.g. 50/50 to compare two offers. The same member always gets the same branch.',
  config: RandomSplitConfig,
  defaults: () => ({
    branches: [
      { id: 'a', label: 'A', percent: 50 },
      { id: 'b', label: 'B', percent: 50 },
    ],
  }),
  outputs: (c) => c.branches.map((b) => ({ id: b.id, label: `${b.label} (${b.percent}%)` })),
  summary: (c) => c.branches.map((b) => `${b.label} ${b.percent}%`).join(' / '),
  compile: (nodeId, c, ctx) => ({
    always: splitRanges(c).map((r, i, all) =>
      i === all.length - 1 ? { target: ctx.target(r.id) } : { target: ctx.target(r.id), guard: { type: 'bucket', params: { nodeId, from: r.from, to: r.to } } },
    ),
  }),
  decide: (nodeId, c, facts) => {
    const b = bucketOf(facts.seed, `${nodeId}:${facts.visit}`);
    const r = splitRanges(c).find((x) => b >= x.from && b < x.to) ?? splitRanges(c).at(-1)!;
    const label = c.branches.find((x) => x.id === r.id)!.label;
    return { handle: r.id, reason: `random draw ${b.toFixed(1)} fell in ${label} (${r.from}-${r.to})` };
  },
});
