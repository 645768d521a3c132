import { z } from 'zod';
import { defineNode } from '../node-module.ts';
import { unknownVariables } from '../template.ts';

export const Channel = z.enum(['sms', 'email', 'wechat', 'push', 'webhook']);
export type Channel = z.infer<typeof Channel>;

const Text = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((t, ctx) => {
      const bad = unknownVariables(t);
      if (bad.length) ctx.addIssue({ code: 'custom', message: `unknown variable ${bad.map((b) => `{{${b}}}`).join(', ')}; use member.*, coupon.*, trigger.* or workflow.*` });
    });

export const SendMessageConfig = z.object({
  channel: Channel,
  subject: Text(200).default(''),
  body: Text(4000).pipe(z.string().min(1, 'write the message')),
  /** Marketing messages count towards frequency caps and wait for quiet hours; service messages do not. */
  marketing: z.boolean().default(true),
});
export type SendMessageConfig = z.infer<typeof SendMessageConfig>;

export const sendMessage = defineNode({
  kind: 'send_message',
  group: 'action',
  title: 'Send message',
  description: 'Sends an SMS, email, WeChat, push or webhook message with variables like {{member.name}} and {{coupon.code}}.',
  config: SendMessageConfig,
  defaults: () => ({ channel: 'sms' as const, subject: '', body: 'Hi {{member.name}}, we miss you! Use {{coupon.code}} on your next order.', marketing: true }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => `${c.channel}: ${c.body.length > 40 ? `${c.body.slice(0, 40)}…` : c.body}`,
  compile: (_id, _c, ctx) => ({ always: { target: ctx.target('next') } }),
});
