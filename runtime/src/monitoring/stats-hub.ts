/**
 * One live-stats computation per workflow per tick, fanned out to every stream watching it.
 *
 * A workflow's topic exists only while someone listens: the first subscriber starts its timer
 * (and a computation at once), the last one to leave stops it. A tick that comes while the
 * previous computation still runs is skipped (the overlap guard), so a slow database gets at most
 * one stats query per workflow in flight, however many streams are open.
 */

/** What a stream is told: new stats (JSON), nothing new this tick, or a failure (the stream ends). */
export interface StatsSubscriber {
  data(json: string): void;
  idle(): void;
  fail(error: unknown): void;
}

interface Topic {
  subs: Set<StatsSubscriber>;
  /** The last stats sent, as JSON; new subscribers get it at once. */
  last: string | undefined;
  running: boolean;
  timer: NodeJS.Timeout;
}

export class StatsHub {
  /** Computations started, and ticks skipped because one was still running (tests and metrics read these). */
  computations = 0;
  skippedTicks = 0;
  private readonly topics = new Map<string, Topic>();

  constructor(
    private readonly compute: (workflowId: string) => Promise<unknown>,
    private readonly intervalMs: number,
  ) {}

  /** Listens to one workflow's stats; returns the unsubscribe. */
  subscribe(workflowId: string, sub: StatsSubscriber): () => void {
    let topic = this.topics.get(workflowId);
    if (!topic) {
      const t: Topic = { subs: new Set([sub]), last: undefined, running: false, timer: setInterval(() => void this.tick(workflowId, t), this.intervalMs) };
      t.timer.unref();
      this.topics.set(workflowId, t);
      topic = t;
      void this.tick(workflowId, t);
    } else {
      topic.subs.add(sub);
      if (topic.last !== undefined) safely(() => sub.data(topic!.last!));
    }
    const t = topic;
    return () => {
      t.subs.delete(sub);
      if (t.subs.size === 0 && this.topics.get(workflowId) === t) {
        clearInterval(t.timer);
        this.topics.delete(workflowId);
      }
    };
  }

  /** Workflows with a running timer, and their listeners (for tests and diagnostics). */
  listening(): Record<string, number> {
    return Object.fromEntries([...this.topics].map(([id, t]) => [id, t.subs.size]));
  }

  private async tick(workflowId: string, t: Topic): Promise<void> {
    if (this.topics.get(workflowId) !== t) return;
    if (t.running) {
      this.skippedTicks++;
      return;
    }
    t.running = true;
    this.computations++;
    try {
      const json = JSON.stringify(await this.compute(workflowId));
      const subs = [...t.subs];
      if (json !== t.last) {
        t.last = json;
        for (const s of subs) safely(() => s.data(json));
      } else for (const s of subs) safely(() => s.idle());
    } catch (e) {
      for (const s of [...t.subs]) safely(() => s.fail(e));
    } finally {
      t.running = false;
    }
  }
}

function safely(f: () => void): void {
  try {
    f();
  } catch {
    // One broken stream must not keep the others from their stats.
  }
}

const hubs = new WeakMap<object, StatsHub>();

/** The hub of one database handle (one per API process); `create` runs the first time only. */
export function statsHubFor(db: object, create?: () => StatsHub): StatsHub | undefined {
  let hub = hubs.get(db);
  if (!hub && create) hubs.set(db, (hub = create()));
  return hub;
}
