import { describe } from 'vitest';
import { expect, test } from '../fixtures/test.ts';

describe('archiving a coupon template', () => {
  test('asks first, hides the template, shows it on request with a badge, and restores it', async ({ page, server, shoot }) => {
    const put = await server.fetch('/api/v1/coupon-templates/OLDSALE', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Old sale 5 off', kind: 'amount_off', value: 5, minSpend: 0, validityDays: 7 }),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    await page.goto('/coupons');
    const row = page.getByTestId('coupon-template-OLDSALE');
    await row.waitFor();
    await row.getByTestId('coupon-template-archive').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByText('Workflows will issue no more “Old sale 5 off” coupons').waitFor();
    await shoot(page, '123-coupon-archive-confirm');
    await dialog.getByRole('button', { name: 'Archive' }).click();
    await page.getByText('OLDSALE archived: it issues no more coupons.').waitFor();
    await expect.poll(() => row.count()).toBe(0);

    await page.getByTestId('coupon-show-archived').check();
    await row.getByTestId('coupon-template-archived').waitFor();
    await shoot(page, '124-coupon-archived-shown');
    const listed = (await (await server.fetch('/api/v1/coupon-templates')).json()) as { templates: { key: string; archivedAt: number | null }[] };
    expect(listed.templates.find((t) => t.key === 'OLDSALE')?.archivedAt).toEqual(expect.any(Number));

    await row.getByTestId('coupon-template-restore').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Restore' }).click();
    await page.getByText('OLDSALE restored: workflows issue it again.').waitFor();
    await expect.poll(() => row.getByTestId('coupon-template-archived').count()).toBe(0);
    await expect.poll(() => page.getByTestId('coupon-show-archived').count()).toBe(0);
  });

  test('in Chinese, the dialog and the badge are in Chinese', async ({ page, server }) => {
    const put = await server.fetch('/api/v1/coupon-templates/OLDZH', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '旧活动券', kind: 'amount_off', value: 5, minSpend: 0, validityDays: 7 }),
    });
    expect(put.status).toBe(200);
    await page.addInitScript(() => window.localStorage.setItem('memberflow.locale', 'zh-CN'));
    await page.goto('/coupons');
    const row = page.getByTestId('coupon-template-OLDZH');
    await row.getByTestId('coupon-template-archive').click();
    await page.getByTestId('confirm-dialog').getByText('流程将不再发放“旧活动券”优惠券').waitFor();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: '归档' }).click();
    await page.getByText('OLDZH 已归档：不再发放优惠券。').waitFor();
    await page.getByTestId('coupon-show-archived').check();
    expect(await row.getByTestId('coupon-template-archived').textContent()).toBe('已归档');
  });
});
