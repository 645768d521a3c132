import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { expect, test } from '../fixtures/test.ts';
import type { RunningServer } from '../fixtures/server.ts';

async function post(server: RunningServer, path: string, body?: unknown) {
  const res = await server.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return res.json() as Promise<Record<string, unknown>>;
}

type Box = { id: string; x: number; y: number; width: number; height: number };

async function nodeBoxes(page: Page): Promise<Box[]> {
  return page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-id') ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

const overlapping = (boxes: Box[]) =>
  boxes.flatMap((a, i) =>
    boxes.slice(i + 1).filter((b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).map((b) => `${a.id} × ${b.id}`),
  );

describe('tidy up on a live workflow', () => {
  test('steps made taller by live counts do not overlap after Tidy up', async ({ page, server, shoot }) => {
    const { id } = await post(server, '/api/v1/workflows', { name: 'Nudge with live counts', templateKey: 'second-purchase-nudge' });
    await post(server, `/api/v1/workflows/${String(id)}/publish`);
    await page.goto(`/workflows/${String(id)}`);
    await page.locator('.react-flow__node').nth(4).waitFor();
    await expect.poll(() => page.getByTestId('canvas').getAttribute('data-stats-source'), { timeout: 15_000 }).toBe('stream');

    for (const m of ['tidy-1', 'tidy-2', 'tidy-3', 'tidy-1']) await post(server, '/api/v1/events', { type: 'purchase', memberId: m, properties: { amount: 30 } });
    await expect.poll(() => page.getByTestId('node-count-trigger').textContent(), { timeout: 20_000, interval: 500 }).toBe('3');
    await expect.poll(() => page.getByTestId('node-flow-wait_second').textContent(), { timeout: 20_000, interval: 500 }).toContain('passed 1');

    // Drop the end step on top of the trigger, so Tidy up has an overlap to undo.
    const trigger = page.getByTestId('node-trigger');
    const end = page.getByTestId('node-end');
    const [tb, eb] = [await trigger.boundingBox(), await end.boundingBox()];
    await page.mouse.move(eb!.x + eb!.width / 2, eb!.y + 8);
    await page.mouse.down();
    await page.mouse.move(tb!.x + tb!.width / 2, tb!.y + 20, { steps: 8 });
    await page.mouse.up();
    expect(overlapping(await nodeBoxes(page)).length).toBeGreaterThan(0);

    await page.getByTestId('auto-layout').click();
    await expect.poll(async () => overlapping(await nodeBoxes(page)), { timeout: 5_000 }).toEqual([]);
    // Taller live cards keep a gap to the row below, not just no overlap.
    const boxes = await nodeBoxes(page);
    const byId = new Map(boxes.map((b) => [b.id, b]));
    const wait = byId.get('wait_second')!;
    const below = boxes.filter((b) => b.y > wait.y + 1);
    expect(below.length).toBeGreaterThan(0);
    for (const b of below) expect(b.y).toBeGreaterThan(wait.y + wait.height);
    await shoot(page, '120-tidy-up-live-counts');
  });
});
