import { createHash } from 'node:crypto';
import { Queue, UnrecoverableError, Worker, type ConnectionOptions } from 'bullmq';
import type { ChannelProvider } from '../channels/channel-provider.ts';
import { makeChannelProvider } from '../channels/provider-factory.ts';
import { SendRefused } from '../channels/send-outcome.ts';
import { signedPoster, type SignedPoster } from '../channels/signed-post.ts';
import { linkKey, trackLinks } from '../channels/tracked-links.ts';
import { trustedTargets, WebhookTargetRefused } from '../channels/webhook-target-guard.ts';
import type { RuntimeConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { deliverEffect } from './effect-kinds.ts';
import { loggedDelivery } from './effect-log.ts';
import { observeDelivery } from '../telemetry/delivery-observations.ts';
import type { Telemetry } from '../telemetry/telemetry.ts';

export const EFFECT_QUEUE = 'effects';
const ATTEMPTS = 6;

export interface EffectJob {
  key: string;
}

/**
 * When the event behind an effect was received: the step that ran the effect's node (same journey,
 * same moment, the node on its path) names its event. One index lookup (journey_step by journey).
 */
const RECEIVED_MS_SQL = `(SELECT (extract(epoch FROM e.received_at) * 1000)::float8 FROM journey_step s JOIN event e ON e.seq = s.event_seq
  WHERE s.journey_id = f.journey_id AND s.at = f.at AND f.node_id = ANY(s.path) ORDER BY s.id DESC LIMIT 1)`;

// BullMQ job ids may not contain ":"; the effect key does.
const jobId = (key: string) => `fx-${createHash('sha1').update(key).digest('hex')}`;

export function createEffectQueue(connection: ConnectionOptions, prefix: string, retryDelayMs = 1000): Queue<EffectJob> {
  return new Queue<EffectJob>(EFFECT_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: { removeOnComplete: true, removeOnFail: 5000, attempts: ATTEMPTS, backoff: { type: 'exponential', delay: retryDelayMs } },
  });
}

export async function enqueueEffects(queue: Queue<EffectJob>, keys: string[]): Promise<void> {
  if (keys.length) await queue.addBulk(keys.map((key) => ({ name: 'effect', data: { key }, opts: { jobId: jobId(key) } })));
}

/**
 * An effect job that used up its attempts while Postgres was down could not mark its effect
 * failed, and stays in the failed set under its id, where adding the same id again is a no-op.
 * The sweep retries such jobs for effects still pending, so they go out once the cause is gone.
 */
export async function retryFailedEffects(queue: Queue<EffectJob>, keys: string[]): Promise<number> {
  if (keys.length === 0) return 0;
  const total = await queue.getFailedCount();
  if (total === 0) return 0;
  const wanted = new Set(keys.map(jobId));
  let retried = 0;
  // The failed set holds at most removeOnFail (5000) jobs.
  for (let start = 0; start < Math.min(total, 5000); start += 1000) {
    const failed = await queue.getFailed(start, start + 999);
    const again = failed.filter((j) => j.id !== undefined && wanted.has(j.id));
    await Promise.all(again.map((j) => j.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }).catch(() => {})));
    retried += again.length;
  }
  return retried;
}

interface PendingEffect {
  id: string;
  kind: string;
  member_id: string;
  status: string;
  payload: Record<string, string>;
  /** When the event whose step decided this effect was received (engine clock, ms); null when no event did. */
  received_ms: number | null;
}

type DispatchConfig = Pick<
  RuntimeConfig,
  'webhookSecret' | 'channels' | 'smtpUrl' | 'smtpFrom' | 'providers' | 'webhookAllowPrivate' | 'webhookAllowedHosts' | 'publicUrl' | 'trackLinks'
>;

/** TRACK_LINKS=1: links in message bodies go out as tracked links (channels/tracked-links.ts). */
function linkTracker(config: DispatchConfig): ((effectId: string, body: string) => string) | undefined {
  if (!config.trackLinks || !config.publicUrl) return undefined;
  const key = linkKey(config.webhookSecret);
  const publicUrl = config.publicUrl;
  return (effectId, body) => trackLinks(body, publicUrl, key, effectId);
}

