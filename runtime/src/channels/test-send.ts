import { randomUUID } from 'node:crypto';
import type { TestSendAnswer, TestSendInput } from '@memberflow/shared/api/message-routes';
import { StoredSendMessage } from '@memberflow/shared/nodes/send-message';
import { renderMessage } from '@memberflow/shared/runner/effects/send-message';
import type { RuntimeConfig } from '../config.ts';
import type { ChannelProvider } from './channel-provider.ts';
import { makeChannelProvider } from './provider-factory.ts';
import { signedPoster } from './signed-post.ts';
import { trustedTargets } from './webhook-target-guard.ts';

/** A test message that cannot go out as written (a variable without a value): the field and why. */
export class TestSendRefused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

type ProviderConfig = Pick<RuntimeConfig, 'webhookSecret' | 'channels' | 'smtpUrl' | 'smtpFrom' | 'providers'>;

/** The channel's configured provider, as the effect dispatcher builds it; null for `log` (recorded only). */
function providerFor(config: ProviderConfig, channel: string): ChannelProvider | null {
  const spec = config.channels[channel as keyof ProviderConfig['channels']];
  if (!spec) return null;
  return makeChannelProvider(spec, config, () => signedPoster({ secret: config.webhookSecret, targets: trustedTargets }));
}

/**
 * Renders the message exactly as the runner would (filters in the given locale and zone, the SMS
 * signature appended) and hands it to the channel's real provider, to the address given.
 */
export async function sendTestMessage(
  config: ProviderConfig,
  input: Required<Omit<TestSendInput, 'wechat'>> & Pick<TestSendInput, 'wechat'>,
  smsSignature: string | null,
): Promise<TestSendAnswer> {
  const c = StoredSendMessage.parse({
    channel: input.channel,
    subject: input.subject,
    body: input.body,
    marketing: false,
    ...(input.wechat ? { wechat: input.wechat } : {}),
  });
  const member = { id: 'test', timeZone: input.timeZone ?? 'UTC', locale: input.locale ?? undefined } as Parameters<
    typeof renderMessage
  >[1]['member'];
  const { missing, ...m } = renderMessage(c, { member, templateVars: () => input.variables }, smsSignature);
  if (missing.length) throw new TestSendRefused('body', `no value for ${missing.map((v) => `{{${v}}}`).join(', ')}`);
  const provider = providerFor(config, c.channel);
  const spec = config.channels[c.channel as keyof ProviderConfig['channels']];
  await provider?.send({
    key: `test-${randomUUID()}`,
    memberId: 'test',
    channel: c.channel,
    to: input.to,
    subject: m.subject,
    body: m.body,
    ...(m.wechat ? { wechat: m.wechat } : {}),
  });
  return { provider: spec?.kind ?? 'log', to: input.to, subject: m.subject, body: m.body };
}
