import type { Queue } from 'bullmq';
import type { RedisClient } from '../db/redis-target.ts';
import type { RuntimeConfig } from '../config.ts';
import type { EngineDeps } from '../engine/member-lane.ts';
import type { LaneJob } from '../engine/step-queue.ts';
import type { EffectJob } from '../engine/effect-dispatcher.ts';
import type { BacktestJob } from '../workflows/backtest-queue.ts';

export interface AppDeps {
  engine: EngineDeps;
  queue: Queue<LaneJob>;
  effectQueue?: Queue<EffectJob>;
  /** Where backtest requests go; the worker processes run them. */
  backtestQueue?: Queue<BacktestJob>;
  redis: RedisClient;
  /** The rate limiter's own connection with a short command timeout (it fails open); defaults to `redis`. */
  limiterRedis?: RedisClient;
  editorDist?: string;
  /** Limits, session policy, webhook targets; and for work that starts a runtime of its own (backtests). */
  config: RuntimeConfig;
}
