import type { BatchOutcome } from './lane-batch.ts';
import type { LaneResult } from './member-lane.ts';

interface Waiter {
  ok(r: LaneResult): void;
  fail(e: unknown): void;
}

/**
 * Gathers the members of concurrent lane jobs into batches, so the batch size follows the load:
 * a member alone starts at once (nothing to wait for); while `parallel` batches run, newcomers
 * gather for the next ones, up to `max` each. A member already in a running batch waits for the
 * next one, so its work is never split across two transactions of this process (the advisory
 * locks keep other processes apart).
 */
export class LaneBatcher {
  private readonly waiting = new Map<string, Waiter[]>();
  private readonly inFlight = new Set<string>();
  private running = 0;

  constructor(
    private readonly run: (memberIds: string[]) => Promise<BatchOutcome>,
    private readonly parallel: number,
    private readonly max: number,
  ) {}

  /** Runs the members' lanes; resolves with their summed results, or fails with the first member's failure once all are done. */
  async lanes(memberIds: string[]): Promise<LaneResult> {
    const each = [...new Set(memberIds)].map((id) => new Promise<LaneResult>((ok, fail) => this.enqueue(id, { ok, fail })));
    this.pump();
    const settled = await Promise.allSettled(each);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.reduce((t, s) => (s.status === 'fulfilled' ? { events: t.events + s.value.events, steps: t.steps + s.value.steps } : t), { events: 0, steps: 0 });
  }

  private enqueue(id: string, w: Waiter): void {
    const list = this.waiting.get(id);
    if (list) list.push(w);
    else this.waiting.set(id, [w]);
  }

  private pump(): void {
    while (this.running < this.parallel) {
      const ids: string[] = [];
      for (const id of this.waiting.keys()) {
        if (ids.length >= this.max) break;
        if (!this.inFlight.has(id)) ids.push(id);
      }
      if (!ids.length) return;
      const waiters = new Map(ids.map((id) => [id, this.waiting.get(id)!]));
      for (const id of ids) {
        this.waiting.delete(id);
        this.inFlight.add(id);
      }
      this.running++;
      this.run(ids)
        .then((o) => settle(waiters, o), (e) => waiters.forEach((ws) => ws.forEach((w) => w.fail(e))))
        .finally(() => {
          this.running--;
          for (const id of ids) this.inFlight.delete(id);
          this.pump();
        });
    }
  }
}

function settle(waiters: Map<string, Waiter[]>, o: BatchOutcome): void {
  for (const [id, ws] of waiters) {
    const failure = o.failures.get(id);
    const r = o.results.get(id) ?? { events: 0, steps: 0 };
    for (const w of ws) {
      if (o.failures.has(id)) w.fail(failure);
      else w.ok(r);
    }
  }
}
