import { describe, expect, it } from 'vitest';
import { matchRoute, workflowPath } from './routes.ts';

describe('routes', () => {
  it('matches the list and workflow pages', () => {
    expect(matchRoute('/')).toEqual({ page: 'list' });
    expect(matchRoute(workflowPath('wf 1'))).toEqual({ page: 'workflow', id: 'wf 1' });
    expect(matchRoute('/nope')).toEqual({ page: 'not-found' });
  });

  it('matches the sign-in and admin pages', () => {
    expect(matchRoute('/sign-in')).toEqual({ page: 'sign-in' });
    expect(matchRoute('/admin')).toEqual({ page: 'admin' });
    expect(matchRoute('/admin/')).toEqual({ page: 'admin' });
  });
});
