import type { Permission } from '@memberflow/shared/api/auth';
import type { MessageKey } from '../i18n/en.ts';

export interface NavSection {
  href: string;
  label: MessageKey;
  current: (pathname: string) => boolean;
  /** Shown only to people who may use the page; the server refuses the rest anyway. */
  needs: Permission;
}

// Everyone who may read sees the back office; analysts get it without edit controls.
const page = (href: string, label: MessageKey): NavSection[] => [{ href, label, current: (p) => p === href || p.startsWith(`${href}/`), needs: 'read' }];

const all: readonly NavSection[] = [
  { href: '/', label: 'nav.workflows', current: (p) => p === '/' || p.startsWith('/workflows/'), needs: 'read' },
  { href: '/members', label: 'nav.members', current: (p) => p.startsWith('/members'), needs: 'read' },
  ...page('/coupons', 'nav.coupons'),
  ...page('/points', 'nav.points'),
  ...page('/points-mall', 'nav.pointsMall'),
  ...page('/tiers', 'nav.tiers'),
  ...page('/cards', 'nav.cards'),
  ...page('/segments', 'nav.segments'),
  ...page('/rfm', 'nav.rfm'),
  ...page('/analytics', 'nav.analytics'),
  { href: '/health', label: 'nav.health', current: (p) => p.startsWith('/health'), needs: 'read' },
  ...page('/settings', 'nav.settings'),
  { href: '/admin', label: 'nav.admin', current: (p) => p.startsWith('/admin'), needs: 'admin' },
];

export function navSections(can: (p: Permission) => boolean): NavSection[] {
  return all.filter((s) => can(s.needs));
}
