import { describe } from 'vitest';
import type { RunningServer } from '../fixtures/server.ts';
import { expect, test } from '../fixtures/test.ts';

async function call(server: RunningServer, method: string, path: string, body?: unknown) {
  const res = await server.fetch(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return res.json();
}

const paidCard = {
  name: '黑卡',
  type: 'paid',
  billing: { period: 'yearly', price: 199, term: 1, autoRenew: true, graceDays: 7 },
  numbering: { prefix: '8801', digits: 10 },
  benefits: {
    pointsMultiplier: 2,
    freeShipping: true,
    discountPercent: 5,
    couponPack: ['CARD_MONTHLY'],
    memberDay: '每月 8 日双倍积分',
  },
};

describe('membership cards', () => {
  test('a marketer creates a paid card with a coupon pack and numbers; the member page shows the card and its benefits', async ({
    pageAs,
    server,
    shoot,
  }) => {
    await call(server, 'PUT', '/api/v1/coupon-templates/CARD_MONTHLY', {
      name: 'Monthly 10 off',
      kind: 'amount_off',
      value: 10,
      validityDays: 30,
    });
    await call(server, 'POST', '/api/v1/members', { members: [{ id: 'card-1', name: 'Lin Mei' }] });
    const page = await pageAs('marketer');
    await page.goto('/cards');
    await page.getByTestId('cards-page').waitFor();
    await page.getByText('No card kinds yet.').waitFor();

    await page.getByTestId('card-kind-new').click();
    const dialog = page.getByTestId('card-kind-dialog');
    await dialog.getByTestId('card-key').fill('black_card');
    await dialog.getByTestId('card-name').fill('Black card');
    await dialog.getByTestId('card-type').selectOption('paid');
    await dialog.getByTestId('card-period').selectOption('yearly');
    await dialog.getByTestId('card-price').fill('199');
    await dialog.getByTestId('card-autoRenew').check();
    await dialog.getByTestId('card-prefix').fill('8801');
    await dialog.getByTestId('card-multiplier').fill('2');
    await dialog.getByTestId('card-freeShipping').check();
    await dialog.getByTestId('card-discount').fill('5');
    await dialog.getByTestId('card-pack-CARD_MONTHLY').check();
    await dialog.getByTestId('card-memberDay').fill('8th of every month: double points');
    await shoot(page, 'cards-form-en');
    await dialog.getByTestId('card-kind-save').click();
    await page.getByText('Card kind “Black card” saved.').waitFor();
    const row = page.getByTestId('card-kind-row').filter({ hasText: 'Black card' });
    const rowText = await row.textContent();
    for (const s of [
      'Paid',
      '199 per 1 year',
      '7 days’ grace',
      'auto-renews',
      '×2 points',
      'Free shipping',
      '5% off every order',
      'Monthly coupons: CARD_MONTHLY',
    ])
      expect(rowText).toContain(s);

    await row.getByTestId('card-generate').click();
    const gen = page.getByTestId('card-generate-dialog');
    await gen.getByTestId('card-generate-count').fill('50');
    await gen.getByTestId('card-generate-submit').click();
    await page.getByText(/50 card numbers generated for “Black card”, e\.g\. 8801\d{11}\./).waitFor();
    await expect.poll(() => row.textContent()).toContain('50');
    // Numbers printed elsewhere go into the pool; one already known is named, not added.
    await row.getByTestId('card-import').click();
    const imp = page.getByTestId('card-import-dialog');
    await imp.getByTestId('card-import-numbers').fill('880100000000017\n880100000000017');
    await imp.getByTestId('card-import-submit').click();
    await page.getByText('1 card numbers imported into “Black card”. 1 already known, not added: 880100000000017.').waitFor();
    await expect.poll(() => row.textContent()).toContain('51');

    // Staff issue the card on the member's page: it shows with its number, status and benefits.
    await page.goto('/members/card-1');
    const panel = page.getByTestId('member-cards');
    await panel.getByText('No cards.').waitFor();
    await panel.getByTestId('issue-card').click();
    const issue = page.getByTestId('issue-card-dialog');
    await issue.getByTestId('issue-card-kind').selectOption('black_card');
    await issue.getByTestId('issue-card-payment').fill('PAY-E2E-1');
    await issue.getByTestId('issue-card-submit').click();
    await page.getByText(/Card 8801\d{11} issued\./).waitFor();
    const face = panel.getByTestId('member-card');
    await face.waitFor();
    expect(await face.getByTestId('card-status').textContent()).toBe('Active');
    expect(await face.getByTestId('member-card-number').textContent()).toMatch(/^8801\d{11}$/);
    const benefits = await face.getByTestId('member-card-benefits').textContent();
    for (const s of [
      '×2 points',
      'Free shipping',
      '5% off every order',
      'Monthly coupons: CARD_MONTHLY',
      'Member day: 8th of every month: double points',
    ])
      expect(benefits).toContain(s);
    expect(await face.textContent()).toContain('Coupons from its pack: 1');
    // The pack's first coupon is among the member's coupons.
    await page.getByTestId('member-coupons').getByText('CARD_MONTHLY', { exact: true }).waitFor();
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shoot(page, 'cards-member-en');

    await page.goto('/cards');
    await page.getByTestId('card-kind-row').filter({ hasText: 'Black card' }).getByTestId('card-holders').click();
    await page.getByTestId('card-holder-list').getByText('card-1').waitFor();
    await shoot(page, 'cards-page-en');
  });

  test('in Chinese: the card kinds, their holders and the member’s card', async ({ page, server, shoot }) => {
    await call(server, 'PUT', '/api/v1/coupon-templates/CARD_MONTHLY', {
      name: '每月 10 元券',
      kind: 'amount_off',
      value: 10,
      validityDays: 30,
    });
    await call(server, 'PUT', '/api/v1/card-kinds/black_card_zh', paidCard);
    await call(server, 'PUT', '/api/v1/card-kinds/club_zh', {
      name: '会员俱乐部卡',
      type: 'free',
      benefits: { discountPercent: 2 },
    });
    await call(server, 'POST', '/api/v1/members', { members: [{ id: 'card-2', name: '王芳' }] });
    await call(server, 'POST', '/api/v1/members/card-2/cards', { kind: 'black_card_zh', paymentRef: 'PAY-ZH-1' });
    await call(server, 'POST', '/api/v1/members/card-2/cards', { kind: 'club_zh', phone: '+86 138 0000 0000' });

    await page.addInitScript(() => window.localStorage.setItem('memberflow.locale', 'zh-CN'));
    await page.goto('/cards');
    await page.getByRole('heading', { name: '会员卡' }).first().waitFor();
    const row = page.getByTestId('card-kind-row').filter({ hasText: '黑卡' });
    const text = await row.textContent();
    for (const s of ['付费卡', '宽限 7 天', '自动续费', '积分 ×2', '包邮', '每单 5% 折扣', '每月券包：CARD_MONTHLY'])
      expect(text).toContain(s);
    await row.getByTestId('card-holders').click();
    await page.getByTestId('card-holder-list').getByText('card-2').waitFor();
    await shoot(page, 'cards-page-zh');

    await page.goto('/members/card-2');
    const faces = page.getByTestId('member-cards').getByTestId('member-card');
    await expect.poll(() => faces.count()).toBe(2);
    const black = faces.filter({ hasText: '黑卡' });
    expect(await black.getByTestId('card-status').textContent()).toBe('有效');
    expect(await black.textContent()).toContain('会员日：每月 8 日双倍积分');
    expect(await faces.filter({ hasText: '会员俱乐部卡' }).textContent()).toContain('长期有效');
    await page.getByTestId('member-cards').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shoot(page, 'cards-member-zh');
  });
});
