import { secondPurchaseNudge } from '@memberflow/shared/templates/second-purchase-nudge';
import { describe, expect, it } from 'vitest';
import { draftBody } from './draft-body.ts';
import { isSaveable } from './use-autosave.ts';

describe('isSaveable', () => {
  it('accepts a draft with graph problems but refuses a malformed one', () => {
    const ok = structuredClone(secondPurchaseNudge);
    ok.edges = [];
    ok.nodes[1]!.config = { timeout: null };
    expect(isSaveable(draftBody('Nudge', '', ok))).toBe(true);
    const halfEdited = structuredClone(secondPurchaseNudge);
    (halfEdited.settings as Record<string, unknown>).cooldownDays = null;
    expect(isSaveable(draftBody('Nudge', '', halfEdited))).toBe(false);
    expect(isSaveable(draftBody('', '', secondPurchaseNudge))).toBe(false);
  });
});
