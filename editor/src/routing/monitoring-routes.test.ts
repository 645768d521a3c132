import { describe, expect, it } from 'vitest';
import { dashboardPath, matchRoute, memberPath } from './routes.ts';

describe('monitoring routes', () => {
  it('matches the dashboard, members, a member and health', () => {
    expect(matchRoute(dashboardPath('wf 1'))).toEqual({ page: 'dashboard', id: 'wf 1' });
    expect(matchRoute('/members')).toEqual({ page: 'members' });
    expect(matchRoute(memberPath('cdnow-00004'))).toEqual({ page: 'member', id: 'cdnow-00004' });
    expect(matchRoute('/health')).toEqual({ page: 'health' });
    expect(matchRoute('/workflows/x/other')).toEqual({ page: 'not-found' });
  });
});
