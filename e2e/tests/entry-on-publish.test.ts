import { describe } from 'vitest';
import type { RunningServer } from '../fixtures/server.ts';
import { expect, test } from '../fixtures/test.ts';

const WINBACK = 'Churn early warning and win-back';
const DAY = 86_400_000;

async function getJson<T>(server: RunningServer, path: string): Promise<T> {
  const res = await server.fetch(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json() as Promise<T>;
}

/** Seeded members quiet for 90 days or more, counted from their stored last purchase through the members API alone. */
async function quietMembers(server: RunningServer): Promise<number> {
  let quiet = 0;
  for (let after: string | null = ''; after !== null; ) {
    const page: { members: { lastPurchaseAt: string | null }[]; next: string | null } = await getJson(server, `/api/v1/members?limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    quiet += page.members.filter((m) => m.lastPurchaseAt !== null && Date.parse(m.lastPurchaseAt) <= Date.now() - 90 * DAY).length;
    after = page.next;
  }
  return quiet;
}

async function journeysIn(server: RunningServer, id: string): Promise<number> {
  const stats = await getJson<{ journeys: Record<string, number> }>(server, `/api/v1/workflows/${id}/stats`);
  return Object.values(stats.journeys).reduce((a, b) => a + b, 0);
}

describe('who enters on publish', () => {
  test('publishing the demo win-back offers the members who already qualify, and they enter', async ({ page, server, shoot }) => {
    const { workflows } = await getJson<{ workflows: { id: string; name: string; status: string }[] }>(server, '/api/v1/workflows');
    const winback = workflows.find((w) => w.name === WINBACK)!;
    expect(winback.status).toBe('draft');
    const quiet = await quietMembers(server);
    // The demo's CDNOW customers last bought in 1997-98: every one of them has been quiet for years.
    expect(quiet).toBe(2357);

    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(`/workflows/${winback.id}`);
    await page.locator('.react-flow__node').nth(3).waitFor();
    await page.getByTestId('publish').click();
    const dialog = page.getByTestId('publish-dialog');
    const qualifying = dialog.getByTestId('entry-qualifying');
    await qualifying.waitFor({ timeout: 30_000 });
    expect(await qualifying.textContent()).toBe(`Members who already qualify: ${quiet.toLocaleString('en')}`);
    expect(await dialog.getByTestId('entry-reason').count()).toBeGreaterThan(0);
    const enterNow = dialog.locator('label', { has: page.getByTestId('entry-choice-qualified_now') });
    expect(await enterNow.textContent()).toContain(`Members who already qualify enter now (${quiet.toLocaleString('en')})`);

    // The choice is required: publishing without one asks for it and publishes nothing.
    await dialog.getByTestId('publish-confirm').click();
    expect(await dialog.textContent()).toContain('Choose who enters to continue.');
    expect((await getJson<{ status: string }>(server, `/api/v1/workflows/${winback.id}`)).status).toBe('draft');

    await dialog.getByTestId('entry-choice-qualified_now').check();
    await shoot(page, '80-publish-who-enters');
    await dialog.getByTestId('publish-confirm').click();
    await expect.poll(() => page.getByTestId('notice').textContent(), { timeout: 30_000 }).toBe(`Published as version 1; ${quiet.toLocaleString('en')} members who already qualified enter now`);

    // They enter through the real lanes: every one of them has a journey.
    await expect.poll(() => journeysIn(server, winback.id), { timeout: 150_000, interval: 1000 }).toBe(quiet);
    await page.goto(`/workflows/${winback.id}/dashboard`);
    await expect.poll(() => page.getByTestId('kpi-entered-value').textContent(), { timeout: 20_000 }).toBe(quiet.toLocaleString('en'));
    await shoot(page, '81-winback-entered');
  }, 240_000);

  test('resuming asks again, and a member trace explains the time trigger', async ({ page, server, shoot }) => {
    const { workflows } = await getJson<{ workflows: { id: string; name: string }[] }>(server, '/api/v1/workflows');
    // An event trigger asks nothing: it says which event members enter on, with the estimate's reasons.
    const nudge = workflows.find((w) => w.name === 'Second-purchase nudge')!;
    await page.goto(`/workflows/${nudge.id}`);
    await page.locator('.react-flow__node').nth(2).waitFor();
    await page.getByTestId('publish').click();
    const publishDialog = page.getByTestId('publish-dialog');
    expect(await publishDialog.getByTestId('entry-on-event').textContent()).toBe('Members enter when a purchase event arrives. Nobody enters just because the workflow goes live.');
    await publishDialog.getByTestId('entry-reason').first().waitFor({ timeout: 30_000 });
    expect(await publishDialog.getByTestId('entry-choice-qualified_now').count()).toBe(0);
    await shoot(page, '85-publish-event-trigger');
    await publishDialog.getByRole('button', { name: 'Cancel' }).click();

    const birthday = workflows.find((w) => w.name === 'Birthday care')!;
    const pub = await server.fetch(`/api/v1/workflows/${birthday.id}/publish`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"entry":"from_now"}' });
    expect(pub.status, await pub.clone().text()).toBe(201);
    expect((await server.fetch(`/api/v1/workflows/${birthday.id}/pause`, { method: 'POST' })).status).toBe(200);

    await page.goto(`/workflows/${birthday.id}/dashboard`);
    await page.getByTestId('control-resume').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByTestId('entry-choice-from_now').waitFor({ timeout: 30_000 });
    await dialog.getByTestId('confirm-button').click();
    expect(await dialog.textContent()).toContain('Choose who enters to continue.');
    await dialog.getByTestId('entry-choice-from_now').check();
    await shoot(page, '82-resume-who-enters');
    await dialog.getByTestId('confirm-button').click();
    await expect.poll(() => page.getByTestId('status-badge').textContent(), { timeout: 10_000 }).toBe('Active');

    await page.goto('/members/cdnow-00060');
    const item = page.getByTestId('why-not-item').filter({ hasText: 'Birthday care' });
    await item.waitFor({ timeout: 20_000 });
    await expect.poll(() => item.textContent(), { timeout: 10_000 }).not.toContain('does not record members it checked');
    await shoot(page, '83-why-not-time-trigger');
  }, 120_000);

  test('in Chinese: the same question, and errors in Chinese', async ({ page, server, shoot }) => {
    await page.addInitScript(() => window.localStorage.setItem('memberflow.locale', 'zh-CN'));
    const { workflows } = await getJson<{ workflows: { id: string; name: string }[] }>(server, '/api/v1/workflows');
    const memberDay = workflows.find((w) => w.name === 'Member day')!;
    await page.goto(`/workflows/${memberDay.id}`);
    await page.locator('.react-flow__node').nth(2).waitFor();
    await page.getByTestId('publish').click();
    const dialog = page.getByTestId('publish-dialog');
    await dialog.getByTestId('entry-qualifying').waitFor({ timeout: 30_000 });
    expect(await dialog.getByTestId('entry-qualifying').textContent()).toMatch(/^已经符合条件的会员：[\d,]+$/);
    await dialog.getByTestId('publish-confirm').click();
    expect(await dialog.textContent()).toContain('请选择谁会进入，然后继续。');
    await shoot(page, '84-publish-who-enters-zh');
    await dialog.getByRole('button', { name: '取消' }).click();

    // A refusal from the server reads in the reader's language too.
    await page.route('**/entry-estimate*', (route) => route.fulfill({ status: 403, json: { error: 'Needs the edit permission' } }));
    await page.getByTestId('publish').click();
    await expect.poll(() => page.getByTestId('entry-error').textContent(), { timeout: 10_000 }).toBe('无法估算谁会进入。你没有执行此操作的权限。');
  });
});

