import { describe } from 'vitest';
import type { RunningServer } from '../fixtures/server.ts';
import { expect, test } from '../fixtures/test.ts';

async function call(server: RunningServer, method: string, path: string, body?: unknown) {
  const res = await server.fetch(path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

/** A member holding points, as earning would have left them. */
async function memberWithPoints(server: RunningServer, id: string, points: number) {
  await call(server, 'POST', '/api/v1/members', { members: [{ id, name: id === 'mall-1' ? 'Lin Mei' : '王芳' }] });
  await call(server, 'POST', `/api/v1/members/${id}/points/award`, { points, reason: 'welcome bonus', idempotencyKey: `seed-${id}` });
}

describe('the points mall', () => {
  test('a marketer creates a reward (the form names a missing cash part), staff redeem it on the member page, and the mall shows it', async ({ pageAs, server, shoot }) => {
    await memberWithPoints(server, 'mall-1', 2000);
    const page = await pageAs('marketer');
    await page.goto('/points-mall');
    await page.getByTestId('points-mall-page').waitFor();
    await page.getByText('No rewards yet.').waitFor();

    await page.getByTestId('mall-item-new').click();
    const dialog = page.getByTestId('mall-item-dialog');
    await dialog.getByTestId('mall-key').fill('tote_bag');
    await dialog.getByTestId('mall-name').fill('Canvas tote bag');
    await dialog.getByTestId('mall-pricing').selectOption('cash_points');
    await dialog.getByTestId('mall-points').fill('800');
    await dialog.getByTestId('mall-stock').fill('3');
    await dialog.getByTestId('mall-perMemberLimit').fill('1');
    await dialog.getByTestId('mall-limitPeriod').selectOption('month');
    await dialog.getByTestId('mall-item-save').click();
    // The shared schema's rule between fields, in the form's own words, under the cash field.
    await dialog.getByText('A cash + points price needs a cash amount greater than 0.').waitFor();
    await shoot(page, 'points-mall-form-error');
    await dialog.getByTestId('mall-cash').fill('19.9');
    await dialog.getByTestId('mall-item-save').click();
    await page.getByText('Reward TOTE_BAG created.').waitFor();
    const row = page.getByTestId('mall-item-TOTE_BAG');
    expect(await row.textContent()).toContain('800 pts + 19.9');
    expect(await row.getByTestId('mall-stock').textContent()).toBe('3');
    expect(await row.textContent()).toContain('1 per month');

    // Staff on the member's page: Redeem reward, then the redemption is listed there.
    await page.goto('/members/mall-1');
    const panel = page.getByTestId('member-mall-panel');
    await panel.getByText('No redemptions yet.').waitFor();
    await panel.getByTestId('member-redeem-reward').click();
    const redeem = page.getByTestId('confirm-dialog');
    await redeem.getByText('The member has 2,000 points.').waitFor();
    await redeem.getByRole('button', { name: 'Redeem' }).click();
    await page.getByText('Canvas tote bag redeemed for 800 points.').waitFor();
    const redemption = panel.getByTestId('mall-redemption-row');
    await redemption.waitFor();
    expect(await redemption.textContent()).toContain('Canvas tote bag');
    expect(await redemption.textContent()).toContain('19.9');
    expect(await redemption.getByTestId('mall-redemption-status').textContent()).toBe('Redeemed');
    await shoot(page, 'points-mall-member-redemption');

    // The limit holds: a second one this month is refused with the reason.
    await panel.getByTestId('member-redeem-reward').click();
    await redeem.getByRole('button', { name: 'Redeem' }).click();
    await redeem.getByText(/the limit is 1 per month/).waitFor();
    await redeem.getByRole('button', { name: 'Cancel' }).click();

    const points = (await (await server.fetch('/api/v1/members/mall-1/points')).json()) as { balance: number; ledger: { kind: string; delta: number; reason: string }[] };
    expect(points.balance).toBe(1200);
    expect(points.ledger).toContainEqual(expect.objectContaining({ kind: 'redeem', delta: -800, reason: 'points mall: TOTE_BAG' }));

    await page.goto('/points-mall');
    await expect.poll(() => page.getByTestId('mall-item-TOTE_BAG').getByTestId('mall-stock').textContent()).toBe('2');
    await page.getByTestId('mall-chart').waitFor();
    await page.getByTestId('mall-redemptions').getByText('mall-1').waitFor();
    await shoot(page, 'points-mall-page-en');
  });

  test('in Chinese: the catalogue, the chart and a refund from the list', async ({ page, server, shoot }) => {
    await memberWithPoints(server, 'mall-2', 1500);
    await call(server, 'PUT', '/api/v1/coupon-templates/MALL10', { name: '满100减10', kind: 'amount_off', value: 10, minSpend: 100, validityDays: 30 });
    await call(server, 'PUT', '/api/v1/points-mall/items/COUPON10', { name: '10元优惠券', kind: 'coupon', couponTemplate: 'MALL10', pricing: 'points', points: 300, stock: 50 });
    await call(server, 'PUT', '/api/v1/points-mall/items/MUG', { name: '品牌马克杯', kind: 'gift', pricing: 'cash_points', points: 500, cash: 9.9, stock: 10, perMemberLimit: 2, limitPeriod: 'year' });
    await call(server, 'POST', '/api/v1/points-mall/COUPON10/redeem', { memberId: 'mall-2', idempotencyKey: 'zh-1' });
    await call(server, 'POST', '/api/v1/points-mall/MUG/redeem', { memberId: 'mall-2', idempotencyKey: 'zh-2' });

    await page.addInitScript(() => window.localStorage.setItem('memberflow.locale', 'zh-CN'));
    await page.goto('/points-mall');
    await page.getByRole('heading', { name: '积分商城' }).waitFor();
    expect(await page.getByTestId('mall-item-MUG').textContent()).toContain('500 积分 + 9.9');
    expect(await page.getByTestId('mall-item-MUG').textContent()).toContain('每年 2 次');
    await page.getByTestId('mall-chart').waitFor();
    // The server is shared with the test before: its member's redemption is listed too.
    const rows = page.getByTestId('mall-redemption-row').filter({ hasText: 'mall-2' });
    await expect.poll(() => rows.count()).toBe(2);
    await shoot(page, 'points-mall-page-zh');

    await rows.filter({ hasText: '品牌马克杯' }).getByTestId('mall-refund').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByRole('button', { name: '退回' }).click();
    await dialog.getByText('请说明原因').waitFor();
    await dialog.getByTestId('mall-refund-reason').fill('商品缺货');
    await dialog.getByRole('button', { name: '退回' }).click();
    await page.getByText('已退回：500 积分返还给 mall-2。').waitFor();
    await expect.poll(() => page.getByTestId('mall-item-MUG').getByTestId('mall-stock').textContent()).toBe('10');
    const points = (await (await server.fetch('/api/v1/members/mall-2/points')).json()) as { balance: number };
    expect(points.balance).toBe(1200);
  });
});
