import type { ImportJobStatus } from '@memberflow/shared/api/member-admin';
import { useT } from '../../i18n/i18n.ts';
import { useLocaleFormat } from '../locale-format.ts';

const WORDED = ['email', 'phone', 'birthday', 'timeZone'] as const;

/** The bar, the counts and the first problems, each by its line in the file. */
export function ImportProgress({ job }: { job: ImportJobStatus }) {
  const t = useT();
  const f = useLocaleFormat();
  const share = job.total ? job.processed / job.total : job.status === 'running' ? 0 : 1;
  return (
    <div className="bo-inline-rows" data-testid="import-progress" data-status={job.status}>
      <progress className="bo-progress" max={1} value={share} aria-label={t('import.progress')} />
      <p data-testid="import-summary">
        {t(`import.status.${job.status}`, {
          processed: f.number(job.processed),
          total: f.number(job.total),
          failed: f.number(job.failed),
        })}
      </p>
      {job.errors.length > 0 && (
        <div className="bo-import-errors">
          <table className="mon-table" data-testid="import-errors">
            <thead>
              <tr>
                <th className="num">{t('import.col.row')}</th>
                <th>{t('import.col.field')}</th>
                <th>{t('import.col.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {job.errors.map((e, i) => (
                <tr key={i}>
                  <td className="num">{e.row || t('bo.none')}</td>
                  <td>
                    <code>{e.field}</code>
                  </td>
                  <td>
                    {(WORDED as readonly string[]).includes(e.field)
                      ? t(`member.problem.${e.field as (typeof WORDED)[number]}`)
                      : e.message}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
