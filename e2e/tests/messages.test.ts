import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import type { RunningServer } from '../fixtures/server.ts';
import { expect, test } from '../fixtures/test.ts';

/**
 * The message step says what will really be sent (issue 17, Messages): a misspelled variable is
 * flagged with "did you mean"; the SMS length and segment count follow the typing; the preview
 * uses the coupon template of the step before and formats its date in 中文 for a Chinese member,
 * and so does the message the runtime sends. Screenshots: e2e/artifacts/10x-message-*.png.
 */
const COUPON = 'MSG20';
const MEMBER = 'msg-zh-1';
let workflowId = '';

const definition = {
  schemaVersion: 1,
  settings: { entry: 'every_time', exitOnGoal: null },
  nodes: [
    {
      id: 'trigger',
      kind: 'event_trigger',
      label: 'Purchase',
      position: { x: 0, y: 0 },
      config: { eventType: 'purchase', filters: [] },
    },
    {
      id: 'coupon',
      kind: 'issue_coupon',
      label: 'Thank-you coupon',
      position: { x: 0, y: 150 },
      config: { template: COUPON, validityDays: 30 },
    },
    {
      id: 'sms',
      kind: 'send_message',
      label: 'Coupon SMS',
      position: { x: 0, y: 300 },
      config: { channel: 'sms', body: 'Hi {{member.name}}', marketing: false },
    },
    { id: 'done', kind: 'exit', label: 'Done', position: { x: 0, y: 450 }, config: { reason: 'Sent' } },
  ],
  edges: [
    { id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'coupon' },
    { id: 'e2', source: 'coupon', sourceHandle: 'next', target: 'sms' },
    { id: 'e3', source: 'sms', sourceHandle: 'next', target: 'done' },
  ],
};

async function api(server: RunningServer, method: string, path: string, body?: unknown) {
  const res = await server.fetch(path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return (await res.json()) as Record<string, unknown>;
}

async function openMessageStep(page: Page) {
  await page.goto(`/workflows/${workflowId}`);
  await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 15_000 }).toBe(4);
  await page.getByTestId('node-sms').click();
  return page.locator('#node-sms-body');
}

