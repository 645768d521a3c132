import type { ChannelProvider } from './channel-provider.ts';
import { signedPost } from './signed-post.ts';

/** Hands messages to your own SMS/WeChat/push gateway as signed JSON. */
export function webhookProvider(url: string, secret: string): ChannelProvider {
  return {
    send: (m) => signedPost(url, 'POST', JSON.stringify({ channel: m.channel, to: m.to, subject: m.subject, body: m.body, memberId: m.memberId, key: m.key }), m.key, secret),
  };
}
