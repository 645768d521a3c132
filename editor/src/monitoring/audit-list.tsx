import { enMessages } from '../i18n/en.ts';
import { useT, type Translate } from '../i18n/i18n.ts';
import { formatDateTime } from '../ui/format-date.ts';
import type { AuditEntry } from './monitoring-types.ts';

// Detail keys worth a glance in the list; the rest stay in the log.
const shown = ['version', 'status', 'exited', 'journeys', 'effects', 'all'] as const;

function summary(details: Record<string, unknown>, t: Translate): string {
  return shown
    .filter((k) => details[k] !== undefined && details[k] !== null)
    .map((k) => t(`audit.detail.${k}`, { value: k === 'status' ? statusName(String(details[k]), t) : String(details[k]) }))
    .join(' · ');
}

function statusName(status: string, t: Translate): string {
  const key = `status.${status}`;
  return key in enMessages ? t(key as 'status.active') : status;
}

/** The log stores action codes ("workflow.pause"); people read a name. An unknown code shows as stored. */
export function auditActionName(action: string, t: Translate): string {
  const key = `audit.action.${action}`;
  return key in enMessages ? t(key as 'audit.action.workflow.pause') : action;
}

export function AuditList({ entries }: { entries: AuditEntry[] | null }) {
  const t = useT();
  if (entries === null) return <p className="muted panel-empty">{t('common.loading')}</p>;
  if (entries.length === 0) return <p className="muted panel-empty">{t('audit.none')}</p>;
  return (
    <ul className="audit-list" data-testid="audit-list">
      {entries.map((e, i) => (
        <li key={`${e.at}-${i}`} className="audit-list__row" data-testid="audit-row">
          <span className="audit-list__who">
            <strong>{e.actor}</strong>{' '}
            <span className="audit-list__action" data-action={e.action}>
              {auditActionName(e.action, t)}
            </span>
          </span>
          <span className="audit-list__details muted">{summary(e.details, t)}</span>
          <time className="audit-list__when muted" dateTime={e.at}>
            {formatDateTime(e.at)}
          </time>
        </li>
      ))}
    </ul>
  );
}
