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
    page.once('dialog', (d) => void d.accept());
    await copy.getByTestId('archive-workflow').click();
    await copy.waitFor({ state: 'detached' });
    expect(await page.getByTestId('workflow-row').filter({ hasText: '(copy)' }).count()).toBe(0);
  });
});
