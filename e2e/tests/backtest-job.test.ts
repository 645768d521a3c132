import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { expect, test } from '../fixtures/test.ts';
import type { RunningServer } from '../fixtures/server.ts';

/** A fresh copy of the nudge recipe (the demo seed holds the CDNOW sample's purchases to replay). */
async function openNudgeCopy(page: Page, server: RunningServer, name: string): Promise<string> {
  const res = await server.fetch('/api/v1/workflows', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, templateKey: 'second-purchase-nudge' }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await page.goto(`/workflows/${id}`);
  await page.locator('.react-flow__node').nth(4).waitFor();
  return id;
}

describe('backtest as a job', () => {
  test('runs in a worker: progress streams in, the result lands on the steps and stays in the kept list; a second one is cancelled', async ({
    page,
    server,
    screenshot,
  }) => {
    await openNudgeCopy(page, server, 'Nudge backtest job');
    await page.getByTestId('backtest').click();
    await page.getByTestId('backtest-history').getByText('No backtests of this workflow yet.').waitFor();
    await page.getByTestId('backtest-days').fill('60');
    await page.getByTestId('backtest-run').click();

    // Progress as the worker reports it, then the result. Batched lanes replay 60 days in a moment,
    // so the replaying frame may come and go between two looks: progress of any phase is enough.
    const progress = page.locator('[data-testid="backtest-progress"]:is([data-phase="preparing"], [data-phase="storing"], [data-phase="replaying"], [data-phase="reporting"])');
    await progress.or(page.getByTestId('backtest-result')).first().waitFor({ timeout: 60_000 });
    if (await progress.isVisible()) {
      expect(await page.getByTestId('backtest-stage').textContent()).toMatch(/Preparing|Storing|events to go|Counting/);
      await screenshot('35-backtest-progress');
    }
    await page.getByTestId('backtest-result').waitFor({ timeout: 90_000 });
    const members = Number((await page.getByTestId('backtest-members').textContent())!.replace(/,/g, ''));
    expect(members).toBeGreaterThan(0);
    await page.getByTestId('backtest-count-trigger').waitFor();
    const kept = page.getByTestId('backtest-history-item');
    await expect.poll(() => kept.count()).toBe(1);
    expect(await kept.first().getAttribute('data-status')).toBe('done');
    await screenshot('36-backtest-result');

    // A second, over all the history, cancelled while it runs: as soon as it shows, while its
    // throwaway schema is still being prepared (the slowest part of a short replay).
    await page.getByTestId('backtest-back').click();
    await page.getByTestId('backtest-days').fill('3650');
    await page.getByTestId('backtest-run').click();
    await page.getByTestId('backtest-cancel').click({ timeout: 60_000 });
    await page.getByTestId('backtest-cancelled').waitFor({ timeout: 20_000 });
    await expect.poll(() => kept.count()).toBe(2);
    expect(await kept.first().getAttribute('data-status')).toBe('cancelled');
    expect(await page.getByTestId('backtest-count-trigger').count()).toBe(0);

    // The kept result opens again, badges and all.
    await kept.nth(1).click();
    await page.getByTestId('backtest-result').waitFor();
    expect(Number((await page.getByTestId('backtest-members').textContent())!.replace(/,/g, ''))).toBe(members);
    await page.getByTestId('backtest-count-trigger').waitFor();
    await screenshot('37-backtest-kept');
  }, 240_000);
});
