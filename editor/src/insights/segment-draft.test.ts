import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/http.ts';
import { keyFromName, saveIssues } from './segment-draft.ts';

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
});
