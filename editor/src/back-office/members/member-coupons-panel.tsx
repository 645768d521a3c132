import type { CouponRow } from '@memberflow/shared/api/coupon-admin';
import { useCan } from '../../auth/session-context.ts';
import { useT } from '../../i18n/i18n.ts';
import type { MemberCoupon } from '../../monitoring/monitoring-types.ts';
import { useLocaleFormat } from '../locale-format.ts';
import { CouponStatusBadge, useCouponActions } from '../coupons/coupon-row-parts.tsx';

/** How the coupon stands now: an issued coupon past its end is expired before the sweep marks it. */
function statusOf(c: MemberCoupon, now: number): CouponRow['status'] {
  if (c.status === 'issued' && c.expiresAt && Date.parse(c.expiresAt) <= now) return 'expired';
  return c.status as CouponRow['status'];
}

/** The member's coupons, newest last, with redeem and void for staff who may edit. */
export function MemberCouponsTable({
  memberId,
  coupons,
  onChanged,
}: {
  memberId: string;
  coupons: MemberCoupon[];
  onChanged: (notice: string) => void;
}) {
  const t = useT();
  const f = useLocaleFormat();
  const canEdit = useCan('edit');
  const { actions, dialog } = useCouponActions(onChanged);
  if (coupons.length === 0) return <p className="muted panel-empty">{t('member.noCoupons')}</p>;
  const now = Date.now();
  return (
    <>
      <table className="mon-table" data-testid="member-coupons">
        <thead>
          <tr>
            <th>{t('coupons.col.code')}</th>
            <th>{t('coupons.col.status')}</th>
            <th>{t('coupons.col.expiresAt')}</th>
            {canEdit && <th />}
          </tr>
        </thead>
        <tbody>
          {coupons.map((c) => {
            const status = statusOf(c, now);
            return (
              <tr key={c.code} data-testid="member-coupon">
                <td>
                  <code>{c.code}</code>
                  <div className="muted">{c.template}</div>
                </td>
                <td>
                  <CouponStatusBadge status={status} />
                </td>
                <td className="mon-table__time">{f.dateTime(c.expiresAt)}</td>
                {canEdit && <td className="bo-row-actions">{actions(status, { code: c.code, memberId })}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      {dialog}
    </>
  );
}
