import { buildWorkflow } from '@memberflow/shared/templates/build';
import { describe } from 'vitest';
import { expect, test } from '../fixtures/test.ts';

// Purchase → a coupon of a template nobody has created yet → end.
const thanks = () =>
  buildWorkflow({
    nodes: [
      ['trigger', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
      ['coupon', 'issue_coupon', 'Thank-you coupon', { template: 'THANKS30', validityDays: 30 }],
      ['done', 'exit', 'Done', { reason: 'thanked' }],
    ],
    edges: [
      ['trigger', 'next', 'coupon'],
      ['coupon', 'next', 'done'],
    ],
  });

describe('a workflow naming what does not exist', () => {
  test('a coupon template that does not exist is a problem on the Issue coupon step, in English and Chinese; publishing waits until it is created', async ({ page, server, screenshot }) => {
    const res = await server.fetch('/api/v1/workflows', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Thank-you coupon', definition: thanks() }) });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };

    await page.goto(`/workflows/${id}`);
    const problems = page.getByTestId('problems');
    await expect.poll(() => problems.textContent(), { timeout: 10_000 }).toContain('Coupon template "THANKS30" does not exist: create it on the Coupons page before publishing');
    expect(await page.getByTestId('node-coupon').getAttribute('data-invalid')).toBe('true');
    expect(await page.getByTestId('publish').isDisabled()).toBe(true);
    // The problem leads to the field, and is said under it.
    await page.getByTestId('problem').first().click();
    const inspector = page.getByTestId('node-inspector');
    await inspector.getByText('Coupon template "THANKS30" does not exist', { exact: false }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('node-coupon-template');
    await screenshot('95-missing-coupon-template-en');

    // The API refuses it too, naming the node and field.
    const refused = await server.fetch(`/api/v1/workflows/${id}/publish`, { method: 'POST' });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { violations: unknown[] }).violations).toEqual([
      { code: 'unknown_reference', nodeId: 'coupon', field: 'config.template', message: 'Coupon template "THANKS30" does not exist', i18n: { key: 'references.missing.couponTemplate', vars: { key: 'THANKS30' } } },
    ]);

    await page.evaluate(() => window.localStorage.setItem('memberflow.locale', 'zh-CN'));
    await page.reload();
    await expect.poll(() => problems.textContent(), { timeout: 10_000 }).toContain('优惠券模板“THANKS30”不存在：发布前请先在“优惠券”页面创建');
    await page.getByTestId('node-coupon').click();
    await inspector.getByText('优惠券模板“THANKS30”不存在', { exact: false }).waitFor();
    expect(await page.getByTestId('publish').isDisabled()).toBe(true);
    await screenshot('96-missing-coupon-template-zh');

    // Created on the Coupons page's API, the template exists: the problem goes and the workflow publishes.
    const created = await server.fetch('/api/v1/coupon-templates/THANKS30', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Thanks: 30 off', kind: 'amount_off', value: 30, minSpend: 100, validityDays: 30 }),
    });
    expect(created.status, await created.clone().text()).toBe(200);
    await page.reload();
    await expect.poll(() => problems.textContent(), { timeout: 10_000 }).not.toContain('THANKS30');
    await expect.poll(() => page.getByTestId('publish').isDisabled()).toBe(false);
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-confirm').click();
    await expect
      .poll(async () => ((await (await server.fetch(`/api/v1/workflows/${id}`)).json()) as { liveVersion: number | null }).liveVersion, { timeout: 10_000 })
      .toBe(1);
    await screenshot('97-missing-coupon-template-created-zh');
  });
});
