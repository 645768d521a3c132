import nodemailer from 'nodemailer';
import type { ChannelProvider } from './channel-provider.ts';

/** Email through any SMTP server (SMTP_URL, e.g. smtps://user:pass@smtp.example.com). */
export function smtpProvider(url: string, from: string): ChannelProvider {
  const transport = nodemailer.createTransport(url);
  return {
    send: async (m) => {
      if (!m.to) throw new Error('member has no email address');
      // A stable Message-ID lets receiving servers drop a repeat after a lost acknowledgement.
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.body, messageId: `<${m.key.replace(/[^A-Za-z0-9.-]/g, '.')}@memberflow>` });
    },
  };
}
