import { nodeKindsByGroup } from '@memberflow/shared/node-kind';
import { nodeModule } from '@memberflow/shared/node-registry';
import { describe, expect, it } from 'vitest';
import { CAPPED_EFFECT_KINDS, deliverEffect, effectKinds } from './effect-kinds.ts';
import { triggerRuntime } from './trigger-kinds.ts';

const sorted = (xs: readonly string[]) => [...xs].sort();

describe("the runtime's per-kind hooks", () => {
  it('every action kind has its effect entry: delivered after commit exactly when its module says so', () => {
    expect(sorted(Object.keys(effectKinds))).toEqual(sorted(nodeKindsByGroup.action));
    for (const kind of nodeKindsByGroup.action) {
      const m = nodeModule(kind);
      if (m.group !== 'action') throw new Error(`${kind} is not an action`);
      expect(effectKinds[kind].deliver !== null, kind).toBe(m.effect.delivery === 'after_commit');
    }
  });

  it('only messages go through the contact policy and count toward the frequency cap', () => {
    expect(CAPPED_EFFECT_KINDS).toEqual(['send_message']);
  });

  it('an effect done in its step is never sent after commit', async () => {
    const tools = { webhooks: {} as never, provider: () => ({ send: async () => {} }) };
    await expect(deliverEffect({ kind: 'issue_coupon', member_id: 'm', payload: {} }, 'k', tools)).rejects.toThrow('effect kind issue_coupon is not sent after commit');
    await expect(deliverEffect({ kind: 'no_such_kind', member_id: 'm', payload: {} }, 'k', tools)).rejects.toThrow('is not sent after commit');
  });

  it('a message goes to its channel provider with its key and text', async () => {
    const sent: unknown[] = [];
    const tools = { webhooks: {} as never, provider: (channel: string) => ({ send: async (msg: unknown) => void sent.push({ channel, msg }) }) };
    await deliverEffect({ kind: 'send_message', member_id: 'm1', payload: { channel: 'sms', to: '139', body: 'Hi' } }, 'key-1', tools);
    expect(sent).toEqual([{ channel: 'sms', msg: { key: 'key-1', memberId: 'm1', channel: 'sms', to: '139', subject: '', body: 'Hi' } }]);
  });

  it('every trigger kind says how it goes live; only event triggers never admit members already qualifying', () => {
    expect(sorted(Object.keys(triggerRuntime))).toEqual(sorted(nodeKindsByGroup.trigger));
    for (const kind of nodeKindsByGroup.trigger) {
      const m = nodeModule(kind);
      if (m.group !== 'trigger') throw new Error(`${kind} is not a trigger`);
      expect(triggerRuntime[kind].qualifiedNow === 'never', kind).toBe(m.fires === 'event');
      // Members entering together through a trigger event: a shared moment (an audience) or a segment.
      const shared = m.fires === 'segment' || (m.fires === 'time' && m.audience(m.defaults()) !== null);
      expect(triggerRuntime[kind].qualifiedNow === 'trigger_event', kind).toBe(shared);
    }
  });
});
