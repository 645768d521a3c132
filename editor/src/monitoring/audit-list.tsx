import { formatDateTime } from '../ui/format-date.ts';
import type { AuditEntry } from './monitoring-types.ts';

// Detail keys worth a glance in the list; the rest stay in the log.
const shown = ['version', 'status', 'exited', 'journeys', 'effects', 'all'];

function summary(details: Record<string, unknown>): string {
  return shown
    .filter((k) => details[k] !== undefined && details[k] !== null)
    .map((k) => `${k} ${String(details[k])}`)
    .join(' · ');
}

export function AuditList({ entries }: { entries: AuditEntry[] | null }) {
  if (entries === null) return <p className="muted panel-empty">Loading…</p>;
  if (entries.length === 0) return <p className="muted panel-empty">Nothing recorded yet. Publishing, pausing, resuming, stopping and acting on failures appear here.</p>;
  return (
    <ul className="audit-list" data-testid="audit-list">
      {entries.map((e, i) => (
        <li key={`${e.at}-${i}`} className="audit-list__row" data-testid="audit-row">
          <span className="audit-list__who">
            <strong>{e.actor}</strong> <code>{e.action}</code>
          </span>
          <span className="audit-list__details muted">{summary(e.details)}</span>
          <time className="audit-list__when muted" dateTime={e.at}>
            {formatDateTime(e.at)}
          </time>
        </li>
      ))}
    </ul>
  );
}
