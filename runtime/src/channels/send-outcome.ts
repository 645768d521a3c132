/** The providers with their own API (besides log, webhook and SMTP). */
export type ProviderKind = 'aliyun-sms' | 'tencent-sms' | 'wechat-oa' | 'twilio';

/** What a provider answered when it took a message: its own id, kept to match delivery receipts. */
export interface SentMessage {
  provider: ProviderKind;
  messageId: string;
}

/**
 * The provider refused the message for good: a bad number or openid, an unapproved template or
 * signature name, a member who refused or unsubscribed, or our credentials. Retrying cannot
 * help, so the dispatcher fails the effect at once with the provider's code and message.
 * Credential errors are refused too: a misconfiguration should surface on the first message,
 * not after an hour of retries.
 */
export class SendRefused extends Error {
  constructor(
    readonly provider: ProviderKind,
    readonly code: string,
    readonly detail: string,
    readonly credentials = false,
  ) {
    super(`${provider} refused the message: ${code}${detail ? ` ${detail}` : ''}${credentials ? ' (check the credentials in the environment)' : ''}`);
    this.name = 'SendRefused';
  }
}

/** Throttled, busy, or unreachable: the dispatcher retries with backoff. */
export class SendDeferred extends Error {
  constructor(
    readonly provider: ProviderKind,
    readonly code: string,
    readonly detail: string,
  ) {
    super(`${provider} did not take the message yet: ${code}${detail ? ` ${detail}` : ''}`);
    this.name = 'SendDeferred';
  }
}

/** China mobile numbers as members usually store them (11 digits) get +86; others must already be E.164. */
export function e164(to: string | null, provider: ProviderKind): string {
  const n = (to ?? '').replace(/[\s-]/g, '');
  if (/^\+[1-9]\d{6,14}$/.test(n)) return n;
  if (/^1\d{10}$/.test(n)) return `+86${n}`;
  if (/^86 ?1\d{10}$/.test(n)) return `+${n}`;
  throw new SendRefused(provider, 'invalid_number', `"${n.slice(0, 40)}" is not a phone number in E.164 form (+<country><number>)`);
}
