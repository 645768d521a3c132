import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildWorkflow } from '@memberflow/shared/templates/build';
import { describe, expect } from 'vitest';
import { JAN_1, test } from './infra-fixture.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const MEMBERS = 10_000;

describe('exactly once under crashes', () => {
  test(
    'SIGKILLing worker processes again and again during a 10,000-member run issues every coupon and message once and loses no member',
    async ({ infra }) => {
      // This process only ingests; separate worker processes do all the work.
      await infra.runtime.worker!.close();
      await infra.runtime.effectWorker!.close();
      await infra.publishDefinition(
        'Thanks',
        buildWorkflow({
          nodes: [
            ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
            ['c', 'issue_coupon', 'Coupon', { template: 'THANKS', validityDays: 7 }],
            ['m', 'send_message', 'Message', { channel: 'sms', body: 'Thanks! {{coupon.code}}', marketing: false }],
            ['x', 'exit', 'Done', { reason: 'done' }],
          ],
          edges: [
            ['t', 'next', 'c'],
            ['c', 'next', 'm'],
            ['m', 'next', 'x'],
          ],
        }),
      );
      for (let i = 0; i < MEMBERS; i += 1000) {
        const events = Array.from({ length: 1000 }, (_, k) => ({ type: 'purchase', memberId: `k${i + k}`, timestamp: new Date(JAN_1).toISOString(), properties: { amount: 5 } }));
        expect((await infra.api('POST', '/api/v1/events', { events })).body.accepted).toBe(1000);
      }

      const env = {
        ...process.env,
        DATABASE_SCHEMA: infra.schema,
        QUEUE_PREFIX: infra.prefix,
        SERVE_HTTP: '0',
        WORKER_CONCURRENCY: '16',
        JOB_LOCK_MS: '1500',
        SWEEP_INTERVAL_MS: '500',
        STALE_EVENT_MS: '1000',
      };
      const start = () => spawn(process.execPath, ['--import', 'tsx', 'runtime/src/main.ts'], { cwd: repo, env, stdio: 'ignore' });
      const workers: ChildProcess[] = [start(), start(), start()];
      const pending = async () => (await infra.sql(`SELECT count(*)::int AS n FROM event WHERE processed_at IS NULL`))[0].n as number;
      let kills = 0;
      try {
        const deadline = Date.now() + 240_000;
        let last = MEMBERS;
        while ((last = await pending()) > 0) {
          if (Date.now() > deadline) throw new Error(`${last} events still pending`);
          await new Promise((r) => setTimeout(r, 400));
          // Kill a worker mid-step while there is work, and start a replacement.
          if (last > 500 && kills < 12) {
            const i = kills % workers.length;
            workers[i]!.kill('SIGKILL');
            workers[i] = start();
            kills++;
          }
        }
      } finally {
        for (const w of workers) w.kill('SIGKILL');
      }
      expect(kills).toBeGreaterThanOrEqual(5);
      const [counts] = await infra.sql(`
        SELECT (SELECT count(*)::int FROM journey) AS journeys,
               (SELECT count(*)::int FROM journey WHERE status = 'completed') AS completed,
               (SELECT count(*)::int FROM coupon) AS coupons,
               (SELECT count(DISTINCT member_id)::int FROM coupon) AS members_with_coupon,
               (SELECT count(*)::int FROM effect WHERE kind = 'send_message') AS messages,
               (SELECT count(DISTINCT member_id)::int FROM effect WHERE kind = 'send_message') AS members_messaged,
               (SELECT count(*)::int FROM member) AS members`);
      expect(counts).toEqual({ journeys: MEMBERS, completed: MEMBERS, coupons: MEMBERS, members_with_coupon: MEMBERS, messages: MEMBERS, members_messaged: MEMBERS, members: MEMBERS });
      // Each message carries its own member's coupon: the step that issued it and the one that sent it agree.
      const mismatched = await infra.sql(`SELECT count(*)::int AS n FROM effect e JOIN coupon c ON c.member_id = e.member_id WHERE e.kind = 'send_message' AND e.payload->>'body' <> 'Thanks! ' || c.code`);
      expect(mismatched).toEqual([{ n: 0 }]);
    },
    300_000,
  );
});
