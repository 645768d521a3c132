import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import type { RunningServer } from '../fixtures/server.ts';
import { expect, test } from '../fixtures/test.ts';

const NUDGE = 'Second-purchase nudge';
const HOUR = 3_600_000;

interface Step {
  fromNode: string | null;
  toNode: string;
  cause: string;
  at: string;
}
interface Journey {
  workflowName: string;
  status: string;
  currentNode: string | null;
  enteredAt: string;
  steps: Step[];
}

async function getJson<T>(server: RunningServer, path: string): Promise<T> {
  const res = await server.fetch(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json() as Promise<T>;
}

async function postPurchase(server: RunningServer, memberId: string, amount: number, timestamp: Date) {
  const res = await server.fetch('/api/v1/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'purchase', memberId, timestamp: timestamp.toISOString(), properties: { amount } }),
  });
  expect(res.status, await res.clone().text()).toBe(202);
}

async function nudgeJourney(server: RunningServer, memberId: string): Promise<Journey | undefined> {
  const { journeys } = await getJson<{ journeys: Journey[] }>(server, `/api/v1/members/${memberId}/journeys`);
  return journeys.find((j) => j.workflowName === NUDGE);
}

/** The live nudge: seeded as published; published here if a fresh seed left it a draft. */
async function liveNudge(server: RunningServer): Promise<string> {
  const { workflows } = await getJson<{ workflows: { id: string; name: string; status: string }[] }>(server, '/api/v1/workflows');
  const nudge = workflows.find((w) => w.name === NUDGE)!;
  if (nudge.status !== 'active') {
    const pub = await server.fetch(`/api/v1/workflows/${nudge.id}/publish`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(pub.status, await pub.clone().text()).toBe(201);
  }
  expect((await getJson<{ status: string }>(server, `/api/v1/workflows/${nudge.id}`)).status).toBe('active');
  return nudge.id;
}

async function openMemberTrace(page: Page, memberId: string) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Members' }).click();
  await page.getByTestId('members-page').waitFor();
  await page.getByTestId('member-search').fill(memberId);
  const result = page.getByTestId('member-result');
  await expect.poll(() => result.count(), { timeout: 10_000 }).toBe(1);
  await result.getByRole('link', { name: memberId }).click();
  await page.getByTestId('member-page').waitFor();
  await page.getByTestId('journey').first().waitFor({ timeout: 10_000 });
}

const newMember = (tag: string) => `e2e-${tag}-${randomBytes(3).toString('hex')}`;

