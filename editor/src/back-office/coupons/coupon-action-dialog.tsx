import { couponRoutes, type CouponRow } from '@memberflow/shared/api/coupon-admin';
import { useId, useState } from 'react';
import { callRoute } from '../../api/call-route.ts';
import { fieldIssues } from '../../api/field-issues.ts';
import { errorMessage } from '../../api/http.ts';
import { FieldFrame } from '../../inspector/fields/field-frame.tsx';
import { useT } from '../../i18n/i18n.ts';
import { ConfirmDialog } from '../../monitoring/confirm-dialog.tsx';
import { useIssueText } from '../issue-text.ts';
import { useLocaleFormat } from '../locale-format.ts';

export type CouponAction = 'redeem' | 'void';

interface Props {
  action: CouponAction;
  coupon: Pick<CouponRow, 'code' | 'memberId'>;
  onClose: () => void;
  /** After the change, with the notice to show. */
  onDone: (notice: string) => void;
}

/** Redeem (order amount, order id) or void (a reason) one coupon, after the person confirms. */
export function CouponActionDialog({ action, coupon, onClose, onDone }: Props) {
  const t = useT();
  const f = useLocaleFormat();
  const issueText = useIssueText();
  const id = useId();
  const [amount, setAmount] = useState('');
  const [orderId, setOrderId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const params = { id: coupon.memberId, code: coupon.code };

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      if (action === 'redeem') {
        const r = await callRoute(couponRoutes.redeem, {
          params,
          body: { orderAmount: amount.trim() === '' ? 0 : Number(amount), orderId: orderId.trim() || undefined },
        });
        onDone(t('coupons.redeemed', { code: r.code, discount: f.money(r.discount) }));
      } else {
        await callRoute(couponRoutes.void, { params, body: { reason } });
        onDone(t('coupons.voided', { code: coupon.code }));
      }
    } catch (err) {
      const fields = fieldIssues(err);
      setErrors(fields);
      setError(Object.keys(fields).length ? null : errorMessage(err));
      setBusy(false);
    }
  };

  const vars = { code: coupon.code, member: coupon.memberId };
  return (
    <ConfirmDialog
      title={t(action === 'redeem' ? 'coupons.redeemTitle' : 'coupons.voidTitle', vars)}
      confirmLabel={t(action === 'redeem' ? 'coupons.redeem' : 'coupons.void')}
      danger={action === 'void'}
      busy={busy}
      error={error}
      onConfirm={confirm}
      onCancel={onClose}
    >
      <p>{t(action === 'redeem' ? 'coupons.redeemText' : 'coupons.voidText', vars)}</p>
      {action === 'redeem' ? (
        <div className="bo-form-grid">
          <FieldFrame
            id={`${id}-amount`}
            label={t('coupons.orderAmount')}
            error={errors.orderAmount && issueText(errors.orderAmount)}
          >
            <input
              id={`${id}-amount`}
              className="input"
              type="number"
              min={0}
              step="any"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              data-testid="redeem-amount"
            />
          </FieldFrame>
          <FieldFrame id={`${id}-order`} label={t('coupons.orderId')} error={errors.orderId && issueText(errors.orderId)}>
            <input
              id={`${id}-order`}
              className="input"
              maxLength={100}
              value={orderId}
              onChange={(e) => setOrderId(e.target.value)}
            />
          </FieldFrame>
        </div>
      ) : (
        <FieldFrame id={`${id}-reason`} label={t('coupons.voidReason')} error={errors.reason && issueText(errors.reason)}>
          <input
            id={`${id}-reason`}
            className="input"
            maxLength={200}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="void-reason"
          />
        </FieldFrame>
      )}
    </ConfirmDialog>
  );
}
