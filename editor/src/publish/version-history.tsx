import type { WorkflowDetail } from '@memberflow/shared/api/workflows';
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
}

/** Published versions, newest first; viewing one shows it read-only on the canvas. */
export function VersionHistory(p: VersionHistoryProps) {
  const versions = [...p.versions].sort((a, b) => b.version - a.version);
  return (
    <section className="inspector" aria-label="Version history" data-testid="version-history">
      <h2 className="panel-title" style={{ padding: '14px 14px 8px' }}>
        Version history
      </h2>
      {versions.length === 0 ? (
        <p className="muted" style={{ padding: '0 14px' }}>
          No versions yet. Each publish adds one here; published versions never change.
        </p>
      ) : (
        <ul className="version-list">
          {versions.map((v) => (
            <li key={v.version} className={p.viewing === v.version ? 'version-list__current' : undefined} data-testid={`version-${v.version}`}>
              <div className="version-list__meta">
                <strong>Version {v.version}</strong>
                {v.version === p.liveVersion && <span className="muted"> · live</span>}
                <div className="muted">{formatDateTime(v.publishedAt)}</div>
              </div>
              {p.viewing === v.version ? (
                <button type="button" className="btn" onClick={p.onBackToDraft}>
                  Back to draft
                </button>
              ) : (
                <button type="button" className="btn" onClick={() => p.onView(v.version)} disabled={p.loading !== null} data-testid={`view-version-${v.version}`}>
                  {p.loading === v.version ? 'Loading…' : 'View'}
                </button>
              )}
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
