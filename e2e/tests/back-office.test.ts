import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import type { RunningServer } from '../fixtures/server.ts';
import { expect, test } from '../fixtures/test.ts';

/**
 * The loyalty back office, as the "done when" tells it: a marketer creates WINBACK20 on
 * the Coupons page, picks it in a workflow's Issue coupon step and publishes; a purchase issues
 * it; the member page and the Coupons page show it; an analyst sees the same pages read-only.
 * Screenshots of each page, in English and Chinese, go to e2e/artifacts (80-*.png).
 */
const BUYER = 'bo-buyer-1';
let workflowId = '';

/** Purchase → Issue coupon → Exit: the smallest workflow that issues a coupon on a purchase. */
const definition = {
  schemaVersion: 1,
  settings: { entry: 'every_time', exitOnGoal: null },
  nodes: [
    { id: 'trigger', kind: 'event_trigger', label: 'Purchase', position: { x: 0, y: 0 }, config: { eventType: 'purchase', filters: [] } },
    { id: 'coupon', kind: 'issue_coupon', label: 'Win-back coupon', position: { x: 0, y: 150 }, config: { template: 'COMEBACK10', validityDays: 30 } },
    { id: 'done', kind: 'exit', label: 'Done', position: { x: 0, y: 300 }, config: { reason: 'Coupon issued' } },
  ],
  edges: [
    { id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'coupon' },
    { id: 'e2', source: 'coupon', sourceHandle: 'next', target: 'done' },
  ],
};

async function purchase(server: RunningServer, memberId: string, amount: number) {
  const res = await server.fetch('/api/v1/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'purchase', memberId, properties: { amount } }),
  });
  expect(res.status, await res.clone().text()).toBe(202);
}

async function inChinese(page: Page) {
  await page.addInitScript(() => window.localStorage.setItem('memberflow.locale', 'zh-CN'));
}

