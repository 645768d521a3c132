import type { ChannelProvider } from './channel-provider.ts';
import type { SignedPoster } from './signed-post.ts';

/**
 * Hands messages to your own SMS/WeChat/push gateway as signed JSON. The URL comes from the
 * operator's CHANNEL_*=webhook:<url>, so the poster given here trusts it (it may be internal).
 */
export function webhookProvider(url: string, poster: SignedPoster): ChannelProvider {
  return {
    send: (m) =>
      poster.post(
        url,
        'POST',
        JSON.stringify({ channel: m.channel, to: m.to, subject: m.subject, body: m.body, ...(m.wechat ? { wechat: m.wechat } : {}), memberId: m.memberId, key: m.key }),
        m.key,
      ),
  };
}
