import type { MallItem } from '@memberflow/shared/api/points-mall';
import { pointsMallRoutes } from '@memberflow/shared/api/points-mall-routes';
import { useState } from 'react';
import { callRoute } from '../api/call-route.ts';
import { errorMessage } from '../api/http.ts';
import { useCan } from '../auth/session-context.ts';
import { listCouponTemplates } from '../back-office/back-office-api.ts';
import { BackOfficeHead } from '../back-office/back-office-head.tsx';
import { MallChart } from '../back-office/points-mall/mall-chart.tsx';
import { MallItemDialog } from '../back-office/points-mall/mall-item-dialog.tsx';
import { MallItemTable } from '../back-office/points-mall/mall-item-table.tsx';
import { MallRedemptionList } from '../back-office/points-mall/mall-redemption-list.tsx';
import { mallSeries } from '../back-office/points-mall/mall-series.ts';
import { useT } from '../i18n/i18n.ts';
import { Panel } from '../monitoring/panel.tsx';
import { usePolling } from '../monitoring/use-polling.ts';
import '../styles/monitoring.css';
import '../styles/back-office.css';

const PERIODS = [30, 90, 365] as const;

/** /points-mall: the catalogue of rewards, redemptions over time and the redemptions with refunds. */
export function PointsMallPage() {
  const t = useT();
  const canEdit = useCan('edit');
  const items = usePolling((s) => callRoute(pointsMallRoutes.items, { signal: s }), 0, []);
  const templates = usePolling((s) => listCouponTemplates(s), 0, []);
  const [days, setDays] = useState<number>(30);
  const report = usePolling((s) => callRoute(pointsMallRoutes.report, { query: { days }, signal: s }), 30_000, [days]);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<MallItem | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const all = items.data?.items ?? [];
  const archivedCount = all.filter((i) => i.archivedAt !== null).length;
  const list = showArchived ? all : all.filter((i) => i.archivedAt === null);
  const chosen = all.find((i) => i.key === selected) ?? null;

  const changed = (n: string) => {
    setNotice(n);
    items.reload();
    report.reload();
  };
  const saved = (i: MallItem) => {
    changed(editing === 'new' ? t('mall.created', { key: i.key }) : t('mall.saved'));
    setEditing(null);
    setSelected(i.key);
  };
  const archive = async (i: MallItem) => {
    try {
      await callRoute(i.archivedAt ? pointsMallRoutes.restoreItem : pointsMallRoutes.archiveItem, { params: { key: i.key } });
      changed(t(i.archivedAt ? 'mall.restoredNotice' : 'mall.archivedNotice', { key: i.key }));
    } catch (err) {
      setNotice(errorMessage(err));
    }
  };

  return (
    <div className="mon-page" data-testid="points-mall-page">
      <BackOfficeHead
        title={t('mall.title')}
        intro={t('mall.intro')}
        notice={notice}
        action={
          canEdit && (
            <button className="btn btn--primary" type="button" onClick={() => setEditing('new')} data-testid="mall-item-new">
              {t('mall.new')}
            </button>
          )
        }
      />
      <section className="card panel">
        {items.error && <p className="banner banner--error">{t('bo.loadFailed', { message: items.error })}</p>}
        {items.data && list.length === 0 ? (
          <p className="muted panel-empty">{t('mall.empty')}</p>
        ) : (
          <MallItemTable items={list} selected={selected} canEdit={canEdit} onSelect={(k) => setSelected(k === selected ? null : k)} onEdit={setEditing} onArchive={archive} />
        )}
        {archivedCount > 0 && (
          <label className="bo-toggle muted">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> {t('mall.showArchived', { count: archivedCount })}
          </label>
        )}
      </section>
      <Panel
        title={t('mall.chartTitle')}
        aside={
          <span className="mon-page__actions">
            <span className="muted panel__aside">{chosen ? chosen.name : t('mall.chartAll')}</span>
            <select className="select bo-period" value={days} onChange={(e) => setDays(Number(e.target.value))} aria-label={t('mall.period')}>
              {PERIODS.map((d) => (
                <option key={d} value={d}>
                  {t('mall.lastDays', { days: d })}
                </option>
              ))}
            </select>
          </span>
        }
      >
        {report.data ? <MallChart points={mallSeries(report.data, Date.now(), selected)} /> : <p className="muted panel-empty">{report.error ?? t('common.loading')}</p>}
      </Panel>
      <Panel title={chosen ? t('mall.redemptionsOf', { name: chosen.name }) : t('mall.redemptions')} testId="mall-redemptions-panel">
        <MallRedemptionList item={selected} canEdit={canEdit} onChanged={changed} />
      </Panel>
      {editing && (
        <MallItemDialog
          item={editing === 'new' ? undefined : editing}
          takenKeys={all.map((i) => i.key)}
          templates={templates.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
    </div>
  );
}
