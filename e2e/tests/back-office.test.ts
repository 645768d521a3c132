import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import type { RunningServer } from '../fixtures/server.ts';
import { expect, test } from '../fixtures/test.ts';

/**
 * The loyalty back office, as the issue's "done when" tells it: a marketer creates a win-back
 * coupon (WINBACK25: the demo seeds the recipes' WINBACK20) on the Coupons page, picks it in a
 * workflow's Issue coupon step and publishes; a purchase issues it; the member page and the
 * Coupons page show it; an analyst sees the same pages read-only.
 * Screenshots of each page, in English and Chinese, go to e2e/artifacts (80-*.png).
 */
const BUYER = 'bo-buyer-1';
let workflowId = '';

/** Purchase → Issue coupon → Exit: the smallest workflow that issues a coupon on a purchase. */
const definition = {
  schemaVersion: 1,
  settings: { entry: 'every_time', exitOnGoal: null },
  nodes: [
    {
      id: 'trigger',
      kind: 'event_trigger',
      label: 'Purchase',
      position: { x: 0, y: 0 },
      config: { eventType: 'purchase', filters: [] },
    },
    {
      id: 'coupon',
      kind: 'issue_coupon',
      label: 'Win-back coupon',
      position: { x: 0, y: 150 },
      config: { template: 'COMEBACK10', validityDays: 30 },
    },
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
  test('a marketer creates WINBACK25 on the Coupons page, with field errors on the way', async ({ pageAs, shoot }) => {
    const page = await pageAs('marketer');
    await page.goto('/');
    await page.getByTestId('nav-coupons').click();
    await page.getByTestId('coupons-page').waitFor();
    await page.getByTestId('coupon-template-new').click();
    const dialog = page.getByTestId('coupon-template-dialog');
    await dialog.getByTestId('coupon-key').fill('winback25');
    await dialog.getByTestId('coupon-template-save').click();
    // Named under the field, by the shared schema the server also parses with.
    await dialog.getByText('give the template a name').waitFor();
    await dialog.getByTestId('coupon-name').fill('Win back: 20 off 100');
    await dialog.getByTestId('coupon-value').fill('20');
    await dialog.getByTestId('coupon-minSpend').fill('100');
    await dialog.getByTestId('coupon-validityDays').fill('14');
    await shoot(page, '80-coupons-form-en');
    await dialog.getByTestId('coupon-template-save').click();
    await page.getByTestId('notice').filter({ hasText: 'Created WINBACK25' }).waitFor();
    const row = page.getByTestId('coupon-template-WINBACK25');
    expect(await row.textContent()).toContain('20 off');
    expect(await row.textContent()).toContain('14 days after issue');
    expect(await row.textContent()).toContain('min. spend 100');
  });

  test('the marketer picks it in a workflow’s Issue coupon step and publishes', async ({ pageAs, server, shoot }) => {
    const created = await server.fetch('/api/v1/workflows', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Back-office win-back', definition }),
    });
    expect(created.status).toBe(201);
    workflowId = ((await created.json()) as { id: string }).id;
    const page = await pageAs('marketer');
    await page.goto(`/workflows/${workflowId}`);
    // The canvas is a chunk of its own: on a busy machine it takes more than a poll's second.
    await page.getByTestId('node-coupon').waitFor();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(3);
    await page.getByTestId('node-coupon').click();
    const field = page.locator('#node-coupon-template');
    // A template that does not exist yet is created in place, without leaving the canvas.
    await field.fill('INPLACE5');
    await page.getByTestId('issue-coupon-new-template').click();
    const dialog = page.getByTestId('coupon-template-dialog');
    expect(await dialog.getByTestId('coupon-key').inputValue()).toBe('INPLACE5');
    await dialog.getByTestId('coupon-name').fill('Five off');
    await dialog.getByTestId('coupon-value').fill('5');
    await dialog.getByTestId('coupon-template-save').click();
    await page.getByText('Five off · 5 off · valid 30 days').waitFor();
    expect(await field.inputValue()).toBe('INPLACE5');
    await field.fill('WINBACK25');
    // The picker knows the template: its hint describes it.
    await page.getByText('Win back: 20 off 100 · 20 off on spend ≥ 100 · valid 14 days').waitFor();
    await shoot(page, '81-issue-coupon-picker-en');
    await expect.poll(() => page.getByTestId('problems').textContent()).toContain('No problems');
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-confirm').click();
    await page.getByTestId('notice').filter({ hasText: 'Published as version 1' }).waitFor();
  });

  test('a purchase issues the coupon: the member page and the Coupons page show it; staff redeem it', async ({
    pageAs,
    server,
    shoot,
  }) => {
    expect(workflowId).not.toBe('');
    await purchase(server, BUYER, 180);
    const page = await pageAs('marketer');
    await page.goto(`/members/${BUYER}`);
    const coupons = page.getByTestId('member-coupons');
    await expect
      .poll(async () => ((await coupons.count()) ? await coupons.textContent() : ''), { timeout: 20_000, interval: 500 })
      .toContain('WINBACK25');

    await page.goto('/coupons');
    const row = page.getByTestId('coupon-template-WINBACK25');
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
    await page
      .getByTestId('notice')
      .filter({ hasText: /Redeemed .*: 20 off/ })
      .waitFor();
    await expect.poll(() => row.getByTestId('count-redeemed').textContent(), { timeout: 10_000 }).toBe('1');
    expect(await page.getByTestId('coupon-row').first().textContent()).toContain('Redeemed');
  });

  test('in Chinese: the Coupons page and the form', async ({ pageAs, shoot }) => {
    const page = await pageAs('marketer');
    await inChinese(page);
    await page.goto('/coupons');
    await page.getByTestId('coupon-template-WINBACK25').click();
    await page.getByTestId('coupon-row').first().waitFor();
    expect(await page.getByTestId('nav-coupons').textContent()).toBe('优惠券');
    expect(await page.getByTestId('coupon-template-WINBACK25').textContent()).toContain('发放后 14 天内');
    await shoot(page, '83-coupons-zh');
    await page.getByTestId('coupon-template-new').click();
    await page.getByTestId('coupon-template-save').click();
    await page.getByTestId('coupon-template-dialog').getByText('请填写模板名称').waitFor();
    await shoot(page, '84-coupons-form-zh');
  });

  test('a marketer changes the points rule; the preview says what it gives and the next purchase earns by it', async ({
    pageAs,
    server,
    shoot,
  }) => {
    const page = await pageAs('marketer');
    await page.goto('/points');
    const perUnit = page.getByTestId('points-per-unit');
    await perUnit.fill('-1');
    await page.getByText('must be a number in range').waitFor();
    expect(await page.getByTestId('points-save').isDisabled()).toBe(true);
    await perUnit.fill('3');
    // The preview starts at the top of the demo's ladder: ask for a member without a tier.
    await page.getByTestId('preview-tier').selectOption('');
    await expect
      .poll(() => page.getByTestId('points-preview').textContent())
      .toContain('A 250 purchase by a member without a tier earns 750 points.');
    await page.getByTestId('points-save').click();
    await page.getByTestId('notice').filter({ hasText: 'the next events earn by these rules' }).waitFor();
    await shoot(page, '86-points-en');

    await purchase(server, 'bo-buyer-2', 250);
    await page.goto('/members/bo-buyer-2');
    await expect
      .poll(() => page.getByTestId('points-balance').textContent(), { timeout: 20_000, interval: 500 })
      .toBe('Balance 750');
    expect(await page.getByTestId('points-entry').first().textContent()).toContain('+750');
  });

  test('a marketer sets up the tier ladder; members per tier show; the points preview uses the multiplier', async ({
    pageAs,
    server,
    shoot,
  }) => {
    // The demo seeds a ladder (the recipes name gold): this marketer starts from none.
    expect((await server.fetch('/api/v1/tiers', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tiers: [] }) })).status).toBe(200);
    const page = await pageAs('marketer');
    await page.goto('/tiers');
    await page.getByTestId('tier-add').click();
    await page.getByTestId('tier-0-key').fill('silver');
    await page.getByTestId('tier-0-name').fill('Silver');
    await page.getByTestId('tier-0-threshold').fill('100');
    await page.getByTestId('tier-0-benefits').fill('Free delivery');
    await page.getByTestId('tier-add').click();
    await page.getByTestId('tier-1-key').fill('gold');
    await page.getByTestId('tier-1-name').fill('Gold');
    await page.getByTestId('tier-1-threshold').fill('');
    // Named by row and column before anything is sent.
    await page.getByTestId('tier-problems').filter({ hasText: 'Row 2, Threshold' }).waitFor();
    await page.getByTestId('tier-1-threshold').fill('1000');
    await page.getByTestId('tier-1-pointsMultiplier').fill('2');
    await page.getByTestId('tiers-save').click();
    await page.getByTestId('notice').filter({ hasText: 're-rated to the new ladder' }).waitFor();
    await page.getByTestId('tier-members-chart').waitFor();
    // Members are re-rated in the background; the ladder shows how far.
    await expect.poll(() => page.getByTestId('tier-review').textContent(), { timeout: 15_000 }).toMatch(/Re-rating members to the new ladder: [\d,]+ of [\d,]+\.|All [\d,]+ members are rated/);
    await shoot(page, '87-tiers-en');

    await page.goto('/points');
    await page.getByTestId('preview-tier').selectOption('gold');
    await expect
      .poll(() => page.getByTestId('points-preview').textContent())
      .toContain('A 250 purchase by a Gold member earns 1,500 points.');
  });

  test('on the member page a marketer edits tags and adjusts points with a reason; the coupon is there to redeem', async ({
    pageAs,
    shoot,
  }) => {
    const page = await pageAs('marketer');
    await page.goto(`/members/${BUYER}`);
    await page.getByTestId('member-edit').click();
    await page.getByTestId('member-tags').fill('vip, winback');
    await page.getByTestId('member-email').fill('not-an-email');
    await page.getByTestId('member-profile-save').click();
    await page.getByText('must be an email address').waitFor();
    await page.getByTestId('member-email').fill('buyer@example.com');
    await page.getByTestId('member-profile-save').click();
    await page.getByTestId('notice').filter({ hasText: 'Saved the profile' }).waitFor();
    await expect.poll(() => page.getByTestId('member-profile').textContent()).toContain('vip, winback');

    await page.getByTestId('points-adjust').click();
    await page.getByTestId('adjust-delta').fill('50');
    await page.getByTestId('confirm-button').click();
    await page.getByText('say why').waitFor();
    await page.getByTestId('adjust-reason').fill('Goodwill: late delivery');
    await page.getByTestId('confirm-button').click();
    await page.getByTestId('notice').filter({ hasText: 'Points adjusted' }).waitFor();
    await expect.poll(() => page.getByTestId('points-entry').first().textContent()).toContain('Goodwill: late delivery');
    await page.getByTestId('orders').getByTestId('order-row').first().waitFor();
    await shoot(page, '88-member-en');
  });

  test('in Chinese: Points, Tiers and the member page', async ({ pageAs, shoot }) => {
    const page = await pageAs('marketer');
    await inChinese(page);
    await page.goto('/points');
    await page.getByTestId('preview-tier').selectOption('gold');
    await expect.poll(() => page.getByTestId('points-preview').textContent()).toContain('Gold会员消费 250，获得 1,500 积分。');
    await shoot(page, '89-points-zh');
    await page.goto('/tiers');
    await page.getByTestId('tier-members-chart').waitFor();
    await shoot(page, '8a-tiers-zh');
    await page.goto(`/members/${BUYER}`);
    await page.getByTestId('points-entry').first().waitFor();
    expect(await page.getByTestId('points-ledger').textContent()).toContain('积分明细');
    await shoot(page, '8b-member-zh');
    // A refused adjustment names its field in Chinese.
    await page.getByTestId('points-adjust').click();
    await page.getByTestId('adjust-delta').fill('10');
    await page.getByTestId('confirm-button').click();
    await page.getByText('请说明原因').waitFor();
    await shoot(page, '8f-adjust-points-zh');
    await page.getByRole('button', { name: '取消' }).click();
  });

  test('a marketer sets the contact policy: the cap and default quiet hours, saved for every process', async ({
    pageAs,
    shoot,
  }) => {
    const page = await pageAs('marketer');
    await page.goto('/settings');
    expect(await page.getByTestId('policy-source').textContent()).toContain('2 per 7 days');
    await page.getByTestId('policy-cap-count').fill('');
    await page.getByText('must be a number in range').waitFor();
    await page.getByTestId('policy-cap-count').fill('1');
    await page.getByTestId('policy-quiet').check();
    await page.getByTestId('policy-quiet-start').fill('22:00');
    await page.getByTestId('policy-mode-skip').check();
    await page.getByTestId('policy-save').click();
    await page.getByTestId('notice').filter({ hasText: 'every process applies it' }).waitFor();
    await expect.poll(() => page.getByTestId('policy-source').textContent()).toContain('Last changed by marketer@e2e.example');
    await shoot(page, '8d-settings-en');
    await inChinese(page);
    await page.goto('/settings');
    await expect.poll(() => page.getByTestId('policy-source').textContent()).toContain('最近由 marketer@e2e.example');
    expect(await page.getByTestId('policy-cap-count').inputValue()).toBe('1');
    await shoot(page, '8e-settings-zh');
  });

  test('a marketer imports members from a CSV file: a progress bar, then the problems by line and field', async ({
    pageAs,
    server,
    shoot,
  }) => {
    const page = await pageAs('marketer');
    await page.goto('/members');
    await page.getByTestId('member-import').click();
    const csv = [
      'id,name,email,tags',
      'imp-1,Wang Fang,wang@example.com,vip;coffee',
      'imp-2,Li Na,not-an-email,',
      'imp-3,Zhao Lei,zhao@example.com,',
    ].join('\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-start').click();
    await expect.poll(() => page.getByTestId('import-progress').getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    expect(await page.getByTestId('import-summary').textContent()).toBe('Done: 3 of 3 lines read, 1 with problems.');
    expect(await page.getByTestId('import-errors').textContent()).toContain('3emailmust be an email address');
    await shoot(page, '8g-import-en');
    const res = await server.fetch('/api/v1/members/imp-1');
    expect(await res.json()).toMatchObject({ name: 'Wang Fang', tags: ['vip', 'coffee'] });
  });

  test('an analyst sees the Coupons page read-only and is refused changes', async ({ pageAs, shoot }) => {
    const page = await pageAs('analyst');
    await page.goto('/coupons');
    await page.getByTestId('read-only-badge').waitFor();
    await page.getByTestId('coupon-template-WINBACK25').click();
    await page.getByTestId('coupon-row').first().waitFor();
    expect(await page.getByTestId('coupon-template-new').count()).toBe(0);
    expect(await page.getByTestId('coupon-template-edit').count()).toBe(0);
    expect(await page.getByTestId('coupon-redeem').count()).toBe(0);
    await shoot(page, '85-coupons-analyst');

    await page.goto('/points');
    await page.getByTestId('points-preview').waitFor();
    expect(await page.getByTestId('points-save').count()).toBe(0);
    expect(await page.getByTestId('points-per-unit').isDisabled()).toBe(true);
    await page.goto('/tiers');
    await page.getByTestId('tier-row').first().waitFor();
    expect(await page.getByTestId('tiers-save').count()).toBe(0);
    expect(await page.getByTestId('tier-add').count()).toBe(0);
    expect(await page.getByTestId('tier-0-key').isDisabled()).toBe(true);
    await page.goto(`/members/${BUYER}`);
    await page.getByTestId('points-entry').first().waitFor();
    expect(await page.getByTestId('member-edit').count()).toBe(0);
    expect(await page.getByTestId('points-adjust').count()).toBe(0);
    expect(await page.getByTestId('coupon-redeem').count()).toBe(0);
    await shoot(page, '8c-member-analyst');
    await page.goto('/members');
    await page.getByTestId('members-page').waitFor();
    expect(await page.getByTestId('member-import').count()).toBe(0);
    await page.goto('/settings');
    await page.getByTestId('contact-policy').waitFor();
    expect(await page.getByTestId('policy-save').count()).toBe(0);
    expect(await page.getByTestId('policy-cap-count').isDisabled()).toBe(true);
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
