import { performance } from 'node:perf_hooks';
import { logger } from '../logging/root-logger.ts';

interface EffectRef {
  id: string;
  kind: string;
  member_id: string;
}

interface JobRef {
  id?: string;
  attemptsMade: number;
  opts: { attempts?: number };
}

/**
 * Runs one delivery attempt and logs it with the effect's id, kind, member and job: debug when
 * it went out, warn when it failed, error when it was the last attempt. Never the payload (it
 * holds the address and the message text).
 */
export async function loggedDelivery<T>(fx: EffectRef, job: JobRef, deliver: () => Promise<T>): Promise<T> {
  const log = logger('effects', { effectId: fx.id, kind: fx.kind, memberId: fx.member_id, jobId: job.id });
  const attempt = job.attemptsMade + 1;
  const attempts = job.opts.attempts ?? 1;
  const started = performance.now();
  let sent: T;
  try {
    sent = await deliver();
  } catch (e) {
    if (attempt >= attempts) log.error({ err: e, attempt, attempts }, 'effect delivery failed on its last attempt');
    else log.warn({ err: e, attempt, attempts }, 'effect delivery failed');
    throw e;
  }
  log.debug({ attempt, durationMs: Math.round(performance.now() - started) }, 'effect delivered');
  return sent;
}
