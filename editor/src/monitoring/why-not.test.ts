import { secondPurchaseNudge } from '@memberflow/shared/templates/second-purchase-nudge';
import { describe, expect, it } from 'vitest';
import { whyNotEntered } from './why-not.ts';

const base = { status: 'active' as const, version: 1, publishedAt: '2026-11-24T08:40:42Z', definition: secondPurchaseNudge };

describe('why a member did not enter', () => {
  it('names the trigger and entry rule of the live version', () => {
    const w = whyNotEntered({ ...base, member: { lastPurchaseAt: null, orderCount: 0 } });
    expect(w.trigger).toBe('First purchase: on purchase');
    expect(w.entry).toMatch(/^Once ever/);
    expect(w.observations[0]).toMatch(/No purchase is recorded/);
  });

  it('says when the last purchase predates the live version', () => {
    const w = whyNotEntered({ ...base, member: { lastPurchaseAt: '1997-12-12T00:00:00Z', orderCount: 4 } });
    expect(w.observations).toEqual(['The member\'s last recorded purchase (1997-12-12 00:00:00 UTC) is before v1 went live 2026-11-24 08:40:42 UTC. Only purchases after that can start a journey.']);
  });

  it('does not invent a cause when a later purchase has no journey', () => {
    const w = whyNotEntered({ ...base, status: 'paused', member: { lastPurchaseAt: '2026-11-25T00:00:00Z', orderCount: 5 } });
    expect(w.observations[0]).toBe('The workflow is paused: nobody enters while it is paused.');
    expect(w.observations[1]).toMatch(/cannot say more/);
  });
});
