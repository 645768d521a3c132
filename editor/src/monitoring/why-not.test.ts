import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import { secondPurchaseNudge } from '@memberflow/shared/templates/second-purchase-nudge';
import { describe, expect, it } from 'vitest';
import { whyNotEntered } from './why-not.ts';

const base = { status: 'active' as const, version: 1, publishedAt: '2026-11-24T08:40:42Z', definition: secondPurchaseNudge };
// The nudge's trigger on every purchase, not the first only.
const anyPurchase = structuredClone(secondPurchaseNudge);
anyPurchase.nodes[0]!.config = { eventType: 'purchase', filters: [] };

describe('why a member did not enter', () => {
  it('names the trigger and entry rule of the live version', () => {
    const w = whyNotEntered({ ...base, member: { lastPurchaseAt: null, orderCount: 0 } });
    expect(w.trigger).toBe('First purchase: on first purchase');
    expect(w.entry).toMatch(/^Once ever/);
    expect(w.observations[0]).toMatch(/No purchase is recorded/);
  });

  it('says a first-purchase trigger does not take a member who has orders', () => {
    const w = whyNotEntered({ ...base, member: { lastPurchaseAt: '1997-12-12T00:00:00Z', orderCount: 4 } });
    expect(w.observations).toEqual(['The trigger takes first purchases only, and this member already has 4 orders: no later purchase starts a journey.']);
  });

  it('says when the last purchase predates the live version', () => {
    const w = whyNotEntered({ ...base, definition: anyPurchase, member: { lastPurchaseAt: '1997-12-12T00:00:00Z', orderCount: 4 } });
    expect(w.observations).toEqual(['The member\'s last recorded purchase (1997-12-12 00:00:00 UTC) is before v1 went live 2026-11-24 08:40:42 UTC. Only purchases after that can start a journey.']);
  });

  it('does not invent a cause when a later purchase has no journey', () => {
    const w = whyNotEntered({ ...base, definition: anyPurchase, status: 'paused', member: { lastPurchaseAt: '2026-11-25T00:00:00Z', orderCount: 5 } });
    expect(w.observations[0]).toBe('The workflow is paused: nobody enters while it is paused.');
    expect(w.observations[1]).toMatch(/cannot say more/);
  });

  it('explains a time trigger with where the member stands, in the runtime’s words', () => {
    const winback = workflowTemplates.find((t) => t.key === 'churn-winback')!.definition;
    const standing = { reason: 'enters on 2027-03-01 if no purchase before: 90 days after the last purchase', next: '2027-03-01T00:00:00Z' };
    const w = whyNotEntered({ ...base, definition: winback, standing, member: { lastPurchaseAt: '2026-12-01T00:00:00Z', orderCount: 3 } });
    expect(w.observations).toEqual([standing.reason, 'Next moment: 2027-03-01 00:00:00 UTC.']);
    const unknown = whyNotEntered({ ...base, definition: winback, member: { lastPurchaseAt: null, orderCount: 0 } });
    expect(unknown.observations[0]).toMatch(/does not record members it checked/);
  });

  it('puts a refusal by the entry rule first', () => {
    const refusal = { at: '2026-11-25T10:00:00Z', cause: 'purchase', reason: 'Once ever: the member was already in this workflow' };
    const w = whyNotEntered({ ...base, refusal, member: { lastPurchaseAt: '2026-11-25T10:00:00Z', orderCount: 2 } });
    expect(w.observations[0]).toBe('The trigger matched at 2026-11-25 10:00:00 UTC (purchase), but the entry rule kept the member out: Once ever: the member was already in this workflow');
  });
});
