import type { ActionKind } from '@memberflow/shared/node-kind';
import type { ChannelProvider, OutgoingMessage } from '../channels/channel-provider.ts';
import type { SentMessage } from '../channels/send-outcome.ts';
import type { SignedPoster } from '../channels/signed-post.ts';

/** An effect row as the dispatcher reads it once its step has committed. */
export interface DeliverableEffect {
  /** The effect row's id (tracked links name it). */
  id?: string;
  kind: string;
  member_id: string;
  payload: Record<string, string>;
}

/** What carrying an effect out can use: the guarded poster for marketers' URLs and the channel providers. */
export interface DeliveryTools {
  webhooks: SignedPoster;
  provider(channel: string): ChannelProvider;
  /** With TRACK_LINKS=1: the body as sent, its links made tracked links naming this effect. */
  trackLinks?: (effectId: string, body: string) => string;
}

/** Carries one effect out or throws (the dispatcher retries with backoff); `key` is its idempotency key. A provider's message id comes back. */
export type Deliver = (fx: DeliverableEffect, key: string, tools: DeliveryTools) => Promise<SentMessage | void>;

/** What the runtime does with the effects of one action kind. */
export interface EffectKind {
  /** How a pending effect goes out after commit; null when the step's own writes did it all (coupons, points...). */
  deliver: Deliver | null;
  /** Its marketing effects go through the contact policy and count toward the member's frequency cap. */
  contactPolicy: boolean;
}

const postWebhook: Deliver = (fx, key, { webhooks }) => webhooks.post(fx.payload.url!, fx.payload.method!, fx.payload.body!, key);

const sendMessage: Deliver = (fx, key, { provider, trackLinks }) => {
  const p = fx.payload;
  // The stored body keeps the original links: the click redirect reads them from it.
  const body = trackLinks && fx.id ? trackLinks(fx.id, p.body ?? '') : (p.body ?? '');
  return provider(p.channel!).send({ key, memberId: fx.member_id, channel: p.channel!, to: p.to ?? null, subject: p.subject ?? '', body, ...wechatOf(p) });
};

const inStep: EffectKind = { deliver: null, contactPolicy: false };

/** One entry per action kind: a new action kind fails typecheck here until the runtime knows how it goes out. */
export const effectKinds = {
  issue_coupon: inStep,
  send_message: { deliver: sendMessage, contactPolicy: true },
  adjust_points: inStep,
  set_tier: inStep,
  update_tags: inStep,
  update_attribute: inStep,
  create_task: inStep,
  call_webhook: { deliver: postWebhook, contactPolicy: false },
  enroll_workflow: inStep,
} satisfies Record<ActionKind, EffectKind>;

/** Effect kinds whose marketing sends count toward the frequency cap (read back by the lane's loader). */
export const CAPPED_EFFECT_KINDS: readonly string[] = Object.entries(effectKinds as Record<string, EffectKind>)
  .filter(([, k]) => k.contactPolicy)
  .map(([kind]) => kind);

/** Carries out a pending effect by its kind's delivery. */
export async function deliverEffect(fx: DeliverableEffect, key: string, tools: DeliveryTools): Promise<SentMessage | void> {
  const deliver = (effectKinds as Record<string, EffectKind>)[fx.kind]?.deliver;
  if (!deliver) throw new Error(`effect kind ${fx.kind} is not sent after commit`);
  return deliver(fx, key, tools);
}

/** A WeChat template message's id and keywords, stored beside the body by the runner. */
function wechatOf(p: DeliverableEffect['payload']): Pick<OutgoingMessage, 'wechat'> {
  const w = (p as Record<string, unknown>).wechat as OutgoingMessage['wechat'] | undefined;
  return w ? { wechat: w } : {};
}
