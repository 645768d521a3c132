import type { WorkflowDefinition } from './definition.ts';
import type { NodeReference, ReferenceKind } from './node-references.ts';
import { nodeModule } from './node-registry.ts';
import type { Violation } from './violations.ts';

/** The loyalty data that exists, by kind; a kind left out is not checked (its list could not be read). */
export type KnownReferences = Partial<Record<ReferenceKind, Iterable<string>>>;

/** What still exists but may not be named by a new version (archived coupon templates), by kind. */
export type RetiredReferences = Partial<Record<ReferenceKind, Iterable<string>>>;

/** A reference with the node that makes it; `field` is the violation's dotted path ("config.template"). */
export interface WorkflowReference extends NodeReference {
  nodeId: string;
}

/** Every coupon template, tier and saved segment a definition names; nodes whose config is invalid are skipped (validation reports them). */
export function workflowReferences(def: Pick<WorkflowDefinition, 'nodes'>): WorkflowReference[] {
  return def.nodes.flatMap((n) => {
    const mod = nodeModule(n.kind);
    const cfg = mod.config.safeParse(n.config);
    if (!cfg.success || !mod.references) return [];
    return mod.references(cfg.data).map((r) => ({ ...r, nodeId: n.id, field: `config.${r.field}` }));
  });
}

const NOUNS: Record<ReferenceKind, string> = { couponTemplate: 'Coupon template', tier: 'Tier', segment: 'Segment' };

/** The i18n key of a missing (or retired) reference, e.g. "references.missing.couponTemplate". */
export const missingReferenceKey = (kind: ReferenceKind, retired = false) => `references.${retired ? 'archived' : 'missing'}.${kind}`;

const toSets = (lists: KnownReferences) => {
  const sets = new Map<ReferenceKind, Set<string>>();
  for (const [kind, keys] of Object.entries(lists) as [ReferenceKind, Iterable<string> | undefined][]) if (keys) sets.set(kind, new Set(keys));
  return sets;
};

/**
 * One problem per name that does not exist (or is retired: an archived coupon template), on the
 * node's field; the editor says it in the user's language from `i18n`.
 */
export function referenceViolations(def: Pick<WorkflowDefinition, 'nodes'>, known: KnownReferences, retired: RetiredReferences = {}): Violation[] {
  const sets = toSets(known);
  const gone = toSets(retired);
  return workflowReferences(def)
    .filter((r) => sets.has(r.kind) && !sets.get(r.kind)!.has(r.key))
    .map((r) => {
      const isRetired = gone.get(r.kind)?.has(r.key) ?? false;
      return {
        code: 'unknown_reference' as const,
        nodeId: r.nodeId,
        field: r.field,
        message: `${NOUNS[r.kind]} "${r.key}" ${isRetired ? 'is archived' : 'does not exist'}`,
        i18n: { key: missingReferenceKey(r.kind, isRetired), vars: { key: r.key } },
      };
    });
}

/** The names a definition uses, by kind, sorted: what must exist before it is published. */
export function referencedKeys(def: Pick<WorkflowDefinition, 'nodes'>): Record<ReferenceKind, string[]> {
  const out: Record<ReferenceKind, Set<string>> = { couponTemplate: new Set(), tier: new Set(), segment: new Set() };
  for (const r of workflowReferences(def)) out[r.kind].add(r.key);
  return { couponTemplate: [...out.couponTemplate].sort(), tier: [...out.tier].sort(), segment: [...out.segment].sort() };
}
