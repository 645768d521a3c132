import { describe } from 'vitest';
import type { RunningServer } from '../fixtures/server.ts';
import { expect, test } from '../fixtures/test.ts';

const NUDGE = 'Second-purchase nudge';

async function purchase(server: RunningServer, memberId: string) {
  const res = await server.fetch('/api/v1/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'purchase', memberId, properties: { amount: 40 } }),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
}

describe('the second-purchase nudge takes first purchases only', () => {
  test('a new member enters on their first order; a member with earlier orders buys again and is kept out, with the reason', async ({ page, server, shoot }) => {
    // cdnow-00060 has orders in the seeded history; fp-new has none.
    await purchase(server, 'cdnow-00060');
    await purchase(server, 'fp-new-1');

    await page.goto('/members/fp-new-1');
    await page.getByTestId('member-page').waitFor();
    await expect.poll(() => page.getByTestId('journeys').textContent(), { timeout: 20_000, interval: 500 }).toContain(NUDGE);

    await page.goto('/members/cdnow-00060');
    await page.getByTestId('member-page').waitFor();
    const item = page.getByTestId('why-not-item').filter({ hasText: NUDGE });
    await expect
      .poll(async () => ((await item.count()) ? await item.textContent() : ''), { timeout: 20_000, interval: 500 })
      .toMatch(/kept the member out: .*not the member's first purchase \(order \d+\)/);
    expect(await page.getByTestId('journeys').count()).toBe(0);
    await item.scrollIntoViewIfNeeded();
    await shoot(page, '125-first-purchase-only-refused');
  });
});
