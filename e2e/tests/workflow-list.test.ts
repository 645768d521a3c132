import { describe } from 'vitest';
import { expect, test } from '../fixtures/test.ts';

describe('workflow list', () => {
  test('duplicates a workflow as a draft and archives the copy; a live workflow offers no archive', async ({ page, screenshot }) => {
    await page.goto('/');
    const live = page.getByTestId('workflow-row').filter({ hasText: 'Second-purchase nudge' }).first();
    await live.waitFor();
    expect(await live.getByTestId('archive-workflow').count()).toBe(0);
    await live.getByTestId('duplicate-workflow').click();
    const copy = page.getByTestId('workflow-row').filter({ hasText: 'Second-purchase nudge (copy)' });
    await copy.waitFor();
    expect(await copy.getByTestId('status-badge').textContent()).toBe('Draft');
    // Clicking an action must not open the canvas.
    expect(new URL(page.url()).pathname).toBe('/');
    await screenshot('50-duplicated');
    // The app's own dialog asks first; Cancel keeps the workflow, and the canvas does not open.
    await copy.getByTestId('archive-workflow').click();
    const dialog = page.getByTestId('confirm-dialog');
    expect(await dialog.textContent()).toContain('Archive “Second-purchase nudge (copy)”?');
    await screenshot('51-archive-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await copy.count()).toBe(1);
    await copy.getByTestId('archive-workflow').click();
    await dialog.getByRole('button', { name: 'Archive' }).click();
    await copy.waitFor({ state: 'detached' });
    expect(await page.getByTestId('workflow-row').filter({ hasText: '(copy)' }).count()).toBe(0);
  });
});
