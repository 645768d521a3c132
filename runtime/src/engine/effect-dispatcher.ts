import { createHash, createHmac } from 'node:crypto';
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Database } from '../db/database.ts';

export const EFFECT_QUEUE = 'effects';
const ATTEMPTS = 6;

export interface EffectJob {
  key: string;
}

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

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`: receivers recompute it with the shared secret. */
export function signBody(secret: string, body: string, at = Date.now()): string {
  const t = Math.floor(at / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

interface PendingEffect {
  id: string;
  kind: string;
  status: string;
  payload: { url: string; method: string; body: string };
}

/**
 * Carries out effects decided by a committed step (webhooks): POST with a signature and the
 * effect's idempotency key, so a receiver can drop a repeat after a lost acknowledgement.
 * Failures retry with backoff; the last one marks the effect failed for admins to see.
 */
export function startEffectWorker(db: Database, connection: ConnectionOptions, prefix: string, secret: string): Worker<EffectJob> {
  const worker = new Worker<EffectJob>(
    EFFECT_QUEUE,
    async (job) => {
      const { rows } = await db.pool.query<PendingEffect>('SELECT id, kind, status, payload FROM effect WHERE idempotency_key = $1', [job.data.key]);
      const fx = rows[0];
      if (!fx || fx.status !== 'pending') return 'not pending';
      await db.pool.query('UPDATE effect SET attempts = attempts + 1 WHERE id = $1', [fx.id]);
      const body = fx.payload.body;
      const res = await fetch(fx.payload.url, {
        method: fx.payload.method,
        headers: { 'content-type': 'application/json', 'idempotency-key': job.data.key, 'x-memberflow-signature': signBody(secret, body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`${fx.payload.method} ${fx.payload.url} answered ${res.status}`);
      await db.pool.query(`UPDATE effect SET status = 'done', error = NULL, done_at = now() WHERE id = $1 AND status = 'pending'`, [fx.id]);
      return 'done';
    },
    { connection, prefix, concurrency: 16 },
  );
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    void db.pool
      .query(`UPDATE effect SET error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END WHERE idempotency_key = $1 AND status = 'pending'`, [job.data.key, err.message, final])
      .catch(() => {});
  });
  return worker;
}