describe('pause and late events', () => {
  test('pause keeps a purchase; resume converts the member with no coupon', async ({ page, server, shoot }) => {
    const workflowId = await liveNudge(server);
    const member = newMember('pause');

    await postPurchase(server, member, 30, new Date());
    await expect.poll(async () => (await nudgeJourney(server, member))?.currentNode ?? null, { timeout: 20_000, interval: 500 }).toBe('wait_second');
    expect((await nudgeJourney(server, member))!.status).toBe('waiting');

    // Pause through the UI.
    await page.goto(`/workflows/${workflowId}/dashboard`);
    await page.getByTestId('dashboard-page').waitFor();
    await page.getByTestId('control-pause').click();
    const dialog = page.getByTestId('confirm-dialog');
    expect(await dialog.textContent()).toContain('No new members will enter');
    await page.getByTestId('confirm-button').click();
    await expect.poll(() => page.getByTestId('status-badge').textContent(), { timeout: 10_000 }).toBe('Paused');
    expect((await getJson<{ status: string }>(server, `/api/v1/workflows/${workflowId}`)).status).toBe('paused');

    // The second purchase arrives while paused: the member holds where it is.
    await postPurchase(server, member, 45, new Date());
    expect((await nudgeJourney(server, member))!.currentNode).toBe('wait_second');

    // Resume through the UI; an event-triggered workflow may or may not ask who enters.
    await page.getByTestId('control-resume').click();
    const resume = page.getByTestId('confirm-dialog');
    await resume.waitFor();
    // The dialog asks only once its estimate says which trigger this is: wait for that, then answer what appears.
    const choice = resume.getByTestId('entry-choice-from_now');
    // Confirm is enabled once the estimate has loaded; if it then asks who enters, answer "from now".
    await resume.getByTestId('confirm-button').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="confirm-dialog"]') || document.querySelector('[data-testid="entry-choice-from_now"]'), null, { timeout: 10_000 });
    if ((await choice.count()) > 0) {
      await choice.check();
      await resume.getByTestId('confirm-button').click();
    }
    await resume.waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => page.getByTestId('status-badge').textContent(), { timeout: 10_000 }).toBe('Active');

    // The held purchase is applied after resume: the member reaches the goal.
    await expect
      .poll(async () => (await nudgeJourney(server, member))?.steps.some((s) => s.toNode === 'converted') ?? false, { timeout: 30_000, interval: 500 })
      .toBe(true);
    const journey = (await nudgeJourney(server, member))!;
    expect(journey.steps.some((s) => s.toNode === 'coupon')).toBe(false);
    const { coupons } = await getJson<{ coupons: unknown[] }>(server, `/api/v1/members/${member}/coupons`);
    expect(coupons).toEqual([]);

    // The UI says so too: the member's trace shows the goal step, not the coupon.
    await openMemberTrace(page, member);
    const trace = page.getByTestId('journey').filter({ hasText: NUDGE });
    await expect.poll(() => trace.textContent(), { timeout: 10_000 }).toContain('Came back');
    expect(await trace.textContent()).not.toContain('Come-back coupon');
    expect(await trace.getByTestId('journey-status').textContent()).not.toBe('waiting');
    await shoot(page, '90-pause-resume-converted');
  }, 120_000);

  test('a late purchase starts its journey now, keeping when it happened', async ({ page, server, shoot }) => {
    await liveNudge(server);
    const member = newMember('late');
    const occurred = new Date(Date.now() - 3 * HOUR);
    const before = Date.now();

    await postPurchase(server, member, 25, occurred);
    await expect.poll(async () => (await nudgeJourney(server, member))?.currentNode ?? null, { timeout: 20_000, interval: 500 }).toBe('wait_second');
    const journey = (await nudgeJourney(server, member))!;
    const entered = Date.parse(journey.enteredAt);
    expect(Math.abs(entered - before)).toBeLessThan(60_000);
    expect(Math.abs(entered - occurred.getTime())).toBeGreaterThan(2 * HOUR);

    // The event itself keeps when it happened.
    const { events } = await getJson<{ events: { type: string; occurredAt: string; receivedAt: string }[] }>(server, `/api/v1/members/${member}/events?type=purchase`);
    expect(events).toHaveLength(1);
    expect(Date.parse(events[0]!.occurredAt)).toBe(occurred.getTime());
    expect(Math.abs(Date.parse(events[0]!.receivedAt) - before)).toBeLessThan(60_000);

    // On the trace: entered now, not three hours ago.
    await openMemberTrace(page, member);
    const trace = page.getByTestId('journey').filter({ hasText: NUDGE });
    await trace.waitFor();
    const meta = (await trace.locator('.trace__meta').textContent())!;
    const shown = /Entered (\S+ \S+) UTC/.exec(meta);
    expect(shown, meta).not.toBeNull();
    const shownAt = Date.parse(`${shown![1]!.replace(' ', 'T')}Z`);
    expect(Math.abs(shownAt - before), meta).toBeLessThan(2 * 60_000);
    const [utc] = await trace.getByTestId('journey-step').first().locator('td').allTextContents();
    expect(Math.abs(Date.parse(`${utc!.replace(' ', 'T')}Z`) - before), utc).toBeLessThan(2 * 60_000);
    expect(await trace.getByTestId('journey-status').textContent()).toBe('waiting');
    await shoot(page, '91-late-event-enters-now');
  }, 90_000);
});
