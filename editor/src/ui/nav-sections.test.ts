import { type Role } from '@memberflow/shared/api/auth';
import { roleCan } from '@memberflow/shared/access';
import { describe, expect, it } from 'vitest';
import { navSections } from './nav-sections.ts';

const hrefs = (role: Role) => navSections((p) => roleCan(role, p)).map((s) => s.href);

describe('header sections', () => {
  it('show Users & API keys to admins only', () => {
    const pages = ['/', '/members', '/coupons', '/points', '/points-mall', '/tiers', '/cards', '/segments', '/rfm', '/analytics', '/health', '/settings'];
    expect(hrefs('admin')).toEqual([...pages, '/admin']);
    expect(hrefs('marketer')).toEqual(pages);
    expect(hrefs('analyst')).toEqual(pages);
  });
});
