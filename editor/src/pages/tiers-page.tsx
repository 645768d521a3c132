import { programmeRoutes } from '@memberflow/shared/api/programme-routes';
import { useEffect, useState, type FormEvent } from 'react';
import { callRoute } from '../api/call-route.ts';
import { fieldIssues } from '../api/field-issues.ts';
import { errorMessage } from '../api/http.ts';
import { useCan } from '../auth/session-context.ts';
import { BackOfficeHead } from '../back-office/back-office-head.tsx';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { TierChangesChart, TierMembersChart } from '../back-office/tiers/tier-charts.tsx';
import { tierProblems, tierRowOf, tiersBody, type TierRowState } from '../back-office/tiers/tier-form-state.ts';
import { TierLadderTable } from '../back-office/tiers/tier-ladder-table.tsx';
import { useT, type Translate } from '../i18n/i18n.ts';
import { Panel } from '../monitoring/panel.tsx';
import { usePolling } from '../monitoring/use-polling.ts';
import '../styles/monitoring.css';
import '../styles/back-office.css';

const COLUMN: Record<string, string> = { pointsMultiplier: 'multiplier' };
const problemText = (t: Translate, p: { row: number; field: string; message: string }) =>
  t('tiers.problem', { row: p.row, field: t(`tiers.col.${COLUMN[p.field] ?? p.field}` as 'tiers.col.key'), message: p.message });

/** /tiers: the ladder, members per tier and upgrades and downgrades over time. */
export function TiersPage() {
  const t = useT();
  const canEdit = useCan('edit');
  const f = useLocaleFormat();
  const ladder = usePolling((s) => callRoute(programmeRoutes.tiers, { signal: s }), 0, []);
  const report = usePolling((s) => callRoute(programmeRoutes.tierReport, { signal: s }), 30_000, []);
  const [rows, setRows] = useState<TierRowState[] | null>(null);
  const [serverProblems, setServerProblems] = useState<{ row: number; field: string; message: string }[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (ladder.data && !rows) setRows(ladder.data.tiers.map(tierRowOf));
  }, [ladder.data, rows]);

  if (!rows)
    return (
      <div className="page-message muted">
        {ladder.error ? t('bo.loadFailed', { message: ladder.error }) : t('common.loading')}
      </div>
    );
  const problems = [...tierProblems(rows), ...serverProblems];
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (problems.length) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await callRoute(programmeRoutes.saveTiers, { body: tiersBody(rows) as never });
      setRows(saved.tiers.map(tierRowOf));
      setNotice(t('tiers.saved'));
      ladder.reload();
      report.reload();
    } catch (err) {
      const fields = Object.entries(fieldIssues(err)).map(([f, message]) => ({
        row: Number(f.split('.')[1]) + 1,
        field: f.split('.').slice(2).join('.'),
        message,
      }));
      setServerProblems(fields);
      if (!fields.length) setError(errorMessage(err));
    }
    setBusy(false);
  };
  const change = (next: TierRowState[]) => {
    setRows(next);
    setServerProblems([]);
  };

  return (
    <form className="mon-page bo-page" data-testid="tiers-page" onSubmit={save} noValidate>
      <BackOfficeHead
        title={t('tiers.title')}
        intro={t('tiers.intro')}
        notice={notice}
        action={
          <button className="btn btn--primary" type="submit" disabled={busy || problems.length > 0} data-testid="tiers-save">
            {busy ? t('common.working') : t('bo.save')}
          </button>
        }
      />
      {error && <div className="banner banner--error">{error}</div>}
      <Panel title={t('tiers.ladder')}>
        <fieldset className="bo-fieldset" disabled={!canEdit}>
          {rows.length === 0 && <p className="muted">{t('tiers.empty')}</p>}
          <TierLadderTable
            rows={rows}
            members={report.data?.members ?? {}}
            invalid={new Set(problems.map((p) => `${p.row}.${p.field}`))}
            canEdit={canEdit}
            onChange={change}
          />
          {report.data?.review && (
            <p className="muted" data-testid="tier-review">
              {report.data.review.pending
                ? t('tiers.review', { done: f.number(report.data.review.done), total: f.number(report.data.review.total) })
                : t('tiers.reviewDone', { total: f.number(report.data.review.total) })}
            </p>
          )}
          {problems.length > 0 && (
            <ul className="bo-problems" role="alert" data-testid="tier-problems">
              {problems.map((p, i) => (
                <li key={i}>{problemText(t, p)}</li>
              ))}
            </ul>
          )}
        </fieldset>
      </Panel>
      <div className="mon-grid">
        <Panel title={t('tiers.membersPanel')}>
          {report.data ? (
            <TierMembersChart report={report.data} tiers={ladder.data?.tiers ?? []} />
          ) : (
            <p className="muted panel-empty">{report.error ?? t('common.loading')}</p>
          )}
        </Panel>
        <Panel title={t('tiers.changes')}>
          {report.data ? (
            <TierChangesChart report={report.data} />
          ) : (
            <p className="muted panel-empty">{report.error ?? t('common.loading')}</p>
          )}
        </Panel>
      </div>
    </form>
  );
}
