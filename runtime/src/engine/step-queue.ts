import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { RedisClient, RedisTarget } from '../db/redis-target.ts';
import { blockingRedis } from '../db/redis.ts';
import { MAX_BATCH, runLaneBatch } from './lane-batch.ts';
import { LaneBatcher } from './lane-batcher.ts';
import { LaneJobs, laneJobFields } from './lane-jobs.ts';
import { logger } from '../logging/root-logger.ts';
import type { EngineDeps } from './member-lane.ts';

export const STEP_QUEUE = 'member-steps';

/** "These members have work": one member, or many in one job (a batch). */
export interface LaneJob {
  memberId?: string;
  memberIds?: string[];
}

export const jobMembers = (d: LaneJob): string[] => d.memberIds ?? (d.memberId ? [d.memberId] : []);

/** Batches a worker process runs at once: enough to overlap one batch's round trips with another's runner work. */
const PARALLEL_BATCHES = 4;

/** BullMQ needs blocking connections that never give up on a command. */
export function redisConnection(target: RedisTarget, name = 'worker'): RedisClient {
  return blockingRedis(target, name);
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
export async function enqueueLanes(queue: Queue<LaneJob>, lanes: { memberId: string; jobId: string }[]): Promise<string[]> {
  if (lanes.length === 0) return [];
  const jobs = laneJobs(lanes);
  await queue.addBulk(jobs.map((j) => ({ name: 'lane', data: j.data, opts: { jobId: j.jobId } })));
  return jobs.map((j) => j.jobId);
}

/** Shards of the member id space for swept work, and how long a shard's job name lasts. */
const SWEEP_SHARDS = 64;
const SWEEP_NAME_MS = 10_000;

/**
 * Swept work (due wake-ups and trigger moments) goes into one job per shard of the member id
 * space, named after the shard and a 10-second window: the sweep selects the oldest due rows
 * again and again until they are done, and while a shard's job waits or runs, sweeping again adds
 * nothing (new names per sweep would queue the same members many times over). A job that keeps
 * failing holds its shard for 10 seconds at most. Returns the job ids.
 */
export async function enqueueSwept(queue: Queue<LaneJob>, memberIds: string[], now = Date.now()): Promise<string[]> {
  const shards = new Map<number, Set<string>>();
  for (const id of memberIds) {
    const k = createHash('sha1').update(id).digest().readUInt32BE(0) % SWEEP_SHARDS;
    (shards.get(k) ?? shards.set(k, new Set()).get(k)!).add(id);
  }
  const window = Math.floor(now / SWEEP_NAME_MS);
  const jobs = [...shards].map(([k, ids]) => ({ name: 'lane', data: { memberIds: [...ids] }, opts: { jobId: `swept-${k}-${window}` } }));
  if (jobs.length) await queue.addBulk(jobs);
  return jobs.map((j) => j.opts.jobId);
}

/**
 * Lanes go into jobs of up to MAX_BATCH members, so a sweep of 5,000 wake-ups is 25 jobs, not
 * 5,000. A job of one keeps its lane's id; a job of many is named after its lanes' ids, so the
 * same lanes enqueued again (the next sweep, before they ran) add nothing.
 */
function laneJobs(lanes: { memberId: string; jobId: string }[]): { jobId: string; data: LaneJob }[] {
  const out: { jobId: string; data: LaneJob }[] = [];
  for (let i = 0; i < lanes.length; i += MAX_BATCH) {
    const part = lanes.slice(i, i + MAX_BATCH);
    if (part.length === 1) out.push({ jobId: part[0]!.jobId, data: { memberId: part[0]!.memberId } });
    else out.push({ jobId: `lanes-${createHash('sha1').update(part.map((l) => l.jobId).join(',')).digest('hex')}`, data: { memberIds: [...new Set(part.map((l) => l.memberId))] } });
  }
  return out;
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
  // Concurrent jobs' members share batches: throughput grows with the load, a lone event stays fast.
  const jobs = new LaneJobs();
  // A view over deps, not a copy: what changes on the runtime's deps later (its mode) still holds here.
  const laneDeps: EngineDeps = Object.assign(Object.create(deps) as EngineDeps, { laneLog: (memberId: string) => jobs.log(memberId) });
  const batcher = new LaneBatcher((ids) => runLaneBatch(laneDeps, ids), PARALLEL_BATCHES, MAX_BATCH);
  const processLanes = async (job: Job<LaneJob>) => {
    const ids = jobMembers(job.data);
    const jobId = job.id ?? '';
    const started = performance.now();
    jobs.add(jobId, ids);
    try {
      const r = await batcher.lanes(ids);
      // Debug: one line per job is too many at info under load; failures are logged where the worker reports them.
      logger('lane', laneJobFields(job.id, ids)).debug({ events: r.events, steps: r.steps, durationMs: Math.round(performance.now() - started) }, 'lane job done');
      return r;
    } finally {
      jobs.remove(jobId, ids);
    }
  };
  return new Worker<LaneJob>(STEP_QUEUE, processLanes, {
    connection,
    prefix,
    concurrency,
    // A killed worker's jobs go back to waiting once their lock lapses; lanes are idempotent.
    lockDuration: lockMs,
    stalledInterval: lockMs,
    maxStalledCount: 100,
  });
}
