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

/**
 * Earning rules on the Points page: a marketer adds a 7-day sign-in streak bonus, daily and
 * monthly limits (the form names a monthly limit below the daily one) and a protection period,
 * and the preview says what a streak earns. On a member's page staff gift points with a reason.
 * Screenshots: e2e/artifacts/8a-earning-*.png.
 */
describe('earning rules', () => {
  test('a marketer sets a streak bonus, limits and a protection period; the preview says what a 7-day streak earns', async ({
    pageAs,
    server,
    shoot,
  }) => {
    const page = await pageAs('marketer');
    await page.goto('/points');
    await page.getByTestId('streak-add').click();
    await page.getByTestId('streak-day').fill('7');
    await page.getByTestId('streak-points').fill('20');
    await page.getByTestId('cap-daily').fill('100');
    await page.getByTestId('cap-monthly').fill('50');
    await page.getByText('must be at least the daily limit (or empty)').waitFor();
    expect(await page.getByTestId('points-save').isDisabled()).toBe(true);
    await page.getByTestId('cap-monthly').fill('2000');
    await page.getByTestId('protection-days').fill('7');
    const signIn = Number(await page.getByTestId('points-sign-in').inputValue());
    await expect
      .poll(() => page.getByTestId('preview-streak').textContent())
      .toBe(`A 7-day sign-in streak earns ${7 * signIn + 20} points in all (sign-ins and bonuses).`);
    await page.getByTestId('preview-protection').waitFor();
    await page.getByTestId('points-save').click();
    await page.getByTestId('notice').waitFor();
    await page.getByTestId('streak-panel').scrollIntoViewIfNeeded();
    await shoot(page, '8a-earning-points-en');
    const saved = (await call(server, 'GET', '/api/v1/loyalty/program')) as Record<string, unknown>;
    expect(saved).toMatchObject({
      signInStreak: { bonuses: [{ day: 7, points: 20, repeatEvery: 0 }] },
      earningCaps: { daily: 100, monthly: 2000 },
      protectionDays: 7,
    });
    // Put the programme back for the other tests sharing this server.
    await call(server, 'PUT', '/api/v1/loyalty/program', {
      ...saved,
      signInStreak: { bonuses: [] },
      earningCaps: { daily: 0, monthly: 0 },
      protectionDays: 0,
    });
  });

  test('staff gift points with a reason on the member page; the ledger shows the gift', async ({ pageAs, server, shoot }) => {
    await call(server, 'POST', '/api/v1/members', { members: [{ id: 'gift-1', name: 'Zhou Min' }] });
    const page = await pageAs('marketer');
    await page.goto('/members/gift-1');
    await page.getByTestId('points-adjust').click();
    await page.getByTestId('points-mode-gift').check();
    await page.getByTestId('adjust-delta').fill('300');
    await page.getByTestId('confirm-button').click();
    await page.getByText('say why').waitFor();
    await page.getByTestId('adjust-reason').fill('Prize: anniversary draw');
    await page.getByTestId('confirm-button').click();
    await page.getByTestId('notice').filter({ hasText: 'Points gifted' }).waitFor();
    await expect.poll(() => page.getByTestId('points-entry').first().textContent()).toContain('Prize: anniversary draw');
    expect(await page.getByTestId('points-entry').first().textContent()).toContain('Gift');
    await shoot(page, '8b-earning-gift-en');
  });
});

describe('earning rules in Chinese', () => {
  test('a capped, protected earning: the ledger says why in Chinese and the balance shows what is pending', async ({
    page,
    server,
    shoot,
  }) => {
    const before = (await call(server, 'GET', '/api/v1/loyalty/program')) as Record<string, unknown>;
    await call(server, 'PUT', '/api/v1/loyalty/program', {
      ...before,
      earn: { pointsPerUnit: 1, signIn: 5, referral: 100 },
      earningCaps: { daily: 100, monthly: 0 },
      protectionDays: 7,
    });
    await call(server, 'POST', '/api/v1/members', { members: [{ id: 'cap-1', name: '陈静' }] });
    await call(server, 'POST', '/api/v1/members/cap-1/points/gift', { points: 30, reason: '新会员礼' });
    await call(server, 'POST', '/api/v1/events', { type: 'purchase', memberId: 'cap-1', properties: { amount: 150 } });
    await page.addInitScript(() => window.localStorage.setItem('memberflow.locale', 'zh-CN'));
    await page.goto('/members/cap-1');
    await expect
      .poll(() => page.getByTestId('points-entry').first().textContent(), { timeout: 20_000, interval: 500 })
      .toContain('消费 · 已封顶：应得 150，每天最多 100');
    expect(await page.getByTestId('points-split').textContent()).toMatch(/^可用 30 · 100 待生效，至 /);
    await shoot(page, '8c-earning-capped-zh');
    await call(server, 'PUT', '/api/v1/loyalty/program', before);
  });
});
