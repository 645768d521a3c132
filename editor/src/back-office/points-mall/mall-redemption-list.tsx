import type { MallRedemption } from '@memberflow/shared/api/points-mall';
import { pointsMallRoutes } from '@memberflow/shared/api/points-mall-routes';
import { useState } from 'react';
import { callRoute } from '../../api/call-route.ts';
import { useT } from '../../i18n/i18n.ts';
import { RouteLink } from '../../monitoring/route-link.tsx';
import { usePolling } from '../../monitoring/use-polling.ts';
import { memberPath } from '../../routing/routes.ts';
import { useLocaleFormat } from '../locale-format.ts';
import { MallRefundDialog } from './mall-refund-dialog.tsx';

interface Props {
  /** One reward's redemptions, or one member's; neither is all. */
  item?: string | null;
  memberId?: string;
  canEdit: boolean;
  /** Bumped by the caller after a redemption elsewhere, to load again. */
  version?: number;
  onChanged: (notice: string) => void;
}

/** Redemptions, newest first, with a refund for those not refunded yet. */
export function MallRedemptionList({ item, memberId, canEdit, version = 0, onChanged }: Props) {
  const t = useT();
  const f = useLocaleFormat();
  const [refunding, setRefunding] = useState<MallRedemption | null>(null);
  const list = usePolling((signal) => callRoute(pointsMallRoutes.redemptions, { query: { item: item ?? undefined, memberId, limit: 100 }, signal }), 0, [item, memberId, version]);
  const rows = list.data?.redemptions ?? [];
  if (list.error) return <p className="banner banner--error">{t('bo.loadFailed', { message: list.error })}</p>;
  if (list.data && rows.length === 0) return <p className="muted panel-empty">{t('mall.noRedemptions')}</p>;
  return (
    <>
      <table className="mon-table" data-testid="mall-redemptions">
        <thead>
          <tr>
            <th>{t('mall.col.at')}</th>
            <th>{t('mall.col.reward')}</th>
            {!memberId && <th>{t('mall.col.member')}</th>}
            <th className="num">{t('mall.col.points')}</th>
            <th className="num">{t('mall.col.cash')}</th>
            <th>{t('mall.col.coupon')}</th>
            <th>{t('mall.col.source')}</th>
            <th>{t('mall.col.status')}</th>
            {canEdit && <th />}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="mall-redemption-row">
              <td className="mon-table__time">{f.dateTime(r.at)}</td>
              <td>{r.itemName}</td>
              {!memberId && (
                <td>
                  <RouteLink to={memberPath(r.memberId)}>{r.memberId}</RouteLink>
                </td>
              )}
              <td className="num">{f.number(r.points)}</td>
              <td className="num">{r.cash ? f.money(r.cash) : r.deduction ? `−${f.money(r.deduction)}` : '—'}</td>
              <td>{r.couponCode ? <code>{r.couponCode}</code> : '—'}</td>
              <td className="muted">{t(`mall.source.${r.source}`)}</td>
              <td title={r.refundReason ?? undefined}>
                <span className={`bo-status${r.status === 'refunded' ? ' bo-archived' : ''}`} data-testid="mall-redemption-status">
                  {t(`mall.status.${r.status}`)}
                </span>
              </td>
              {canEdit && (
                <td className="bo-row-actions">
                  {r.status === 'redeemed' && (
                    <button type="button" className="btn btn--small btn--ghost" onClick={() => setRefunding(r)} data-testid="mall-refund">
                      {t('mall.refund')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {refunding && (
        <MallRefundDialog
          redemption={refunding}
          onClose={() => setRefunding(null)}
          onDone={(n) => {
            setRefunding(null);
            list.reload();
            onChanged(n);
          }}
        />
      )}
    </>
  );
}
