import { CallWebhookConfig } from '../../nodes/call-webhook.ts';
import { renderTemplate } from '../../template.ts';
import { effectBase, type NodeExecutor } from './node-executor.ts';

/**
 * Decided here, done after commit: the effect is stored pending and the effect dispatcher
 * sends it (signed, retried with backoff), so a rolled-back step never calls out.
 */
export const callWebhookExecutor: NodeExecutor = {
  execute: (ctx) => {
    const c = CallWebhookConfig.parse(ctx.action.config);
    const vars = ctx.templateVars();
    // Variables are JSON-escaped so member data cannot break out of the body's structure.
    const escaped = JSON.parse(JSON.stringify(vars, (_k, v) => (typeof v === 'string' ? JSON.stringify(v).slice(1, -1) : v)));
    const body = renderTemplate(c.body, escaped);
    ctx.writes.effects.push({ ...effectBase(ctx, 'call_webhook'), payload: { url: c.url, method: c.method, body }, status: 'pending' });
  },
};
