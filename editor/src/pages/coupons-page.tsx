import { couponRoutes } from '@memberflow/shared/api/coupon-admin';
import type { CouponTemplate } from '@memberflow/shared/api/loyalty';
import { useState } from 'react';
import { callRoute } from '../api/call-route.ts';
import { useCan } from '../auth/session-context.ts';
import { listCouponTemplates } from '../back-office/back-office-api.ts';
import { BackOfficeHead } from '../back-office/back-office-head.tsx';
import { CouponArchiveDialog } from '../back-office/coupons/coupon-archive.tsx';
import { CouponChart } from '../back-office/coupons/coupon-chart.tsx';
import { CouponList } from '../back-office/coupons/coupon-list.tsx';
import { CouponTemplateDialog } from '../back-office/coupons/coupon-template-dialog.tsx';
import { CouponTemplateTable } from '../back-office/coupons/coupon-template-table.tsx';
import { dailySeries } from '../back-office/coupons/daily-series.ts';
import { useT } from '../i18n/i18n.ts';
import { Panel } from '../monitoring/panel.tsx';
import { usePolling } from '../monitoring/use-polling.ts';
import '../styles/monitoring.css';
import '../styles/back-office.css';

const PERIODS = [30, 90, 365] as const;

/** /coupons: templates with their counts, a chart over time, and the coupons of the chosen template. */
export function CouponsPage() {
  const t = useT();
  const canEdit = useCan('edit');
  const templates = usePolling((s) => listCouponTemplates(s), 0, []);
  const [days, setDays] = useState<number>(30);
  const report = usePolling((s) => callRoute(couponRoutes.report, { query: { days }, signal: s }), 30_000, [days]);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<CouponTemplate | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [archiving, setArchiving] = useState<CouponTemplate | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const all = templates.data ?? [];
  const archivedCount = all.filter((c) => c.archivedAt !== null).length;
  // Archived templates stay out of the way unless asked for; their coupons still count in the report.
  const list = showArchived ? all : all.filter((c) => c.archivedAt === null);
  const chosen = list.find((c) => c.key === selected) ?? null;

  const saved = (c: CouponTemplate) => {
    setNotice(editing === 'new' ? t('couponForm.created', { key: c.key }) : t('bo.saved'));
    setEditing(null);
    setSelected(c.key);
    templates.reload();
  };

  return (
    <div className="mon-page" data-testid="coupons-page">
      <BackOfficeHead
        title={t('coupons.title')}
        intro={t('coupons.intro')}
        notice={notice}
        action={
          canEdit && (
            <button
              className="btn btn--primary"
              type="button"
              onClick={() => setEditing('new')}
              data-testid="coupon-template-new"
            >
              {t('coupons.new')}
            </button>
          )
        }
      />
      <section className="card panel">
        {templates.error && <p className="banner banner--error">{t('bo.loadFailed', { message: templates.error })}</p>}
        {templates.data && list.length === 0 ? (
          <p className="muted panel-empty">{t('coupons.empty')}</p>
        ) : (
          <CouponTemplateTable
            templates={list}
            counts={report.data?.templates ?? {}}
            selected={selected}
            canEdit={canEdit}
            onSelect={setSelected}
            onEdit={setEditing}
            onArchive={setArchiving}
          />
        )}
        {archivedCount > 0 && (
          <label className="bo-toggle muted">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} data-testid="coupon-show-archived" />{' '}
            {t('coupons.showArchived', { count: archivedCount })}
          </label>
        )}
      </section>
      <Panel
        title={t('coupons.chartTitle')}
        aside={
          <span className="mon-page__actions">
            <span className="muted panel__aside">{chosen ? chosen.name : t('coupons.chartAll')}</span>
            <select className="select bo-period" value={days} onChange={(e) => setDays(Number(e.target.value))} aria-label={t('coupons.period')} data-testid="coupon-period">
              {PERIODS.map((d) => (
                <option key={d} value={d}>
                  {t('coupons.lastDays', { days: d })}
                </option>
              ))}
            </select>
          </span>
        }
      >
        {report.data ? (
          <CouponChart points={dailySeries(report.data, Date.now(), selected)} />
        ) : (
          <p className="muted panel-empty">{report.error ?? t('common.loading')}</p>
        )}
      </Panel>
      <Panel
        title={
          chosen ? t('coupons.ofTemplate', { name: `${chosen.name} (${chosen.key})` }) : t('coupons.ofTemplate', { name: '…' })
        }
        testId="coupons-of-template"
      >
        {chosen ? (
          <CouponList
            key={chosen.key}
            template={chosen.key}
            canEdit={canEdit}
            onChanged={(n) => {
              setNotice(n);
              report.reload();
            }}
          />
        ) : (
          <p className="muted panel-empty">{t('coupons.pickTemplate')}</p>
        )}
      </Panel>
      {editing && (
        <CouponTemplateDialog
          template={editing === 'new' ? undefined : editing}
          takenKeys={all.map((c) => c.key)}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
      {archiving && (
        <CouponArchiveDialog
          template={archiving}
          onCancel={() => setArchiving(null)}
          onDone={(n) => {
            setArchiving(null);
            setNotice(n);
            templates.reload();
          }}
        />
      )}
    </div>
  );
}
