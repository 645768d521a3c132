import type { ProviderSpec, RuntimeConfig } from '../config.ts';
import { aliyunSmsProvider } from './aliyun-sms-provider.ts';
import type { ChannelProvider } from './channel-provider.ts';
import type { SignedPoster } from './signed-post.ts';
import { smtpProvider } from './smtp-provider.ts';
import { tencentSmsProvider } from './tencent-sms-provider.ts';
import { twilioSmsProvider } from './twilio-sms-provider.ts';
import { webhookProvider } from './webhook-provider.ts';
import { wechatOaProvider } from './wechat-oa-provider.ts';

export type FactoryConfig = Pick<RuntimeConfig, 'smtpUrl' | 'smtpFrom' | 'providers'>;

function settings<T>(v: T | null, spec: ProviderSpec): T {
  if (!v) throw new Error(`${spec.kind} is not configured (its settings were not loaded)`);
  return v;
}

/**
 * The provider for a channel's spec; null for `log` (recorded only). Providers sign with wall
 * time, never the engine's clock: a simulated clock would put their signatures out of date.
 */
export function makeChannelProvider(spec: ProviderSpec, config: FactoryConfig, gateway: () => SignedPoster): ChannelProvider | null {
  switch (spec.kind) {
    case 'log':
      return null;
    case 'webhook':
      return webhookProvider(spec.url, gateway());
    case 'smtp':
      if (!config.smtpUrl) throw new Error('CHANNEL_EMAIL=smtp needs SMTP_URL');
      return smtpProvider(config.smtpUrl, config.smtpFrom);
    case 'aliyun-sms':
      return aliyunSmsProvider(settings(config.providers.aliyunSms, spec));
    case 'tencent-sms':
      return tencentSmsProvider(settings(config.providers.tencentSms, spec));
    case 'wechat-oa':
      return wechatOaProvider(settings(config.providers.wechatOa, spec));
    case 'twilio':
      return twilioSmsProvider(settings(config.providers.twilio, spec));
  }
}
