import { describe } from 'vitest';
import { expect, test } from '../fixtures/test.ts';

describe('version history', () => {
  test('restores a published version into the draft: saved like an edit, and Undo brings the draft back', async ({ page, server, screenshot }) => {
    const res = await server.fetch('/api/v1/workflows', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Nudge to restore', templateKey: 'second-purchase-nudge' }),
    });
    const { id } = (await res.json()) as { id: string };
    expect((await server.fetch(`/api/v1/workflows/${id}/publish`, { method: 'POST' })).status).toBeLessThan(300);
    await page.goto(`/workflows/${id}`);
    await page.getByTestId('node-coupon').click();
    await page.locator('#node-coupon-label').fill('Changed after v1');
    await page.getByTestId('save-state').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 10_000 });

    await page.getByTestId('history').click();
    await page.getByTestId('restore-version-1').click();
    await expect.poll(() => page.getByTestId('node-coupon').textContent()).not.toContain('Changed after v1');
    await page.getByTestId('save-state').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 10_000 });
    const draft = (await (await server.fetch(`/api/v1/workflows/${id}`)).json()) as { draft: { nodes: { id: string; label: string }[] } };
    expect(draft.draft.nodes.find((n) => n.id === 'coupon')!.label).toBe('Come-back coupon');
    await screenshot('34-version-restored');

    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('node-coupon').textContent()).toContain('Changed after v1');
  });
});
