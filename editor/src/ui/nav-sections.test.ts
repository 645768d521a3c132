import { type Role } from '@memberflow/shared/api/auth';
import { roleCan } from '@memberflow/shared/access';
import { describe, expect, it } from 'vitest';
import { navSections } from './nav-sections.ts';

const hrefs = (role: Role) => navSections((p) => roleCan(role, p)).map((s) => s.href);

describe('header sections', () => {
  it('show Users & API keys to admins only', () => {
    expect(hrefs('admin')).toEqual(['/', '/members', '/health', '/admin']);
    expect(hrefs('marketer')).toEqual(['/', '/members', '/health']);
    expect(hrefs('analyst')).toEqual(['/', '/members', '/health']);
  });
});
