import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { BackOfficePage } from './routes.ts';

// Each page loads on first visit: the charts library stays out of the canvas' bundle.
const pages: Record<BackOfficePage, LazyExoticComponent<ComponentType>> = {
  coupons: lazy(() => import('../pages/coupons-page.tsx').then((m) => ({ default: m.CouponsPage }))),
  points: lazy(() => import('../pages/points-page.tsx').then((m) => ({ default: m.PointsPage }))),
  'points-mall': lazy(() => import('../pages/points-mall-page.tsx').then((m) => ({ default: m.PointsMallPage }))),
  cards: lazy(() => import('../pages/cards-page.tsx').then((m) => ({ default: m.CardsPage }))),
  tiers: lazy(() => import('../pages/tiers-page.tsx').then((m) => ({ default: m.TiersPage }))),
  segments: lazy(() => import('../pages/segments-page.tsx').then((m) => ({ default: m.SegmentsPage }))),
  rfm: lazy(() => import('../pages/rfm-page.tsx').then((m) => ({ default: m.RfmPage }))),
  analytics: lazy(() => import('../pages/analytics-page.tsx').then((m) => ({ default: m.AnalyticsPage }))),
  settings: lazy(() => import('../pages/settings-page.tsx').then((m) => ({ default: m.SettingsPage }))),
};

/** The back-office page for a path (inside the app's Suspense boundary). */
export function BackOfficeOutlet({ page }: { page: BackOfficePage }) {
  const Page = pages[page];
  return <Page />;
}
