import { describe, expect, it } from 'vitest';
import { BACK_OFFICE_PAGES, matchRoute, workflowPath } from './routes.ts';

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

describe('back-office routes', () => {
  it('matches each page by its path, with or without a trailing slash', () => {
    for (const page of BACK_OFFICE_PAGES) {
      expect(matchRoute(`/${page}`)).toEqual({ page });
      expect(matchRoute(`/${page}/`)).toEqual({ page });
    }
    expect(matchRoute('/coupons/x')).toEqual({ page: 'not-found' });
  });
});
