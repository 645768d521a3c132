import { buildWorkflow } from '@memberflow/shared/templates/build';
import { describe } from 'vitest';
import { expect, test } from '../fixtures/test.ts';

// "Purchase → total spent ≥ 200 → once ever": valid, but only first purchases are ever checked.
const bigSpenders = () => ({
  ...buildWorkflow({
    nodes: [
      ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
      ['c', 'condition', 'Spent 200?', { condition: { type: 'group', combinator: 'and', rules: [{ type: 'field', field: 'member.totalSpent', op: 'gte', value: 200 }] } }],
      ['y', 'exit', 'Big spender', { reason: 'big' }],
      ['n', 'exit', 'Not yet', { reason: 'small' }],
    ],
    edges: [
      ['t', 'next', 'c'],
      ['c', 'yes', 'y'],
      ['c', 'no', 'n'],
    ],
  }),
});

describe('design warnings', () => {
  test('a condition on total spent after a purchase trigger with entry once ever is flagged, in English and Chinese, without blocking publish', async ({ page, server, screenshot }) => {
    const def = bigSpenders();
    const res = await server.fetch('/api/v1/workflows', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Big spenders', definition: { ...def, settings: { ...def.settings, entry: 'once_ever' } } }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await page.goto(`/workflows/${id}`);
    const warning = page.getByTestId('design-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('member.totalSpent is tested at the member’s first purchase only');
    expect(await page.getByTestId('problems').textContent()).toContain('ready to publish');
    await warning.click();
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(1);
    await screenshot('90-design-warning');

    await page.evaluate(() => window.localStorage.setItem('memberflow.locale', 'zh-CN'));
    await page.reload();
    await warning.waitFor();
    expect(await warning.textContent()).toContain('只在会员第一次 purchase 时检查');
    await screenshot('91-design-warning-zh');
  });
});
