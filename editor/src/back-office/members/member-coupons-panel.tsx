import type { CouponRow } from '@memberflow/shared/api/coupon-admin';
import { useState } from 'react';
import { useCan } from '../../auth/session-context.ts';
import { useT } from '../../i18n/i18n.ts';
import type { MemberCoupon } from '../../monitoring/monitoring-types.ts';
import { useLocaleFormat } from '../locale-format.ts';
import { CouponActionDialog, type CouponAction } from '../coupons/coupon-action-dialog.tsx';

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
  const [acting, setActing] = useState<{ action: CouponAction; code: string } | null>(null);
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
                  <span className={`bo-status bo-status--${status}`}>{t(`coupons.status.${status}`)}</span>
                </td>
                <td className="mon-table__time">{f.dateTime(c.expiresAt)}</td>
                {canEdit && (
                  <td className="bo-row-actions">
                    {status === 'issued' && (
                      <>
                        <button
                          className="btn btn--small"
                          type="button"
                          onClick={() => setActing({ action: 'redeem', code: c.code })}
                          data-testid="coupon-redeem"
                        >
                          {t('coupons.redeem')}
                        </button>
                        <button
                          className="btn btn--small btn--danger"
                          type="button"
                          onClick={() => setActing({ action: 'void', code: c.code })}
                          data-testid="coupon-void"
                        >
                          {t('coupons.void')}
                        </button>
                      </>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {acting && (
        <CouponActionDialog
          action={acting.action}
          coupon={{ code: acting.code, memberId }}
          onClose={() => setActing(null)}
          onDone={(n) => {
            setActing(null);
            onChanged(n);
          }}
        />
      )}
    </>
  );
}
