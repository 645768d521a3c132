import { describe, expect, it } from 'vitest';
import type { BatchOutcome } from '../src/engine/lane-batch.ts';
import { LaneBatcher } from '../src/engine/lane-batcher.ts';

/** A batch runner the test finishes by hand: records each batch's members. */
function manualRunner() {
  const batches: { ids: string[]; finish(o?: Partial<BatchOutcome>): void; fail(e: unknown): void }[] = [];
  const run = (ids: string[]) =>
    new Promise<BatchOutcome>((ok, fail) =>
      batches.push({
        ids,
        finish: (o = {}) => ok({ results: o.results ?? new Map(ids.map((id) => [id, { events: 1, steps: 1 }])), failures: o.failures ?? new Map() }),
        fail,
      }),
    );
  return { batches, run };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('the lane batcher', () => {
  it('starts a lone member at once, and gathers members that arrive meanwhile into the next batch', async () => {
    const { batches, run } = manualRunner();
    const b = new LaneBatcher(run, 1, 200);
    const first = b.lanes(['a']);
    expect(batches.map((x) => x.ids)).toEqual([['a']]);
    const second = b.lanes(['b', 'c']);
    const third = b.lanes(['d']);
    expect(batches).toHaveLength(1);
    batches[0]!.finish();
    expect(await first).toEqual({ events: 1, steps: 1 });
    await tick();
    expect(batches.map((x) => x.ids)).toEqual([['a'], ['b', 'c', 'd']]);
    batches[1]!.finish();
    expect(await second).toEqual({ events: 2, steps: 2 });
    expect(await third).toEqual({ events: 1, steps: 1 });
  });

  it('caps a batch at its size and runs batches side by side up to its parallelism', async () => {
    const { batches, run } = manualRunner();
    const b = new LaneBatcher(run, 2, 2);
    const all = b.lanes(['a', 'b', 'c', 'd', 'e']);
    expect(batches.map((x) => x.ids)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    batches[0]!.finish();
    await tick();
    expect(batches.map((x) => x.ids).at(-1)).toEqual(['e']);
    batches[1]!.finish();
    batches[2]!.finish();
    expect(await all).toEqual({ events: 5, steps: 5 });
  });

  it('never puts a member in two batches at once: new work for it waits for the running batch', async () => {
    const { batches, run } = manualRunner();
    const b = new LaneBatcher(run, 4, 200);
    const first = b.lanes(['a']);
    const again = b.lanes(['a', 'b']);
    expect(batches.map((x) => x.ids)).toEqual([['a'], ['b']]);
    batches[0]!.finish();
    await first;
    await tick();
    expect(batches.map((x) => x.ids).at(-1)).toEqual(['a']);
    batches[1]!.finish();
    batches[2]!.finish();
    expect(await again).toEqual({ events: 2, steps: 2 });
  });

  it("fails only the jobs of the members that failed; their batch neighbours' jobs succeed", async () => {
    const { batches, run } = manualRunner();
    const b = new LaneBatcher(run, 1, 200);
    const lone = b.lanes(['x']);
    const poisoned = b.lanes(['p', 'q']);
    const fine = b.lanes(['q', 'r']);
    batches[0]!.finish();
    await lone;
    await tick();
    const bad = new Error('numeric field overflow');
    batches[1]!.finish({ results: new Map([['q', { events: 1, steps: 0 }], ['r', { events: 1, steps: 0 }]]), failures: new Map([['p', bad]]) });
    await expect(poisoned).rejects.toBe(bad);
    expect(await fine).toEqual({ events: 2, steps: 0 });
  });

  it('fails every waiting job when the batch itself fails (a lost connection): they retry as usual', async () => {
    const { batches, run } = manualRunner();
    const b = new LaneBatcher(run, 1, 200);
    const job = b.lanes(['a', 'b']);
    const lost = Object.assign(new Error('Connection terminated'), { code: 'ECONNRESET' });
    batches[0]!.fail(lost);
    await expect(job).rejects.toBe(lost);
  });
});
