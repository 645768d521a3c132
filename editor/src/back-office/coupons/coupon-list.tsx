import { couponRoutes } from '@memberflow/shared/api/coupon-admin';
import { useEffect, useState } from 'react';
import { callRoute } from '../../api/call-route.ts';
import { useT } from '../../i18n/i18n.ts';
import { RouteLink } from '../../monitoring/route-link.tsx';
import { usePolling } from '../../monitoring/use-polling.ts';
import { memberPath } from '../../routing/routes.ts';
import { useLocaleFormat } from '../locale-format.ts';
import { CouponStatusBadge, useCouponActions } from './coupon-row-parts.tsx';

interface Props {
  template: string;
  canEdit: boolean;
  /** After a redeem or void: the report's counts changed too. */
  onChanged: (notice: string) => void;
}

/** A template's coupons, newest first, searchable by code or member; redeem or void the usable ones. */
export function CouponList({ template, canEdit, onChanged }: Props) {
  const t = useT();
  const f = useLocaleFormat();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const list = usePolling(
    (signal) => callRoute(couponRoutes.list, { query: { template, q: q || undefined, limit: 100 }, signal }),
    0,
    [template, q],
  );
  const coupons = list.data?.coupons ?? [];
  const { actions, dialog } = useCouponActions((notice) => {
    list.reload();
    onChanged(notice);
  });

  return (
    <div className="bo-coupons" data-testid="coupon-list">
      <input
        className="input bo-search"
        type="search"
        placeholder={t('coupons.search')}
        aria-label={t('coupons.search')}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        data-testid="coupon-search"
      />
      {list.error && <p className="banner banner--error">{t('bo.loadFailed', { message: list.error })}</p>}
      {list.data && coupons.length === 0 ? (
        <p className="muted panel-empty">{t('coupons.noCoupons')}</p>
      ) : (
        <table className="mon-table">
          <thead>
            <tr>
              <th>{t('coupons.col.code')}</th>
              <th>{t('coupons.col.member')}</th>
              <th>{t('coupons.col.status')}</th>
              <th>{t('coupons.col.issuedAt')}</th>
              <th>{t('coupons.col.expiresAt')}</th>
              {canEdit && <th />}
            </tr>
          </thead>
          <tbody>
            {coupons.map((c) => (
              <tr key={c.code} data-testid="coupon-row">
                <td>
                  <code>{c.code}</code>
                </td>
                <td>
                  <RouteLink to={memberPath(c.memberId)}>{c.memberId}</RouteLink>
                </td>
                <td>
                  <CouponStatusBadge status={c.status} title={c.voidReason} />
                </td>
                <td className="mon-table__time">{f.dateTime(c.issuedAt)}</td>
                <td className="mon-table__time">{f.dateTime(c.expiresAt)}</td>
                {canEdit && <td className="bo-row-actions">{actions(c.status, c)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog}
    </div>
  );
}
