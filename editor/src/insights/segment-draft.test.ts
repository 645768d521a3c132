import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/http.ts';
import { translate } from '../i18n/i18n.ts';
import { keyFromName, newSegmentDraft, rfmGroupParam, saveIssues, segmentIssue } from './segment-draft.ts';

describe('segment form', () => {
  it('suggests a key from the name', () => {
    expect(keyFromName('At-risk RFM who spent over 200')).toBe('at-risk-rfm-who-spent-over-200');
    expect(keyFromName('  VIPs!! ')).toBe('vips');
    expect(keyFromName('流失预警')).toBe('');
  });

  it("splits a refusal's issues between the form's fields and the condition's rules", () => {
    const err = new ApiRequestError(400, {
      error: 'Invalid request body: key must be …',
      issues: [
        { field: 'key', message: 'must be 1-64 lowercase letters' },
        { field: 'condition.rules.1.value', message: 'is required' },
        { field: 'condition', message: 'is required' },
      ],
    });
    expect(saveIssues(err)).toEqual({ fields: { key: 'must be 1-64 lowercase letters' }, condition: { 'rules.1.value': 'is required', '': 'is required' } });
    expect(saveIssues(new Error('offline'))).toEqual({ fields: {}, condition: {} });
  });

  it("says the schema's problems in the user's language", () => {
    const zh = (k: Parameters<typeof translate>[1]) => translate('zh-CN', k);
    expect(segmentIssue(zh, 'give the segment a name')).toBe('请为分群命名。');
    expect(segmentIssue(zh, 'is taken')).toBe('已有分群使用此标识。');
    expect(segmentIssue(zh, 'must be 1-64 lowercase letters, digits, "-" or "_" (e.g. big-spenders)')).toContain('小写字母');
    expect(segmentIssue(zh, 'must be at most 120 characters')).toBeNull();
  });

  it('starts a segment from the RFM group the RFM page sent', () => {
    expect(rfmGroupParam('?rfm=cant_lose', ['cant_lose', 'lost'])).toBe('cant_lose');
    expect(rfmGroupParam('?rfm=potential', ['cant_lose', 'lost'])).toBeNull();
    expect(rfmGroupParam('', ['lost'])).toBeNull();
    expect(newSegmentDraft({ group: 'cant_lose', name: "Can't lose them" })).toMatchObject({
      key: 'rfm-cant-lose',
      name: "Can't lose them",
      condition: { rules: [{ field: 'member.rfm.segment', op: 'eq', value: 'cant_lose' }] },
    });
  });
});
