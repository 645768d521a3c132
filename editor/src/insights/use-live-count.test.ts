import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/http.ts';
import { conditionIssues } from './use-live-count.ts';

describe('live count', () => {
  it("shows a half-written rule's problem at the rule, not as a failure", () => {
    const err = new ApiRequestError(400, { error: 'Invalid request body: condition.rules.1.value is required', issues: [{ field: 'condition.rules.1.value', message: 'is required' }] });
    expect(conditionIssues(err)).toEqual({ 'rules.1.value': 'is required' });
    expect(conditionIssues(new ApiRequestError(400, { error: 'x', issues: [{ field: 'condition', message: 'is required' }] }))).toEqual({ '': 'is required' });
  });

  it('leaves other failures (offline, 403, 500) to be shown as they are', () => {
    expect(conditionIssues(new ApiRequestError(403, { error: 'Needs edit' }))).toBeNull();
    expect(conditionIssues(new Error('offline'))).toBeNull();
  });
});
