import type { SentMessage } from './send-outcome.ts';

/** A message on its way out, after the step that decided it has committed. */
export interface OutgoingMessage {
  /** The effect's idempotency key: providers pass it on so receivers can drop repeats. */
  key: string;
  memberId: string;
  channel: string;
  to: string | null;
  subject: string;
  body: string;
  /** WeChat template messages: the template id and each keyword's rendered value (the body is the fallback text). */
  wechat?: { templateId: string; keywords: { key: string; value: string }[] };
}

/**
 * Sends one message or throws; the dispatcher retries with backoff and records the failure
 * (a SendRefused fails at once). Providers with their own API answer their message id.
 */
export interface ChannelProvider {
  send(message: OutgoingMessage): Promise<SentMessage | void>;
}
