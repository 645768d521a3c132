import type { CouponRow, CouponStatus } from '@memberflow/shared/api/coupon-admin';
import { useState, type ReactNode } from 'react';
import { useT } from '../../i18n/i18n.ts';
import { CouponActionDialog, type CouponAction } from './coupon-action-dialog.tsx';

/** A coupon's status as a coloured label; a voided one says why on hover. */
export function CouponStatusBadge({ status, title }: { status: CouponStatus; title?: string | null }) {
  const t = useT();
  return (
    <span className={`bo-status bo-status--${status}`} title={title ?? undefined}>
      {t(`coupons.status.${status}`)}
    </span>
  );
}

type Target = Pick<CouponRow, 'code' | 'memberId'>;

/**
 * Redeem and void for a coupon row, and the dialog they open: one place for the Coupons page's
 * list and the member page's table. `actions(status, coupon)` renders the row's buttons (none
 * unless the coupon is still usable); `dialog` is rendered once beside the table.
 */
export function useCouponActions(onDone: (notice: string) => void): {
  actions: (status: CouponStatus, coupon: Target) => ReactNode;
  dialog: ReactNode;
} {
  const t = useT();
  const [acting, setActing] = useState<{ action: CouponAction; coupon: Target } | null>(null);
  const actions = (status: CouponStatus, coupon: Target) =>
    status === 'issued' && (
      <>
        <button
          className="btn btn--small"
          type="button"
          onClick={() => setActing({ action: 'redeem', coupon })}
          data-testid="coupon-redeem"
        >
          {t('coupons.redeem')}
        </button>
        <button
          className="btn btn--small btn--danger"
          type="button"
          onClick={() => setActing({ action: 'void', coupon })}
          data-testid="coupon-void"
        >
          {t('coupons.void')}
        </button>
      </>
    );
  const dialog = acting && (
    <CouponActionDialog
      action={acting.action}
      coupon={acting.coupon}
      onClose={() => setActing(null)}
      onDone={(notice) => {
        setActing(null);
        onDone(notice);
      }}
    />
  );
  return { actions, dialog };
}
