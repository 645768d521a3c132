import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { referenceViolations, type KnownReferences, type RetiredReferences } from '@memberflow/shared/references';
import type { Violation } from '@memberflow/shared/violations';
import { useMemo } from 'react';
import { useCatalog } from '../catalog/use-catalog.ts';

/**
 * Coupon templates, tiers and saved segments the draft names that do not exist (or, for coupon
 * templates, are archived), as problems on the node's field: publishing would be refused for them. A list that could not be read is not
 * checked here (the server still checks it on publish); one created meanwhile is read again
 * when the catalog is (a template created in place, or back from another tab).
 */
export function useReferenceProblems(definition: Pick<WorkflowDefinition, 'nodes'>): Violation[] {
  const templates = useCatalog('couponTemplates');
  const tiers = useCatalog('tiers');
  const segments = useCatalog('segments');
  const [known, retired] = useMemo((): [KnownReferences, RetiredReferences] => {
    const out: KnownReferences = {};
    if (templates) out.couponTemplate = templates.filter((t) => t.archivedAt === null).map((t) => t.key);
    if (tiers) out.tier = tiers.map((t) => t.key);
    if (segments) out.segment = segments.map((s) => s.key);
    return [out, { couponTemplate: templates?.filter((t) => t.archivedAt !== null).map((t) => t.key) ?? [] }];
  }, [templates, tiers, segments]);
  return useMemo(() => referenceViolations(definition, known, retired), [definition, known, retired]);
}
