import type { Locator, Page } from 'playwright-core';
import { describe } from 'vitest';
import { expect, test } from '../fixtures/test.ts';

const SEEDED = 'Second-purchase nudge';

async function openSeeded(page: Page) {
  await page.goto('/');
  await page.getByRole('link', { name: SEEDED }).click();
  await page.locator('.react-flow__node').nth(4).waitFor();
}

async function center(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags with real mouse events, the way React Flow expects connections to be drawn. */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = await center(from);
  const b = await center(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 12 });
  await page.mouse.up();
}

describe('workflow editor', () => {
  test('lists the seeded workflow with its status and live version', async ({ page, screenshot }) => {
    await page.goto('/');
    const row = page.getByTestId('workflow-row').filter({ hasText: SEEDED });
    await row.waitFor();
    expect(await row.getByTestId('status-badge').textContent()).toBe('Active');
    expect(await row.locator('td').nth(2).textContent()).toBe('v1');
    expect(await page.locator('thead th').allTextContents()).toEqual([
      'Name',
      'Status',
      'Live version',
      'Waiting',
      'Converted',
      'Completed',
      'Last updated',
    ]);
    await screenshot('01-workflow-list');
  });

  test('shows the seeded workflow on the canvas and counts a member entering it', async ({ page, server, screenshot }) => {
    // The overlay is pushed over SSE: no polling of the plain stats endpoint while the stream is up.
    const polls: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.endsWith('/stats')) polls.push(r.url());
    });
    await openSeeded(page);
    expect(await page.locator('.react-flow__node').count()).toBe(5);
    expect(await page.getByTestId('workflow-name').textContent()).toBe(SEEDED);
    for (const id of ['trigger', 'wait_second', 'converted', 'coupon', 'end']) await page.getByTestId(`node-${id}`).waitFor();

    expect(await page.getByTestId('handle-label-wait_second-event').textContent()).toBe('On purchase');
    expect(await page.getByTestId('handle-label-wait_second-timeout').textContent()).toBe('After 30 days');
    expect(await page.getByTestId('handle-label-trigger-next').textContent()).toBe('Then');
    // Outputs: trigger 1, wait 2, coupon 1. Inputs: every node but the trigger.
    expect(await page.locator('.react-flow__handle.source').count()).toBe(4);
    expect(await page.locator('.react-flow__handle.target').count()).toBe(4);
    expect(await page.locator('[data-testid="node-trigger"] .react-flow__handle.target').count()).toBe(0);
    expect(await page.locator('.react-flow__edge').count()).toBe(4);
    expect(await page.locator('.react-flow__minimap').count()).toBe(1);
    expect(await page.locator('.react-flow__controls').count()).toBe(1);
    expect(await page.getByTestId('problems').textContent()).toContain('No problems');

    const waitCount = page.getByTestId('node-count-wait_second');
    await expect.poll(() => waitCount.textContent(), { timeout: 10_000 }).toBe('0');
    await screenshot('02-canvas');
    await expect.poll(() => page.getByTestId('canvas').getAttribute('data-stats-source')).toBe('stream');
    // A marker on the window proves the counts below change in place, not through a reload.
    await page.evaluate(() => Object.assign(window, { e2eNoReload: true }));

    const res = await server.fetch(`/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'purchase', memberId: 'e2e-1', properties: { amount: 20 } }),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);

    await expect.poll(() => waitCount.textContent(), { timeout: 20_000, interval: 500 }).toBe('1');
    await expect.poll(() => page.getByTestId('node-count-trigger').textContent(), { timeout: 10_000 }).toBe('1');
    expect(await page.getByTestId('node-flow-wait_second').textContent()).toContain('entered 1');
    expect(await page.getByTestId('node-count-wait_second').getAttribute('title')).toContain('1 here now');
    expect(await page.evaluate(() => 'e2eNoReload' in window)).toBe(true);
    expect(await page.getByTestId('canvas').getAttribute('data-stats-source')).toBe('stream');
    expect(polls).toEqual([]);
    await screenshot('03-canvas-live-count');
  });

  test('explains a bad number inline, blocks publishing, and leads back to the field', async ({ page, server, screenshot }) => {
    const put = await server.fetch(`/api/v1/coupon-templates/COMEBACK10`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Come back', kind: 'amount_off', value: 10, validityDays: 30 }),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    await openSeeded(page);
    await page.getByTestId('node-coupon').click();
    await page.getByTestId('node-inspector').waitFor();
    const days = page.locator('#node-coupon-validityDays');
    expect(await days.inputValue()).toBe('30');
    // The template field offers the defined templates (free text still allowed; the demo seeds the recipes' templates) and describes the chosen one.
    const offered = page.locator('#node-coupon-template-suggestions option[value="COMEBACK10"]');
    await expect.poll(() => offered.count()).toBe(1);
    expect(await offered.first().getAttribute('label')).toBe('Come back · 10 off · valid 30 days');
    expect(await page.locator('#node-coupon-template-message').textContent()).toBe('Come back · 10 off · valid 30 days');

    await days.fill('');
    const inspector = page.getByTestId('node-inspector');
    await inspector.getByText('Required', { exact: true }).waitFor();
    expect(await page.getByTestId('node-coupon').getAttribute('data-invalid')).toBe('true');
    expect(await page.getByTestId('publish').isDisabled()).toBe(true);
    expect(await page.getByTestId('problems').textContent()).toContain('Valid for (days) is required');

    await days.fill('thirty');
    await inspector.getByText('Enter a whole number, e.g. 30', { exact: true }).waitFor();
    await days.fill('0');
    await inspector.getByText('Must be at least 1 day', { exact: true }).waitFor();
    await screenshot('04-inline-error');

    // Deselect, then find the way back through the problems list.
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 80 } });
    await page.getByTestId('workflow-settings').waitFor();
    await page.getByTestId('problem').first().click();
    await page.getByTestId('node-inspector').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('node-coupon-validityDays');

    await days.fill('14');
    // Backspace deletes selected steps on the canvas, but never while typing in a field.
    await days.press('Backspace');
    await days.press('4');
    expect(await page.locator('.react-flow__node').count()).toBe(5);
    await expect.poll(() => page.getByTestId('node-coupon').getAttribute('data-invalid')).toBe('false');
    expect(await page.getByTestId('node-coupon').textContent()).toContain('COMEBACK10, valid 14 days');
    expect(await page.getByTestId('publish').isDisabled()).toBe(false);
    expect(await page.getByTestId('save-state').textContent()).toBe('Unsaved changes');
  });

  test('builds a workflow from a blank canvas, saves and publishes it', async ({ page, screenshot }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'New workflow' }).click();
    await page.getByLabel('Name').fill('E2E welcome');
    await page.getByRole('button', { name: 'Create workflow' }).click();
    await page.getByTestId('canvas').waitFor();
    expect(await page.getByTestId('workflow-name').textContent()).toBe('E2E welcome');
    // A blank workflow starts with just its trigger, whose output is not connected yet.
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(1);
    expect(await page.getByTestId('problems').textContent()).toContain('Connect the "Then" output');
    expect(await page.getByTestId('publish').isDisabled()).toBe(true);

    const canvas = page.getByTestId('canvas');
    const box = (await canvas.boundingBox())!;
    // The lone trigger sits in the middle of the canvas; drop the new steps below it.
    await page
      .getByTestId('palette-issue_coupon')
      .dragTo(canvas, { targetPosition: { x: box.width / 2, y: box.height / 2 + 150 } });
    await page.getByTestId('palette-exit').dragTo(canvas, { targetPosition: { x: box.width / 2, y: box.height / 2 + 300 } });
    await page.getByTestId('node-issue_coupon_1').waitFor();
    await page.getByTestId('node-exit_1').waitFor();

    const trigger = page.locator('.react-flow__node').filter({ has: page.locator('[data-kind="event_trigger"]') });
    await drag(
      page,
      trigger.locator('.react-flow__handle.source'),
      page.locator('[data-testid="node-issue_coupon_1"] .react-flow__handle.target'),
    );
    await drag(
      page,
      page.locator('[data-testid="node-issue_coupon_1"] .react-flow__handle.source'),
      page.locator('[data-testid="node-exit_1"] .react-flow__handle.target'),
    );
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await expect.poll(() => page.getByTestId('problems').textContent()).toContain('No problems');

    // Autosave keeps the draft on the server a moment after the last edit.
    await page.getByTestId('save-state').filter({ hasText: 'All changes saved' }).waitFor();
    expect(await page.getByTestId('save-draft').isDisabled()).toBe(true);
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-dialog').getByText('Nothing is live yet').waitFor();
    await page.getByTestId('publish-confirm').click();
    await page.getByTestId('notice').filter({ hasText: 'Published as version 1' }).waitFor();
    await expect.poll(() => page.getByTestId('status-badge').textContent()).toBe('Active');
    await screenshot('05-new-workflow-published');

    // Deleting a step with the keyboard takes its connections with it.
    await page.getByTestId('node-exit_1').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
    expect(await page.locator('.react-flow__edge').count()).toBe(1);
    expect(await page.getByTestId('publish').isDisabled()).toBe(true);
    expect(await page.getByTestId('save-state').textContent()).toBe('Unsaved changes');
  });
});
