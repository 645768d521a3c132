import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import type { RunningServer } from '../fixtures/server.ts';
import { expect, test } from '../fixtures/test.ts';

/**
 * The whole story with the three roles, in order, against one server: a marketer builds and
 * publishes the nudge, a shop system sends purchases, an admin watches and steers, an analyst
 * looks but cannot touch. Each step's screenshot is kept in e2e/artifacts (7x-*.png).
 */
const BUYERS = ['roles-1', 'roles-2', 'roles-3'];
let workflowId = '';

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/');
  await page.getByTestId('sign-in-page').waitFor();
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('workflow-row').first().waitFor();
}

/** A shop system posting purchases with its API key, as a real integration would. */
async function purchase(server: RunningServer, memberId: string, amount: number) {
  const res = await server.fetch('/api/v1/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'purchase', memberId, properties: { amount } }),
  });
  expect(res.status, await res.clone().text()).toBe(202);
}

describe('three roles, one workflow', () => {
  test('a marketer signs in, builds the nudge from a template, fixes an error, simulates and publishes', async ({ pageAs, server, shoot }) => {
    const page = await pageAs('nobody');
    await page.goto('/');
    await page.getByTestId('sign-in-page').waitFor();
    await page.getByLabel('Email').fill(server.people.marketer.email);
    await page.getByLabel('Password', { exact: true }).fill('not-my-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email or password is not right').waitFor();
    await shoot(page, '70-sign-in-wrong-password');
    await signIn(page, server.people.marketer);
    expect(await page.getByTestId('read-only-badge').count()).toBe(0);

    await page.getByRole('button', { name: 'New workflow' }).click();
    await page.getByRole('radio', { name: /Second-purchase nudge/ }).check();
    await page.getByLabel('Name').fill('Spring nudge');
    await page.getByRole('button', { name: 'Create workflow' }).click();
    await page.getByTestId('canvas').waitFor();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(5);
    workflowId = new URL(page.url()).pathname.split('/')[2]!;

    // Edit the wait, and make a mistake on the way: an empty wait is an error that blocks publishing.
    await page.getByTestId('node-wait_second').click();
    const timeout = page.locator('#node-wait_second-timeout');
    expect(await timeout.inputValue()).toBe('30');
    await timeout.fill('');
    await expect.poll(() => page.getByTestId('node-wait_second').getAttribute('data-invalid')).toBe('true');
    expect(await page.getByTestId('publish').isDisabled()).toBe(true);
    expect(await page.getByTestId('problems').textContent()).not.toContain('No problems');
    await shoot(page, '71-marketer-validation-error');
    await timeout.fill('21');
    await expect.poll(() => page.getByTestId('node-wait_second').getAttribute('data-invalid')).toBe('false');
    await expect.poll(() => page.getByTestId('problems').textContent()).toContain('No problems');
    expect(await page.getByTestId('handle-label-wait_second-timeout').textContent()).toBe('After 21 days');

    // Simulate one member who buys once and never again.
    await page.getByTestId('simulate').click();
    const panel = page.getByTestId('simulation-panel');
    await panel.getByRole('button', { name: 'First purchase, no second' }).click();
    await panel.getByTestId('sim-run').click();
    await panel.getByTestId('sim-trace-entry').first().waitFor();
    expect((await panel.getByTestId('sim-trace-entry').allTextContents()).some((r) => r.includes('No purchase within 21 days'))).toBe(true);
    expect(await panel.getByTestId('sim-outcome').textContent()).toContain('Completed');
    expect(await panel.getByTestId('sim-effect').first().textContent()).toContain('COMEBACK10');
    await shoot(page, '72-marketer-simulation');
    await panel.getByRole('button', { name: 'Close simulation' }).click();

    await page.getByTestId('publish').click();
    await page.getByTestId('publish-confirm').click();
    await page.getByTestId('notice').filter({ hasText: 'Published as version 1' }).waitFor();
    await expect.poll(() => page.getByTestId('status-badge').textContent()).toBe('Active');
    await shoot(page, '73-marketer-published');

    // What the marketer may not do: manage people.
    expect(await page.getByRole('link', { name: /Users/ }).count()).toBe(0);
    const users = await page.evaluate(async () => (await fetch('/api/v1/users')).status);
    expect(users).toBe(403);
  });

  test('purchases arrive; an admin sees the counts move, opens a trace, pauses and resumes', async ({ pageAs, server, shoot }) => {
    expect(workflowId).not.toBe('');
    const page = await pageAs('nobody');
    await signIn(page, server.people.admin);
    await page.goto(`/workflows/${workflowId}`);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(5);
    const here = page.getByTestId('node-count-wait_second');
    await expect.poll(() => here.textContent(), { timeout: 10_000 }).toBe('0');
    await expect.poll(() => page.getByTestId('canvas').getAttribute('data-stats-source')).toBe('stream');

    for (const [i, id] of BUYERS.entries()) await purchase(server, id, 30 + i);
    await expect.poll(() => here.textContent(), { timeout: 20_000, interval: 500 }).toBe(String(BUYERS.length));
    await shoot(page, '74-admin-live-counts');
    // A second purchase converts one of them: the count on the wait goes down, converted goes up.
    await purchase(server, BUYERS[0]!, 55);
    await expect.poll(() => here.textContent(), { timeout: 20_000, interval: 500 }).toBe(String(BUYERS.length - 1));
    await expect.poll(() => page.getByTestId('node-flow-converted').textContent(), { timeout: 10_000 }).toContain('entered 1');

    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByTestId('member-search').fill(BUYERS[1]!);
    await expect.poll(() => page.getByTestId('member-result').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('member-result').getByRole('link', { name: BUYERS[1]! }).click();
    await page.getByTestId('member-page').waitFor();
    const journey = page.getByTestId('journeys').filter({ hasText: 'Spring nudge' });
    await journey.getByTestId('step-reason').first().waitFor();
    expect(await journey.getByTestId('step-reason').first().textContent()).toContain('Entered: purchase matched the trigger');
    await shoot(page, '75-admin-member-trace');

    await page.goto(`/workflows/${workflowId}/dashboard`);
    await page.getByTestId('dashboard-page').waitFor();
    await page.getByTestId('control-pause').click();
    await page.getByTestId('confirm-button').click();
    await expect.poll(() => page.getByTestId('status-badge').textContent(), { timeout: 10_000 }).toBe('Paused');
    await shoot(page, '76-admin-paused');
    await page.getByTestId('control-resume').click();
    await page.getByTestId('confirm-button').click();
    await expect.poll(() => page.getByTestId('status-badge').textContent(), { timeout: 10_000 }).toBe('Active');
    const audit = page.getByTestId('audit-row');
    await expect.poll(() => audit.first().textContent(), { timeout: 10_000 }).toContain(`${server.people.admin.email} resumed the workflow`);
    expect(await audit.nth(1).textContent()).toContain(`${server.people.admin.email} paused the workflow`);
    // The marketer's publish is in the same log, under the marketer's name.
    expect((await audit.allTextContents()).some((r) => r.includes(`${server.people.marketer.email} published the workflow`))).toBe(true);
  });

  test('an analyst sees the same workflow read-only and is refused changes', async ({ pageAs, server, shoot }) => {
    const page = await pageAs('nobody');
    await signIn(page, server.people.analyst);
    expect(await page.getByRole('button', { name: 'New workflow' }).count()).toBe(0);
    await page.goto(`/workflows/${workflowId}`);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(5);
    await page.getByTestId('read-only-badge').waitFor();
    expect(await page.getByTestId('publish').count()).toBe(0);
    await expect.poll(() => page.getByTestId('node-count-wait_second').textContent(), { timeout: 10_000 }).toBe(String(BUYERS.length - 1));
    await shoot(page, '77-analyst-read-only');

    // Even a hand-made request with the analyst's own session and CSRF token is refused.
    const status = await page.evaluate(async (id) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(`/api/v1/workflows/${id}/pause`, { method: 'POST', headers: { 'x-csrf-token': me.csrfToken } });
      return res.status;
    }, workflowId);
    expect(status).toBe(403);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('sign-in-page').waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/v1/workflows')).status)).toBe(401);
  });
});
