import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { blockingRedis } from '../db/redis.ts';
import { runMemberLane, type EngineDeps } from './member-lane.ts';

export const STEP_QUEUE = 'member-steps';

export interface LaneJob {
  memberId: string;
}

/** BullMQ needs blocking connections that never give up on a command. */
export function redisConnection(url: string, name = 'worker'): Redis {
  return blockingRedis(url, name);
}

export function createStepQueue(connection: ConnectionOptions, prefix: string): Queue<LaneJob> {
  return new Queue<LaneJob>(STEP_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: {
      removeOnComplete: true,
      removeOnFail: 5000,
      attempts: 8,
      backoff: { type: 'exponential', delay: 500 },
    },
  });
}

/**
 * A job only says "this member has work": the lane reads the work itself from Postgres,
 * so duplicate, lost or reordered jobs never change what happens.
 */
export async function enqueueLanes(queue: Queue<LaneJob>, lanes: { memberId: string; jobId: string }[]): Promise<void> {
  if (lanes.length === 0) return;
  await queue.addBulk(lanes.map((l) => ({ name: 'lane', data: { memberId: l.memberId }, opts: { jobId: l.jobId } })));
}

/**
 * A job that used up its attempts (say, Postgres was down for minutes) stays in the failed set
 * under its id, and adding the same id again is a no-op: the sweep retries such jobs instead,
 * so the member's work resumes once the cause is gone.
 */
export async function retryFailedLanes(queue: Queue<LaneJob>, jobIds: string[]): Promise<number> {
  if (jobIds.length === 0 || (await queue.getFailedCount()) === 0) return 0;
  const wanted = new Set(jobIds);
  const failed = await queue.getFailed(0, 999);
  const again = failed.filter((j) => j.id !== undefined && wanted.has(j.id));
  await Promise.all(again.map((j) => j.retry('failed').catch(() => {})));
  return again.length;
}

export function startStepWorker(deps: EngineDeps, connection: ConnectionOptions, prefix: string, concurrency: number, lockMs = 30_000): Worker<LaneJob> {
  return new Worker<LaneJob>(STEP_QUEUE, async (job) => runMemberLane(deps, job.data.memberId), {
    connection,
    prefix,
    concurrency,
    // A killed worker's jobs go back to waiting once their lock lapses; lanes are idempotent.
    lockDuration: lockMs,
    stalledInterval: lockMs,
    maxStalledCount: 100,
  });
}