/**
 * Channel providers, built on first use so a process without SMTP settings still sends webhooks.
 * One per channel for the worker's life: WeChat's access_token is cached in it.
 */
function providers(config: DispatchConfig, gateway: SignedPoster): (channel: string) => ChannelProvider {
  const made = new Map<string, ChannelProvider>();
  return (channel) => {
    let p = made.get(channel);
    if (p) return p;
    const spec = config.channels[channel as keyof DispatchConfig['channels']];
    p = spec ? (makeChannelProvider(spec, config, () => gateway) ?? undefined) : undefined;
    if (!p) throw new Error(`channel ${channel} has no outgoing provider`);
    made.set(channel, p);
    return p;
  };
}

/** Retrying cannot help: a refused webhook target, or a provider's refusal (bad number, template, credentials). */
const isPermanent = (e: unknown): e is Error => e instanceof WebhookTargetRefused || e instanceof SendRefused;

/**
 * Carries out effects decided by a committed step (webhooks, messages through external
 * providers), passing the effect's idempotency key on. Failures retry with backoff; the
 * last one marks the effect failed for admins to see. A webhook whose target is refused
 * (loopback, private, link-local...: see webhook-target-guard.ts), or a message its provider
 * refused (SendRefused: a bad number, template or credentials), fails at once, for good.
 */
export function startEffectWorker(db: Database, connection: ConnectionOptions, prefix: string, config: DispatchConfig, telemetry?: Telemetry): Worker<EffectJob> {
  // Marketers type call_webhook URLs: guarded. The operator configured the gateways: trusted.
  const webhooks = signedPoster({ secret: config.webhookSecret, targets: config });
  const gateway = signedPoster({ secret: config.webhookSecret, targets: trustedTargets });
  const provider = providers(config, gateway);
  const tracker = linkTracker(config);
  const worker = new Worker<EffectJob>(
    EFFECT_QUEUE,
    async (job) => {
      const { rows } = await db.pool.query<PendingEffect>(`SELECT id, kind, member_id, status, payload, ${RECEIVED_MS_SQL} AS received_ms FROM effect f WHERE idempotency_key = $1`, [job.data.key]);
      const fx = rows[0];
      if (!fx || fx.status !== 'pending') return 'not pending';
      await db.pool.query('UPDATE effect SET attempts = attempts + 1 WHERE id = $1', [fx.id]);
      let sent;
      try {
        sent = await loggedDelivery(fx, job, () => deliverEffect(fx, job.data.key, { webhooks, provider, trackLinks: tracker }));
      } catch (e) {
        const last = isPermanent(e) || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        observeDelivery(telemetry, fx.kind, last ? 'failed' : 'retry', null);
        if (!isPermanent(e)) {
          // The last attempt records the failure before the job settles, so nobody sees a settled job with a pending effect.
          if (last) {
            await db.pool.query(`UPDATE effect SET status = 'failed', error = $2 WHERE id = $1 AND status = 'pending'`, [fx.id, e instanceof Error ? e.message : String(e)]).catch(() => {});
          }
          throw e;
        }
        // Retrying cannot help: record the reason now and tell BullMQ not to try again.
        await db.pool.query(`UPDATE effect SET status = 'failed', error = $2 WHERE id = $1 AND status = 'pending'`, [fx.id, e.message]);
        throw new UnrecoverableError(e.message);
      }
      // The provider's message id matches its delivery receipts to this effect (channels/delivery-receipts.ts).
      await db.pool.query(
        `UPDATE effect SET status = 'done', error = NULL, done_at = now(), provider = $2, provider_message_id = $3 WHERE id = $1 AND status = 'pending'`,
        [fx.id, sent?.provider ?? null, sent?.messageId ?? null],
      );
      observeDelivery(telemetry, fx.kind, 'sent', fx.received_ms);
      return 'done';
    },
    { connection, prefix, concurrency: 16 },
  );
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'UnrecoverableError';
    void db.pool
      .query(`UPDATE effect SET error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END WHERE idempotency_key = $1 AND status = 'pending'`, [job.data.key, err.message, final])
      .catch(() => {});
  });
  worker.on('closed', () => {
    webhooks.close();
    gateway.close();
  });
  return worker;
}
