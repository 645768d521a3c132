import type { EntryEstimate } from '@memberflow/shared/api/workflows';
import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/http.ts';
import { translate, type Translate } from '../i18n/i18n.ts';
import { canGoLive, choiceLabel, entryToSend, localizedError, triggerEventType } from './entry-choice.ts';

const en: Translate = (key, vars) => translate('en', key, vars);
const zh: Translate = (key, vars) => translate('zh-CN', key, vars);
const template = (key: string) => workflowTemplates.find((t) => t.key === key)!.definition;

const estimate: EntryEstimate = {
  trigger: 'inactivity_trigger',
  mode: 'time',
  members: 2357,
  qualifyingNow: 2357,
  upcoming: 0,
  reasons: [{ reason: 'no purchase for 90 days', count: 2357, parts: { key: 'inactivity.inactive', vars: { days: 90, lastPurchaseAt: null, inactiveAt: null } } }],
};

describe('who enters on publish and resume', () => {
  it('asks time and segment triggers for a choice, and never event triggers', () => {
    expect(canGoLive('time', null)).toBe(false);
    expect(canGoLive('segment', null)).toBe(false);
    expect(canGoLive('time', 'from_now')).toBe(true);
    expect(canGoLive('event', null)).toBe(true);
    expect(canGoLive(null, null)).toBe(true);
  });

  it('sends the choice only where the server reads it', () => {
    expect(entryToSend('time', 'qualified_now')).toBe('qualified_now');
    expect(entryToSend('segment', 'from_now')).toBe('from_now');
    expect(entryToSend('event', 'qualified_now')).toBeUndefined();
    expect(entryToSend('time', null)).toBeUndefined();
  });

  it('names the event an event-triggered draft enters on', () => {
    expect(triggerEventType(template('second-purchase-nudge'))).toBe('purchase');
    expect(triggerEventType(template('churn-winback'))).toBeNull();
  });

  it('puts the count of members who already qualify in the enter-now choice', () => {
    expect(choiceLabel(en, 'qualified_now', { status: 'ready', estimate }, 'en')).toBe('Members who already qualify enter now (2,357)');
    expect(choiceLabel(en, 'qualified_now', { status: 'loading' }, 'en')).toBe('Members who already qualify enter now (counting…)');
    expect(choiceLabel(en, 'from_now', { status: 'ready', estimate }, 'en')).toBe('Only members who qualify from now on');
    expect(choiceLabel(zh, 'qualified_now', { status: 'ready', estimate }, 'zh-CN')).toBe('已经符合条件的会员现在进入（2,357）');
  });

  it('says what went wrong in the reader’s language', () => {
    const bad = new ApiRequestError(400, { error: 'Invalid request body: entry must be "qualified_now" or "from_now"', issues: [{ field: 'entry', message: 'must be "qualified_now" or "from_now"' }] });
    expect(localizedError(en, bad)).toBe('Choose who enters: members who already qualify, or only members who qualify from now on.');
    expect(localizedError(zh, bad)).toBe('请选择谁会进入：已经符合条件的会员，或只让从现在起符合条件的会员进入。');
    expect(localizedError(zh, new Error('fetch failed'))).toBe('无法连接 Memberflow 服务器。请检查网络后重试。');
    expect(localizedError(zh, new ApiRequestError(403, { error: 'Needs the edit permission' }))).toBe('你没有执行此操作的权限。');
    const notLive = new ApiRequestError(409, { error: 'No estimate: "X" has no live version yet', issues: [{ field: 'version', message: 'the workflow is not published yet' }] });
    expect(localizedError(en, notLive)).toBe('The workflow is not published yet, so there is no live version to count.');
    expect(localizedError(zh, new ApiRequestError(409, { error: 'Cannot resume a workflow that is active' }))).toBe('在工作流当前状态下无法执行（Cannot resume a workflow that is active）。');
    expect(localizedError(en, new ApiRequestError(500, null))).toBe('Something went wrong (HTTP 500).');
  });
});
