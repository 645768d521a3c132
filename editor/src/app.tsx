import { lazy, Suspense, useEffect } from 'react';
import { shownUser } from './auth/auth-state.ts';
import { returnPathFrom, SIGN_IN_PATH, signInPath } from './auth/return-path.ts';
import { SessionExpiredDialog } from './auth/session-expired-dialog.tsx';
import { useAuth, useSession } from './auth/session-context.ts';
import { useT } from './i18n/i18n.ts';
import { AppHeader } from './ui/app-header.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { WorkflowListPage } from './pages/workflow-list-page.tsx';
import { navigate, usePathname } from './routing/navigation.ts';
import { BackOfficeOutlet } from './routing/back-office-outlet.tsx';
import { BACK_OFFICE_PAGES, matchRoute, type BackOfficePage, type Route } from './routing/routes.ts';

// The canvas brings React Flow and XState; the list page should not wait for them.
const CanvasPage = lazy(() => import('./pages/canvas-page.tsx').then((m) => ({ default: m.CanvasPage })));
const WorkflowDashboardPage = lazy(() => import('./pages/workflow-dashboard-page.tsx').then((m) => ({ default: m.WorkflowDashboardPage })));
const MembersPage = lazy(() => import('./pages/members-page.tsx').then((m) => ({ default: m.MembersPage })));
const MemberTracePage = lazy(() => import('./pages/members-page.tsx').then((m) => ({ default: m.MemberTracePage })));
const HealthPage = lazy(() => import('./pages/health-page.tsx').then((m) => ({ default: m.HealthPage })));
const AdminPage = lazy(() => import('./pages/admin-page.tsx').then((m) => ({ default: m.AdminPage })));

/** The sign-in gate: nothing but the sign-in page until /api/v1/auth/me knows who this is. */
export function App() {
  const t = useT();
  const { state, retry } = useAuth();
  const pathname = usePathname();
  const onSignIn = matchRoute(pathname).page === 'sign-in';

  if (state.status === 'loading') return <div className="page-message muted">{t('common.loading')}</div>;
  if (state.status === 'unreachable') {
    return (
      <div className="page-message" data-testid="server-unreachable">
        <h1>{t('session.unreachableTitle')}</h1>
        <p className="muted">{state.message}</p>
        <div className="page-message__actions">
          <button className="btn btn--primary" type="button" onClick={retry}>
            {t('list.retry')}
          </button>
        </div>
      </div>
    );
  }
  if (state.status === 'signed-out') {
    // The sign-in address carries the page asked for, to go back to it after signing in.
    if (onSignIn) return <SignInPage />;
    return <Redirect to={state.keepPage ? signInPath(currentLocation()) : SIGN_IN_PATH} />;
  }
  if (onSignIn) return <Redirect to={returnPathFrom(window.location.search)} />;
  const user = shownUser(state)!;
  return (
    <>
      {/* Keyed by user: someone else signing in over an expired session starts from clean pages. */}
      <SignedInApp key={user.id} />
      {state.status === 'expired' && <SessionExpiredDialog email={user.email} />}
    </>
  );
}

function currentLocation(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function SignedInApp() {
  const t = useT();
  const route = matchRoute(usePathname());
  const { can } = useSession();
  return (
    <>
      <AppHeader />
      <main className="app-main">
        {route.page === 'list' && <WorkflowListPage />}
        {/* Keyed so opening another workflow starts a fresh editor instead of reusing state. */}
        {route.page === 'workflow' && (
          <Suspense fallback={<div className="page-message muted">{t('app.loadingEditor')}</div>}>
            <CanvasPage key={route.id} workflowId={route.id} />
          </Suspense>
        )}
        {route.page !== 'list' && route.page !== 'workflow' && route.page !== 'not-found' && route.page !== 'sign-in' && (
          <Suspense fallback={<div className="page-message muted">{t('common.loading')}</div>}>
            {route.page === 'dashboard' && <WorkflowDashboardPage key={route.id} workflowId={route.id} />}
            {route.page === 'members' && <MembersPage />}
            {route.page === 'member' && <MemberTracePage key={route.id} memberId={route.id} />}
            {route.page === 'health' && <HealthPage />}
            {isBackOffice(route) && <BackOfficeOutlet key={route.page} page={route.page} />}
            {route.page === 'admin' && (can('admin') ? <AdminPage /> : <NotAllowedPage />)}
          </Suspense>
        )}
        {route.page === 'not-found' && <NotFoundPage />}
      </main>
    </>
  );
}

const isBackOffice = (r: Route): r is { page: BackOfficePage } => (BACK_OFFICE_PAGES as readonly string[]).includes(r.page);

function NotAllowedPage() {
  const t = useT();
  return (
    <div className="page-message" data-testid="not-allowed">
      <h1>{t('access.notAllowedTitle')}</h1>
      <p className="muted">{t('access.notAllowedText')}</p>
      <div className="page-message__actions">
        <button className="btn" type="button" onClick={() => navigate('/')}>
          {t('toolbar.back')}
        </button>
      </div>
    </div>
  );
}
