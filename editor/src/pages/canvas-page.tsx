import { useT } from '../i18n/i18n.ts';
import { useMachine } from '@xstate/react';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { canvasMachine } from '../canvas/canvas-machine.ts';
import { noticeText } from '../canvas/canvas-notice.ts';
import { CanvasWorkspace } from '../canvas/canvas-workspace.tsx';
import { navigate } from '../routing/navigation.ts';

export function CanvasPage({ workflowId }: { workflowId: string }) {
  const t = useT();
  const f = useLocaleFormat();
  const [snapshot, send] = useMachine(canvasMachine, { input: { workflowId } });
  const { detail, loadError, savedKey, notice, actionError, serverViolations } = snapshot.context;

  if (snapshot.matches('failed')) {
    return (
      <div className="page-message">
        <h1>{t('canvasPage.openFailed')}</h1>
        <p className="muted">{loadError}</p>
        <div className="page-message__actions">
          <button className="btn" type="button" onClick={() => navigate('/')}>
            {t('toolbar.back')}
          </button>
          <button className="btn btn--primary" type="button" onClick={() => send({ type: 'retry' })}>
            {t('canvasPage.retry')}
          </button>
        </div>
      </div>
    );
  }
  if (snapshot.matches('loading') || !detail) {
    return <div className="page-message muted">{t('canvasPage.loading')}</div>;
  }
  return (
    <CanvasWorkspace
      detail={detail}
      savedKey={savedKey}
      busy={snapshot.matches('saving') ? 'saving' : snapshot.matches('publishing') ? 'publishing' : null}
      notice={noticeText(notice, t, f.number)}
      actionError={actionError}
      serverViolations={serverViolations}
      send={send}
    />
  );
}
