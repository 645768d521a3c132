import type Router from '@koa/router';
import { linkRoutes } from '@memberflow/shared/api/link-routes';
import { linkKey, linksIn, readLinkToken } from '../channels/tracked-links.ts';
import { IdempotencyConflict, ingestEvents } from '../engine/ingest.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError } from './http-error.ts';
import { mountRoute } from './mount-route.ts';

interface SentEffect {
  id: string;
  member_id: string;
  workflow_id: string;
  node_id: string;
  payload: { channel?: string; body?: string };
  provider: string | null;
}

const unknownLink = () => new HttpError(404, { error: 'This link is not one of ours, or its message is no longer kept' });

/**
 * A member opened a tracked link: raise message_clicked (once per message and link, so reloads
 * and forwarded copies count once), then send them on to the link as written in the message.
 */
export function linksRoutes(router: Router, deps: AppDeps): void {
  const key = linkKey(deps.config.webhookSecret);
  mountRoute(router, linkRoutes.click, async ({ params, ctx }) => {
    const ref = readLinkToken(key, params.token ?? '');
    if (!ref) throw unknownLink();
    const { rows } = await deps.engine.db.pool.query<SentEffect>(
      `SELECT id, member_id, workflow_id, node_id, payload, provider FROM effect WHERE id = $1 AND kind = 'send_message'`,
      [ref.effectId],
    );
    const fx = rows[0];
    const url = fx ? linksIn(fx.payload.body ?? '')[ref.index] : undefined;
    if (!fx || !url) throw unknownLink();
    // Link previews (chat apps, mail scanners) ask with HEAD: they are not the member clicking.
    if (ctx.method !== 'HEAD') {
      const properties = {
        url,
        linkIndex: ref.index,
        channel: fx.payload.channel ?? null,
        provider: fx.provider,
        effectId: fx.id,
        workflowId: fx.workflow_id,
        nodeId: fx.node_id,
      };
      const event = {
        type: 'message_clicked',
        memberId: fx.member_id,
        idempotencyKey: `click:${fx.id}:${ref.index}`,
        properties,
      };
      await ingestEvents(deps.engine, deps.queue, [event]).catch((e: unknown) => {
        if (!(e instanceof IdempotencyConflict)) throw e;
      });
    }
    ctx.set('Cache-Control', 'no-store');
    ctx.redirect(url);
  });
}