describe('the loyalty back office', () => {
  test('a marketer creates WINBACK20 on the Coupons page, with field errors on the way', async ({ pageAs, shoot }) => {
    const page = await pageAs('marketer');
    await page.goto('/');
    await page.getByTestId('nav-coupons').click();
    await page.getByTestId('coupons-page').waitFor();
    await page.getByTestId('coupon-template-new').click();
    const dialog = page.getByTestId('coupon-template-dialog');
    await dialog.getByTestId('coupon-key').fill('winback20');
    await dialog.getByTestId('coupon-template-save').click();
    // Named under the field, by the shared schema the server also parses with.
    await dialog.getByText('give the template a name').waitFor();
    await dialog.getByTestId('coupon-name').fill('Win back: 20 off 100');
    await dialog.getByTestId('coupon-value').fill('20');
    await dialog.getByTestId('coupon-minSpend').fill('100');
    await dialog.getByTestId('coupon-validityDays').fill('14');
    await shoot(page, '80-coupons-form-en');
    await dialog.getByTestId('coupon-template-save').click();
    await page.getByTestId('notice').filter({ hasText: 'Created WINBACK20' }).waitFor();
    const row = page.getByTestId('coupon-template-WINBACK20');
    expect(await row.textContent()).toContain('20 off');
    expect(await row.textContent()).toContain('14 days after issue');
    expect(await row.textContent()).toContain('min. spend 100');
  });

  test('the marketer picks it in a workflow’s Issue coupon step and publishes', async ({ pageAs, server, shoot }) => {
    const created = await server.fetch('/api/v1/workflows', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Back-office win-back', definition }) });
    expect(created.status).toBe(201);
    workflowId = ((await created.json()) as { id: string }).id;
    const page = await pageAs('marketer');
    await page.goto(`/workflows/${workflowId}`);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(3);
    await page.getByTestId('node-coupon').click();
    const field = page.locator('#node-coupon-template');
    await field.fill('WINBACK20');
    // The picker knows the template: its hint describes it.
    await page.getByText('Win back: 20 off 100 · 20 off on spend ≥ 100 · valid 14 days').waitFor();
    await shoot(page, '81-issue-coupon-picker-en');
    await expect.poll(() => page.getByTestId('problems').textContent()).toContain('No problems');
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-confirm').click();
    await page.getByTestId('notice').filter({ hasText: 'Published as version 1' }).waitFor();
  });

  test('a purchase issues the coupon: the member page and the Coupons page show it; staff redeem it', async ({ pageAs, server, shoot }) => {
    expect(workflowId).not.toBe('');
    await purchase(server, BUYER, 180);
    const page = await pageAs('marketer');
    await page.goto(`/members/${BUYER}`);
    const coupons = page.getByTestId('member-coupons');
    await expect.poll(async () => ((await coupons.count()) ? await coupons.textContent() : ''), { timeout: 20_000, interval: 500 }).toContain('WINBACK20');

    await page.goto('/coupons');
    const row = page.getByTestId('coupon-template-WINBACK20');
    await expect.poll(() => row.getByTestId('count-issued').textContent(), { timeout: 10_000 }).toBe('1');
    await row.click();
    await page.getByTestId('coupon-row').first().waitFor();
    await page.getByTestId('coupon-search').fill(BUYER);
    await expect.poll(() => page.getByTestId('coupon-row').count()).toBe(1);
    await page.getByTestId('coupon-chart').waitFor();
    await shoot(page, '82-coupons-en');

    // Redeeming below the minimum spend is refused, naming the order amount; then it goes through.
    await page.getByTestId('coupon-redeem').click();
    await page.getByTestId('redeem-amount').fill('60');
    await page.getByTestId('confirm-button').click();
    await page.getByText('must be at least 100').waitFor();
    await page.getByTestId('redeem-amount').fill('150');
    await page.getByTestId('confirm-button').click();
    await page.getByTestId('notice').filter({ hasText: /Redeemed .*: 20 off/ }).waitFor();
    await expect.poll(() => row.getByTestId('count-redeemed').textContent(), { timeout: 10_000 }).toBe('1');
    expect(await page.getByTestId('coupon-row').first().textContent()).toContain('Redeemed');
  });

  test('in Chinese: the Coupons page and the form', async ({ pageAs, shoot }) => {
    const page = await pageAs('marketer');
    await inChinese(page);
    await page.goto('/coupons');
    await page.getByTestId('coupon-template-WINBACK20').click();
    await page.getByTestId('coupon-row').first().waitFor();
    expect(await page.getByTestId('nav-coupons').textContent()).toBe('优惠券');
    expect(await page.getByTestId('coupon-template-WINBACK20').textContent()).toContain('发放后 14 天内');
    await shoot(page, '83-coupons-zh');
    await page.getByTestId('coupon-template-new').click();
    await page.getByTestId('coupon-template-save').click();
    await page.getByTestId('coupon-template-dialog').getByText('请填写模板名称').waitFor();
    await shoot(page, '84-coupons-form-zh');
  });

  test('an analyst sees the Coupons page read-only and is refused changes', async ({ pageAs, shoot }) => {
    const page = await pageAs('analyst');
    await page.goto('/coupons');
    await page.getByTestId('read-only-badge').waitFor();
    await page.getByTestId('coupon-template-WINBACK20').click();
    await page.getByTestId('coupon-row').first().waitFor();
    expect(await page.getByTestId('coupon-template-new').count()).toBe(0);
    expect(await page.getByTestId('coupon-template-edit').count()).toBe(0);
    expect(await page.getByTestId('coupon-redeem').count()).toBe(0);
    await shoot(page, '85-coupons-analyst');
    const status = await page.evaluate(async () => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const res = await fetch('/api/v1/coupon-templates/SNEAKY', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ name: 'x', kind: 'gift', validityDays: 1 }),
      });
      return res.status;
    });
    expect(status).toBe(403);
  });
});
