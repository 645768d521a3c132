import { SendMessageConfig } from '@memberflow/shared/nodes/send-message';
import { renderTemplate } from '@memberflow/shared/template';
import { effectBase, type NodeExecutor } from './node-executor.ts';

/**
 * Records the rendered message. The local default provider is `log`: the effect row is the
 * log. A member who opted out of the channel gets nothing, and the skip is recorded.
 */
export const sendMessageExecutor: NodeExecutor = {
  execute: (ctx) => {
    const c = SendMessageConfig.parse(ctx.action.config);
    const vars = ctx.templateVars();
    const to = c.channel === 'email' ? ctx.member.email : c.channel === 'sms' ? ctx.member.phone : ctx.member.id;
    const optedOut = ctx.member.consents[c.channel] === false;
    const payload = {
      channel: c.channel,
      provider: 'log',
      to: to ?? null,
      subject: renderTemplate(c.subject, vars),
      body: renderTemplate(c.body, vars),
      marketing: c.marketing,
      ...(optedOut ? { skipped: `member opted out of ${c.channel}` } : {}),
    };
    ctx.writes.effects.push({ ...effectBase(ctx, 'send_message'), payload, status: optedOut ? 'skipped' : 'done' });
  },
};
