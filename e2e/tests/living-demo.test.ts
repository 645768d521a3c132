import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { artifactsDir } from '../fixtures/paths.ts';
import { expect, test } from '../fixtures/test.ts';

// The server this file starts seeds what `npm start` seeds: the CDNOW history moved to end
// yesterday and run through the live nudge, which holds out a share of its members.
process.env.MEMBERFLOW_DEMO_HISTORY = 'live';

const NUDGE = 'Second-purchase nudge';

interface Dashboard {
  entered: number;
  holdout: null | { percent: number; conversion: { treated: { n: number; rate: number }; holdout: { n: number; rate: number }; difference: { estimate: number } } };
}

/** The app scrolls inside .app-main: grow the viewport to the content for a whole-page shot. */
async function fullShot(page: Page, name: string) {
  const height = await page.evaluate(() => document.querySelector('.app-header')!.clientHeight + document.querySelector('.app-main')!.scrollHeight);
  await page.setViewportSize({ width: 1440, height: Math.max(900, height) });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`) });
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function openNudgeDashboard(page: Page): Promise<string> {
  await page.goto('/');
  await page.getByTestId('workflow-row').filter({ hasText: NUDGE }).first().getByTestId('dashboard-link').click();
  await page.getByTestId('dashboard-page').waitFor();
  return /\/workflows\/([^/]+)\/dashboard$/.exec(page.url())![1]!;
}

describe('a demo that lives', () => {
  // The server's start runs the whole history through the engine first: allow it time.
  test('a marketer opens the nudge on first sign-in and reads its lift over the holdout, in English and Chinese', { timeout: 240_000 }, async ({ pageAs, server }) => {
    const page = await pageAs('marketer');
    const id = await openNudgeDashboard(page);
    // Its members entered over a year ago: the dashboard opens on the period they entered in.
    await expect.poll(() => page.getByTestId('period-select').inputValue(), { timeout: 10_000 }).toBe('730');
    await page.getByTestId('holdout').waitFor();

    const dash = (await (await server.fetch(`/api/v1/workflows/${id}/dashboard?days=730`)).json()) as Dashboard;
    const customers = ((await (await server.fetch('/api/v1/analytics/retention')).json()) as { customers: number }).customers;
    // Every demo customer entered once, treated or held out; about a tenth held out (binomial bound).
    expect(dash.entered).toBe(customers);
    const c = dash.holdout!.conversion;
    expect(c.treated.n + c.holdout.n).toBe(customers);
    expect(Math.abs(c.holdout.n - customers * 0.1)).toBeLessThan(4.5 * Math.sqrt(customers * 0.1 * 0.9));

    // The page shows those groups and the lift between them.
    expect(await page.getByTestId('kpi-entered-value').textContent()).toBe(customers.toLocaleString('en-US'));
    const conversion = page.getByTestId('lift-row').first();
    const text = (await conversion.textContent())!;
    expect(text).toContain(`${(c.treated.rate * 100).toFixed(1)}% of ${c.treated.n.toLocaleString('en-US')}`);
    expect(text).toContain(`${(c.holdout.rate * 100).toFixed(1)}% of ${c.holdout.n.toLocaleString('en-US')}`);
    expect(text).toContain('Lift');
    expect(await conversion.getByTestId('ci-bar').isVisible()).toBe(true);
    expect(await page.getByTestId('holdout').textContent()).toContain(`${dash.holdout!.percent}% of entering members are held out`);
    await fullShot(page, 'living-demo-lift');

    await page.evaluate(() => window.localStorage.setItem('memberflow.locale', 'zh-CN'));
    await openNudgeDashboard(page);
    await expect.poll(() => page.getByTestId('period-select').inputValue(), { timeout: 10_000 }).toBe('730');
    await page.getByTestId('holdout').waitFor();
    expect(await page.getByTestId('holdout').textContent()).toContain('对照组');
    await fullShot(page, 'living-demo-lift-zh');
  });
});
