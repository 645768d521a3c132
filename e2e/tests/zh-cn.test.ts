import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { expect, test } from '../fixtures/test.ts';
import type { RunningServer } from '../fixtures/server.ts';

const SEEDED = 'Second-purchase nudge';

/** Chooses Chinese the way a returning user has it: remembered in localStorage before the app starts. */
async function inChinese(page: Page) {
  await page.addInitScript(() => window.localStorage.setItem('memberflow.locale', 'zh-CN'));
}

async function purchase(server: RunningServer, memberId: string) {
  const res = await server.fetch(`/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'purchase', memberId, properties: { amount: 20 } }),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
}

describe('Chinese UI', () => {
  test('the workflow list, header and status badges are in Chinese', async ({ page, screenshot }) => {
    await inChinese(page);
    await page.goto('/');
    const row = page.getByTestId('workflow-row').filter({ hasText: SEEDED });
    await row.waitFor();
    // Signed in as the admin, so the users page is in the menu too.
    expect(await page.locator('.app-header__nav').textContent()).toBe('流程会员优惠券积分积分商城等级会员卡分群RFM分析运行状况设置用户与 API 密钥');
    expect(await page.locator('h1').textContent()).toBe('流程');
    expect(await row.getByTestId('status-badge').textContent()).toBe('运行中');
    expect(await page.locator('thead th').allTextContents()).toEqual(['名称', '状态', '线上版本', '等待中', '已转化', '已完成', '最后更新']);
    await screenshot('40-list-zh');
  });

  test('an empty list offers to start from a template', async ({ page, screenshot }) => {
    await inChinese(page);
    // A fresh install has no workflows; the seeded server always has one, so answer the list with none.
    await page.route('**/api/v1/workflows', (route) =>
      route.request().method() === 'GET' ? route.fulfill({ json: { workflows: [] } }) : route.fallback(),
    );
    await page.goto('/');
    const empty = page.getByTestId('workflow-empty');
    await empty.waitFor();
    expect(await empty.locator('h2').textContent()).toBe('还没有流程');
    expect(await page.getByTestId('workflow-table').count()).toBe(0);
    await screenshot('41-list-empty-zh');
    await empty.getByRole('button', { name: '从模板创建' }).click();
    await page.getByRole('dialog').getByText('新建流程').waitFor();
  });

  test('the canvas shows live counts per node, and the simulation shows member time', async ({ page, server, screenshot }) => {
    await inChinese(page);
    await page.goto('/');
    await page.getByRole('link', { name: SEEDED }).click();
    await page.locator('.react-flow__node').nth(4).waitFor();
    await expect.poll(() => page.getByTestId('canvas').getAttribute('data-stats-source')).toBe('stream');

    // Five first purchases wait at the node; two of those members come back and convert.
    for (const id of ['zh-1', 'zh-2', 'zh-3', 'zh-4', 'zh-5']) await purchase(server, id);
    await expect.poll(() => page.getByTestId('node-count-trigger').textContent(), { timeout: 20_000, interval: 500 }).toBe('5');
    for (const id of ['zh-1', 'zh-2']) await purchase(server, id);
    await expect.poll(() => page.getByTestId('node-count-wait_second').textContent(), { timeout: 20_000, interval: 500 }).toBe('3');
    await expect.poll(() => page.getByTestId('node-flow-wait_second').textContent(), { timeout: 10_000 }).toContain('通过 2');
    expect(await page.getByTestId('node-count-wait_second').getAttribute('title')).toContain('当前 3 人');
    await page.locator('.react-flow__controls-fitview').click();
    // One step out keeps the lowest card clear of the minimap in the corner.
    await page.locator('.react-flow__controls-zoomout').click();
    await page.waitForTimeout(400);
    await screenshot('42-canvas-live-zh');
    await page.getByTestId('language-en').click();
    await expect.poll(() => page.getByTestId('node-flow-wait_second').textContent()).toContain('passed 2');
    await screenshot('42-canvas-live-en');
    await page.getByTestId('language-zh-CN').click();

    await page.getByTestId('simulate').click();
    const panel = page.getByTestId('simulation-panel');
    await panel.getByRole('button', { name: '首次购买后没有再买' }).click();
    await panel.getByTestId('sim-run').click();
    await panel.getByTestId('sim-trace-entry').first().waitFor();
    expect(await panel.getByTestId('sim-member-time').first().textContent()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d Asia\/Shanghai$/);
    expect(await panel.getByTestId('sim-step').textContent()).toMatch(/^第 1 步，共 \d+ 步$/);
    await screenshot('43-simulation-zh');
  });
});