describe('message step', () => {
  test('a misspelled variable is flagged with its suggestion, in English and in Chinese', async ({ page, server, shoot }) => {
    await api(server, 'PUT', `/api/v1/coupon-templates/${COUPON}`, {
      key: COUPON,
      name: '满100减20',
      kind: 'amount_off',
      value: 20,
      minSpend: 100,
      validityDays: 10,
    });
    workflowId = String((await api(server, 'POST', '/api/v1/workflows', { name: 'Coupon SMS', definition })).id);
    const body = await openMessageStep(page);
    await body.fill('Hi {{member.nmae}}, your coupon {{coupon.code}} is waiting.');
    const inspector = page.getByTestId('node-inspector');
    await inspector.getByText('Unknown variable {{member.nmae}}: did you mean {{member.name}}?').waitFor();
    expect(await page.locator('#node-sms-body').getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page.getByTestId('problems').textContent())
      .toContain('Message: Unknown variable {{member.nmae}}: did you mean {{member.name}}?');
    await shoot(page, '100-message-unknown-variable-en');

    await page.getByTestId('language-zh-CN').click();
    await inspector.getByText('未知变量 {{member.nmae}}：您是不是要用 {{member.name}}？').waitFor();
    await shoot(page, '101-message-unknown-variable-zh');
    await page.getByTestId('language-en').click();
    await body.fill('Hi {{member.name}}, your coupon {{coupon.code}} is waiting.');
    await expect.poll(() => page.getByTestId('problems').textContent()).toContain('No problems');
  });

  test('SMS length and segments show and update as you type', async ({ page, shoot }) => {
    const body = await openMessageStep(page);
    const meter = page.getByTestId('sms-length');
    await body.fill('');
    await body.pressSequentially('Hello there');
    await expect.poll(() => meter.textContent()).toContain('11 characters · 1 SMS segment');
    expect(await meter.getAttribute('data-encoding')).toBe('gsm7');
    await body.fill('a'.repeat(158));
    await body.pressSequentially('bcd');
    await expect.poll(() => meter.textContent()).toContain('161 characters · 2 SMS segments');
    // One Chinese character switches the whole message to UCS-2: 70 per segment, 67 once split.
    await body.fill('会员日快乐'.repeat(14));
    await expect.poll(() => meter.textContent()).toContain('70 characters · 1 SMS segment');
    await body.pressSequentially('！');
    await expect.poll(() => meter.textContent()).toContain('71 characters · 2 SMS segments');
    expect(await meter.getAttribute('data-encoding')).toBe('ucs2');
    expect(await meter.textContent()).toContain('UCS-2');
    await shoot(page, '102-message-sms-length');
    await body.fill('你'.repeat(700));
    await page.getByTestId('node-inspector').getByText('An SMS may take at most 10 segments; this one takes 11.').waitFor();
  });

  test('the preview uses the coupon template before the step and formats its date in 中文', async ({ page, shoot }) => {
    await page.addInitScript(() => window.localStorage.setItem('memberflow.locale', 'zh-CN'));
    const body = await openMessageStep(page);
    await body.fill(
      '{{member.name | default: "会员"}}您好，{{coupon.value | money}} 优惠券 {{coupon.code}} 将于 {{coupon.expiresAt | date}} 到期。',
    );
    const preview = page.getByTestId('node-sms-body-preview');
    const text = preview.getByTestId('message-preview-text');
    // The template gives 10 days: the expiry is 10 days from today, in Shanghai.
    const expires = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(
      Date.now() + 10 * 86_400_000,
    );
    await expect.poll(() => text.textContent()).toBe(`陈丽娜您好，¥20.00 优惠券 ${COUPON}-7KQ2 将于 ${expires} 到期。`);
    expect(expires).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(await preview.textContent()).toContain(`“Thank-you coupon”发放的 ${COUPON}（¥20.00，有效期至 ${expires}）`);
    await shoot(page, '103-message-preview-zh');
    // The same text for the sample member in English.
    await preview.getByLabel('预览语言').selectOption('en');
    await expect.poll(() => text.textContent()).toContain('¥20.00');
    expect(await text.textContent()).toMatch(/将于 [A-Z][a-z]+ \d{1,2}, \d{4} 到期/);
    // A variable without a value and no fallback: the preview says the message would not be sent.
    await body.fill('{{member.name}}，{{trigger.nothing}}');
    await preview.getByTestId('message-preview-missing').filter({ hasText: '{{trigger.nothing}}' }).waitFor();
  });

  test('the sent message has the date in 中文; a real member can be previewed by id', async ({ page, server, shoot }) => {
    await api(server, 'PUT', `/api/v1/members/${MEMBER}`, {
      name: '李雷',
      phone: '13800000001',
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
    });
    const body = await openMessageStep(page);
    await body.fill('{{member.name}}您好，优惠券 {{coupon.code}} 将于 {{coupon.expiresAt | date}} 到期。');
    const preview = page.getByTestId('node-sms-body-preview');
    await preview.getByLabel('Preview as member (id)').fill(MEMBER);
    await preview.getByRole('button', { name: 'Use member' }).click();
    await expect
      .poll(() => preview.getByTestId('message-preview-text').textContent())
      .toMatch(/^李雷您好，优惠券 MSG20-7KQ2 将于 \d{4}年\d{1,2}月\d{1,2}日 到期。$/);
    await shoot(page, '104-message-preview-real-member');
    await expect.poll(() => page.getByTestId('problems').textContent()).toContain('No problems');
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-confirm').click();
    await page.getByTestId('notice').filter({ hasText: 'Published as version 1' }).waitFor();

    await api(server, 'POST', '/api/v1/events', { type: 'purchase', memberId: MEMBER, properties: { amount: 120 } });
    await page.goto(`/members/${MEMBER}`);
    const sent = page.getByTestId('member-effect-text');
    await expect
      .poll(async () => ((await sent.count()) ? await sent.first().textContent() : ''), { timeout: 20_000, interval: 500 })
      .toMatch(/^李雷您好，优惠券 MSG20-\S+ 将于 \d{4}年\d{1,2}月\d{1,2}日 到期。$/);
    await sent.first().scrollIntoViewIfNeeded();
    await shoot(page, '105-message-sent-zh');

    // A member without a name: the message is skipped with the reason, not sent with a hole.
    await api(server, 'PUT', '/api/v1/members/msg-anon', { phone: '13800000002', locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
    await api(server, 'POST', '/api/v1/events', { type: 'purchase', memberId: 'msg-anon', properties: { amount: 120 } });
    await page.goto('/members/msg-anon');
    const skipped = page.getByTestId('member-effect').filter({ hasText: 'Send message' });
    await expect
      .poll(async () => ((await skipped.count()) ? await skipped.first().textContent() : ''), { timeout: 20_000, interval: 500 })
      .toContain('Skipped: no value for {{member.name}}');
    expect(await skipped.first().textContent()).toContain('skipped');
  });

  test('the SMS signature set on Settings counts in the length; WeChat gets a template form; a test send from the inspector', async ({
    page,
    pageAs,
    shoot,
  }) => {
    await page.goto('/settings');
    await page.locator('#sms-signature-input').fill('【品牌】');
    await page.getByTestId('sms-signature-save').click();
    await page.getByText('Saved: every SMS from now on ends with it.').waitFor();
    await page.getByTestId('sms-signature').scrollIntoViewIfNeeded();
    await shoot(page, '106-message-sms-signature-setting');

    const body = await openMessageStep(page);
    await body.fill('a'.repeat(66));
    const meter = page.getByTestId('sms-length');
    // 66 + 【品牌】 (4, UCS-2) = 70: still one segment; one more character makes two.
    // The signature is read once per page, after the canvas: give it the time a busy machine takes.
    await expect.poll(() => meter.textContent(), { timeout: 10_000 }).toContain('Includes the signature 【品牌】.');
    expect(await meter.textContent()).toContain('70 characters · 1 SMS segment');
    await body.pressSequentially('b');
    await expect.poll(() => meter.textContent()).toContain('71 characters · 2 SMS segments');
    await expect.poll(() => page.getByTestId('message-preview-text').textContent()).toBe(`${'a'.repeat(66)}b【品牌】`);

    // A test send goes through the channel's provider (the log provider here) and says so.
    await page.locator('#node-sms-body-test-to').fill('not a phone');
    await page.getByTestId('test-send').click();
    await page.getByTestId('test-send-result').filter({ hasText: 'Enter a phone number' }).waitFor();
    await page.locator('#node-sms-body-test-to').fill('13800000009');
    await page.getByTestId('test-send').click();
    await page.getByTestId('test-send-result').filter({ hasText: 'Test sent to 13800000009 via log.' }).waitFor();
    await page.getByTestId('test-send-result').scrollIntoViewIfNeeded();
    await shoot(page, '107-message-test-send');

    await page.locator('#node-sms-channel').selectOption('wechat');
    const wechat = page.getByTestId('wechat-template');
    await page.locator('#node-sms-wechat-template').fill('TM00015');
    await wechat.getByRole('button', { name: 'Add keyword' }).click();
    await wechat.getByLabel('Value 1').fill('{{coupon.expiresAt | dat}}');
    await wechat.getByText('Unknown filter "dat": did you mean "date"?').waitFor();
    await wechat.getByLabel('Value 1').fill('{{coupon.expiresAt | date}}');
    await expect.poll(() => page.getByTestId('problems').textContent()).toContain('No problems');
    await expect
      .poll(() => page.getByTestId('message-preview-keywords').textContent())
      .toMatch(/^keyword1: [A-Z][a-z]+ \d{1,2}, \d{4}$/);
    expect(await page.getByTestId('sms-length').count()).toBe(0);
    await wechat.scrollIntoViewIfNeeded();
    await shoot(page, '108-message-wechat-template');

    // An analyst reads the step but has no test send.
    const analyst = await pageAs('analyst');
    await analyst.goto(`/workflows/${workflowId}`);
    await analyst.getByTestId('node-sms').click();
    await analyst.getByTestId('node-inspector').waitFor();
    expect(await analyst.getByTestId('test-send').count()).toBe(0);
  });
});
