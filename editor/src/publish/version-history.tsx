import type { WorkflowDetail } from '@memberflow/shared/api/workflows';
import { useT } from '../i18n/i18n.ts';
import { formatDateTime } from '../ui/format-date.ts';
import '../styles/publish.css';

interface VersionHistoryProps {
  versions: WorkflowDetail['versions'];
  liveVersion: number | null;
  viewing: number | null;
  loading: number | null;
  error: string | null;
  onView: (version: number) => void;
  onBackToDraft: () => void;
  /** Null for people who cannot edit. */
  onRestore: ((version: number) => void) | null;
}

/** Published versions, newest first; viewing one shows it read-only on the canvas. */
export function VersionHistory(p: VersionHistoryProps) {
  const t = useT();
  const versions = [...p.versions].sort((a, b) => b.version - a.version);
  return (
    <section className="inspector" aria-label={t('history.title')} data-testid="version-history">
      <h2 className="panel-title" style={{ padding: '14px 14px 8px' }}>
        {t('history.title')}
      </h2>
      {versions.length === 0 ? (
        <p className="muted" style={{ padding: '0 14px' }}>
          {t('history.empty')}
        </p>
      ) : (
        <ul className="version-list">
          {versions.map((v) => (
            <li key={v.version} className={p.viewing === v.version ? 'version-list__current' : undefined} data-testid={`version-${v.version}`}>
              <div className="version-list__meta">
                <strong>{t('history.version', { version: v.version })}</strong>
                {v.version === p.liveVersion && <span className="muted"> · {t('history.live')}</span>}
                <div className="muted">{formatDateTime(v.publishedAt)}</div>
              </div>
              <div className="version-list__actions">
                {p.viewing === v.version ? (
                  <button type="button" className="btn" onClick={p.onBackToDraft}>
                    {t('history.backToDraft')}
                  </button>
                ) : (
                  <button type="button" className="btn" onClick={() => p.onView(v.version)} disabled={p.loading !== null} data-testid={`view-version-${v.version}`}>
                    {p.loading === v.version ? '…' : t('history.view')}
                  </button>
                )}
                {p.onRestore && (
                  <button
                    type="button"
                    className="btn"
                    title={t('history.restoreTitle')}
                    onClick={() => p.onRestore!(v.version)}
                    disabled={p.loading !== null}
                    data-testid={`restore-version-${v.version}`}
                  >
                    {t('history.restore')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {p.error && (
        <div className="banner banner--error" role="alert" style={{ margin: '0 12px' }}>
          {p.error}
        </div>
      )}
    </section>
  );
}
