import { lazy, Suspense } from 'react';
import { AppHeader } from './ui/app-header.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { WorkflowListPage } from './pages/workflow-list-page.tsx';
import { usePathname } from './routing/navigation.ts';
import { matchRoute } from './routing/routes.ts';

// The canvas brings React Flow and XState; the list page should not wait for them.
const CanvasPage = lazy(() => import('./pages/canvas-page.tsx').then((m) => ({ default: m.CanvasPage })));

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
        {route.page === 'not-found' && <NotFoundPage />}
      </main>
    </>
  );
}
