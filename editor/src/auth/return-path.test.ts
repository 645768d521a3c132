import { describe, expect, it } from 'vitest';
import { returnPathFrom, safeReturnPath, SIGN_IN_PATH, signInPath } from './return-path.ts';

describe('return path after sign-in', () => {
  it('keeps the page asked for, with its query and hash', () => {
    expect(signInPath('/workflows/wf-1')).toBe('/sign-in?next=%2Fworkflows%2Fwf-1');
    expect(returnPathFrom('?next=%2Fworkflows%2Fwf-1')).toBe('/workflows/wf-1');
    expect(returnPathFrom(`?next=${encodeURIComponent('/members?q=ann#top')}`)).toBe('/members?q=ann#top');
  });

  it('goes home from home, and never back to the sign-in page', () => {
    expect(signInPath('/')).toBe(SIGN_IN_PATH);
    expect(signInPath('/sign-in?next=%2Fadmin')).toBe(SIGN_IN_PATH);
    expect(returnPathFrom('')).toBe('/');
    expect(returnPathFrom('?next=%2Fsign-in')).toBe('/');
  });

  it('refuses anything that leaves the site', () => {
    for (const evil of ['//evil.example/x', '/\\evil.example', '/\t/evil.example', 'https://evil.example/', 'javascript:alert(1)', 'admin', '']) {
      expect(safeReturnPath(evil), JSON.stringify(evil)).toBe('/');
    }
    expect(safeReturnPath(null)).toBe('/');
  });
});
