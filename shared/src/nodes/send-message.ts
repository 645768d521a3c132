import { z } from 'zod';
import { defineNode, payloadText } from '../node-module.ts';
import { SendRateLimit, rateLimitText } from '../send-rate-limit.ts';
import { SMS_MAX_SEGMENTS, smsLength } from '../sms-length.ts';
import { templateProblemMessage, templateProblems } from '../template-check.ts';

export const Channel = z.enum(['sms', 'email', 'wechat', 'push', 'webhook']);
export type Channel = z.infer<typeof Channel>;

/** Unknown variables and filters, each its own problem with "did you mean"; `params` lets the editor say it in the user's language. */
const Text = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((t, ctx) => {
      for (const p of templateProblems(t)) {
        ctx.addIssue({
          code: 'custom',
          message: templateProblemMessage(p),
          params: { i18n: `template.${p.kind}`, name: p.name, suggestion: p.suggestion ?? '' },
        });
      }
    });

/** A WeChat template message: the template's id on the official account and its keyword values (each may use variables). */
export const WechatTemplate = z.object({
  templateId: z.string().max(100).default(''),
  keywords: z
    .array(z.object({ key: z.string().max(40), value: Text(200) }))
    .max(20)
    .default([]),
});
export type WechatTemplate = z.infer<typeof WechatTemplate>;

export const SendMessageConfig = z
  .object({
    channel: Channel,
    subject: Text(200).default(''),
    body: Text(4000).pipe(z.string().min(1, 'write the message')),
    /** Marketing messages count towards frequency caps and wait for quiet hours; service messages do not. */
    marketing: z.boolean().default(true),
    wechat: WechatTemplate.optional(),
    /** At most this many sends per window from this step; the rest wait their turn. Null: no limit. */
    rateLimit: SendRateLimit.nullable().default(null),
  })
  .superRefine((c, ctx) => {
    // The body as written (variables unfilled, signature not yet added): a hard cap against a 4,000-character SMS.
    const n = c.channel === 'sms' ? smsLength(c.body) : null;
    if (n && n.segments > SMS_MAX_SEGMENTS) {
      ctx.addIssue({
        code: 'custom',
        path: ['body'],
        message: `an SMS may take at most ${SMS_MAX_SEGMENTS} segments; this one takes ${n.segments}`,
        params: { i18n: 'template.sms_too_long', max: SMS_MAX_SEGMENTS, segments: n.segments },
      });
    }
  });
export type SendMessageConfig = z.infer<typeof SendMessageConfig>;

/**
 * A stored config as the runner reads it: the shape only. Template and length checks belong to
 * validation (before publishing), so a version published before a check was added still runs.
 */
export const StoredSendMessage = z.object({
  channel: Channel,
  subject: z.string().default(''),
  body: z.string(),
  marketing: z.boolean().default(true),
  wechat: z.object({ templateId: z.string().default(''), keywords: z.array(z.object({ key: z.string(), value: z.string() })).default([]) }).optional(),
  rateLimit: SendRateLimit.nullable().default(null),
});
export type StoredSendMessage = z.infer<typeof StoredSendMessage>;

export const sendMessage = defineNode({
  kind: 'send_message',
  group: 'action',
  effect: { delivery: 'after_commit', preview: payloadText('body') },
  title: 'Send message',
  description: 'Sends an SMS, email, WeChat, push or webhook message with variables like {{member.name}} and {{coupon.code}}.',
  config: SendMessageConfig,
  defaults: () => ({
    channel: 'sms' as const,
    subject: '',
    body: 'Hi {{member.name | default: "there"}}, we miss you! Use {{coupon.code}} on your next order.',
    marketing: true,
    rateLimit: null,
  }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => `${c.channel}: ${c.body.length > 40 ? `${c.body.slice(0, 40)}…` : c.body}${c.rateLimit ? ` (${rateLimitText(c.rateLimit)})` : ''}`,
  compile: (_id, _c, ctx) => ({ always: { target: ctx.target('next') } }),
});
