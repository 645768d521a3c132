import type { RfmProgress } from '@memberflow/shared/api/rfm-routes';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { useT } from '../i18n/i18n.ts';
import { callRoute, rfmRecompute, rfmRoutes } from './insights-api.ts';

const POLL_MS = 250;

/** Rescoring every member now, with how far it has got (read from the server while the request runs). */
export function RfmRecomputeButton({ onDone }: { onDone: () => void }) {
  const t = useT();
  const f = useLocaleFormat();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<RfmProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!running) return;
    const ctrl = new AbortController();
    const timer = window.setInterval(() => {
      callRoute(rfmRoutes.progress, { signal: ctrl.signal })
        .then((p) => p.running && setProgress(p))
        .catch(() => {});
    }, POLL_MS);
    return () => {
      window.clearInterval(timer);
      ctrl.abort();
    };
  }, [running]);

  const run = async () => {
    setRunning(true);
    setProblem(null);
    setProgress(null);
    try {
      const r = await rfmRecompute();
      setProgress({ running: false, done: r.scored, total: r.scored, startedAt: null });
      onDone();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <span className="rfm-progress">
      {running && (
        <>
          <progress max={progress?.total || 1} value={progress?.done ?? 0} data-testid="rfm-progress" />
          <span className="muted">{progress ? t('rfm.progress', { done: f.number(progress.done), total: f.number(progress.total) }) : t('rfm.starting')}</span>
        </>
      )}
      {!running && progress && <span className="muted" data-testid="rfm-recomputed">{t('rfm.recomputed', { count: f.number(progress.done) })}</span>}
      {problem && (
        <span className="field__error" role="alert">
          {problem}
        </span>
      )}
      <button type="button" className="btn btn--primary" disabled={running} onClick={() => void run()} data-testid="rfm-recompute">
        {running ? t('rfm.recomputing') : t('rfm.recompute')}
      </button>
    </span>
  );
}
