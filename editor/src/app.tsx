import { lazy, Suspense } from 'react';
import { AppHeader } from './ui/app-header.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { WorkflowListPage } from './pages/workflow-list-page.tsx';
import { usePathname } from './routing/navigation.ts';
import { matchRoute } from './routing/routes.ts';

// The canvas brings React Flow and XState; the list page should not wait for them.
const CanvasPage = lazy(() => import('./pages/canvas-page.tsx').then((m) => ({ default: m.CanvasPage })));
const WorkflowDashboardPage = lazy(() => import('./pages/workflow-dashboard-page.tsx').then((m) => ({ default: m.WorkflowDashboardPage })));
const MembersPage = lazy(() => import('./pages/members-page.tsx').then((m) => ({ default: m.MembersPage })));
const MemberTracePage = lazy(() => import('./pages/members-page.tsx').then((m) => ({ default: m.MemberTracePage })));
const HealthPage = lazy(() => import('./pages/health-page.tsx').then((m) => ({ default: m.HealthPage })));

export function App() {
  const route = matchRoute(usePathname());
  return (
    <>
      <AppHeader />
      <main className="app-main">
        {route.page === 'list' && <WorkflowListPage />}
        {/* Keyed so opening another workflow starts a fresh editor instead of reusing state. */}
        {route.page === 'workflow' && (
          <Suspense fallback={<div className="page-message muted">Loading editor…</div>}>
            <CanvasPage key={route.id} workflowId={route.id} />
          </Suspense>
        )}
        {route.page !== 'list' && route.page !== 'workflow' && route.page !== 'not-found' && (
          <Suspense fallback={<div className="page-message muted">Loading…</div>}>
            {route.page === 'dashboard' && <WorkflowDashboardPage key={route.id} workflowId={route.id} />}
            {route.page === 'members' && <MembersPage />}
            {route.page === 'member' && <MemberTracePage key={route.id} memberId={route.id} />}
            {route.page === 'health' && <HealthPage />}
          </Suspense>
        )}
        {route.page === 'not-found' && <NotFoundPage />}
      </main>
    </>
  );
}
