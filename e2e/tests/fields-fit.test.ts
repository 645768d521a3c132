import type { Locator, Page } from 'playwright-core';
import { describe } from 'vitest';
import { expect, test } from '../fixtures/test.ts';

/** Controls whose right (or left) edge leaves their panel: clipped for the user. */
async function outside(panel: Locator): Promise<string[]> {
  return panel.evaluate((root) => {
    const box = root.getBoundingClientRect();
    return [...root.querySelectorAll('input, select, textarea, button')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.right > box.right + 0.5 || r.left < box.left - 0.5;
      })
      .map((el) => el.id || el.getAttribute('aria-label') || el.textContent || el.tagName);
  });
}

async function openNudge(page: Page) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Second-purchase nudge' }).click();
  await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 15_000 }).toBe(5);
}

describe('forms fit their panels', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    test(`quiet hours, the send rate limit and the simulator's dates are not clipped (${locale})`, async ({ page, shoot }) => {
      await page.addInitScript((l) => window.localStorage.setItem('memberflow.locale', l), locale);
      await openNudge(page);
      await page.locator('.react-flow__pane').click({ position: { x: 12, y: 80 } });
      const settings = page.getByTestId('workflow-settings');
      await settings.waitFor();
      await page.locator('#workflow-quietHours').check();
      await page.locator('#workflow-quietHours-start').scrollIntoViewIfNeeded();
      await shoot(page, `121-quiet-hours-fit-${locale}`);
      expect(await outside(settings)).toEqual([]);

      await page.getByTestId('simulate').click();
      const sim = page.getByTestId('simulation-panel');
      await sim.locator('#sim-until').waitFor();
      await shoot(page, `122-simulator-fit-${locale}`);
      expect(await outside(sim)).toEqual([]);
    });
  }
});
