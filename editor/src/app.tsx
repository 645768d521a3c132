import { AppHeader } from './ui/app-header.tsx';
import { CanvasPage } from './pages/canvas-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { WorkflowListPage } from './pages/workflow-list-page.tsx';
import { usePathname } from './routing/navigation.ts';
import { matchRoute } from './routing/routes.ts';

export function App() {
  const route = matchRoute(usePathname());
  return (
    <>
      <AppHeader />
      <main className="app-main">
        {route.page === 'list' && <WorkflowListPage />}
        {/* Keyed so opening another workflow starts a fresh editor instead of reusing state. */}
        {route.page === 'workflow' && <CanvasPage key={route.id} workflowId={route.id} />}
        {route.page === 'not-found' && <NotFoundPage />}
      </main>
    </>
  );
}
