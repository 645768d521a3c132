import type { ChannelProvider } from './channel-provider.ts';
import { providerRequest, unexpectedAnswer } from './provider-http.ts';
import type { TwilioSettings } from './provider-settings.ts';
import { e164, SendDeferred, SendRefused } from './send-outcome.ts';

/*
 * Twilio SMS (Messages API, 2010-04-01) with HTTP Basic auth (Account SID + Auth Token). Not the
 * SDK: sending is one form POST, the SDK is large and hides the very request the tests must check.
 */

import { TWILIO_STATUS_PATH } from '@memberflow/shared/api/receipt-routes';

export { TWILIO_STATUS_PATH };

// 20429 too many requests, 30001/30008 queue overflow / unknown carrier trouble, 20500/20503 Twilio down.
const RETRY = new Set([20429, 30001, 30008, 20500, 20503, 14107]);
// 20003 authenticate, 20404 the account (or its SID) does not exist, 20005 suspended, 20008 test credentials.
const CREDENTIALS = new Set([20003, 20404, 20005, 20008]);

export function twilioSmsProvider(s: TwilioSettings): ChannelProvider {
  const auth = `Basic ${Buffer.from(`${s.accountSid}:${s.authToken}`).toString('base64')}`;
  const url = `${s.apiBase}/2010-04-01/Accounts/${s.accountSid}/Messages.json`;
  return {
    async send(m) {
      const form = new URLSearchParams({ To: e164(m.to, 'twilio'), Body: m.body });
      // A messaging service picks the sender (and shortens links); a single number otherwise.
      if (s.messagingServiceSid) form.set('MessagingServiceSid', s.messagingServiceSid);
      else form.set('From', s.from!);
      if (s.publicUrl) form.set('StatusCallback', `${s.publicUrl}${TWILIO_STATUS_PATH}`);
      const a = await providerRequest('twilio', url, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      if (a.status >= 200 && a.status < 300 && typeof a.json?.sid === 'string') return { provider: 'twilio', messageId: a.json.sid };
      const code = Number(a.json?.code);
      if (!Number.isFinite(code)) throw a.status === 401 ? new SendRefused('twilio', 'http_401', a.text.slice(0, 200), true) : unexpectedAnswer('twilio', a);
      const detail = typeof a.json?.message === 'string' ? a.json.message : '';
      if (RETRY.has(code) || a.status === 429 || a.status >= 500) throw new SendDeferred('twilio', String(code), detail);
      throw new SendRefused('twilio', String(code), detail, CREDENTIALS.has(code) || a.status === 401);
    },
  };
}
