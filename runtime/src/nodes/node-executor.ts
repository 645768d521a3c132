import type { NodeActionParams } from '@memberflow/shared/node-module';
import type { JourneyState, LaneWrites } from '../engine/lane-writes.ts';

export interface ExecContext {
  journey: JourneyState;
  action: NodeActionParams;
  /** Domain time of the step (event time or wake-up time), from the injectable clock's world. */
  at: number;
  writes: LaneWrites;
  /** journey id + entry + node id + visit: the same step run twice yields the same key. */
  idempotencyKey: string;
}

/** What the runtime does when a journey enters a node of a kind. Runs inside the lane's transaction. */
export interface NodeExecutor {
  execute(ctx: ExecContext): void;
}
