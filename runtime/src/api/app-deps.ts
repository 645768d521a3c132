import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { EngineDeps } from '../engine/member-lane.ts';
import type { LaneJob } from '../engine/step-queue.ts';

export interface AppDeps {
  engine: EngineDeps;
  queue: Queue<LaneJob>;
  redis: Redis;
  editorDist?: string;
}
