import type { MallRedemption } from '@memberflow/shared/api/points-mall';
import { pointsMallRoutes } from '@memberflow/shared/api/points-mall-routes';
import { useId, useState } from 'react';
import { callRoute } from '../../api/call-route.ts';
import { fieldIssues } from '../../api/field-issues.ts';
import { errorMessage } from '../../api/http.ts';
import { FieldFrame } from '../../inspector/fields/field-frame.tsx';
import { useT } from '../../i18n/i18n.ts';
import { ConfirmDialog } from '../../monitoring/confirm-dialog.tsx';
import { useIssueText } from '../issue-text.ts';
import { useLocaleFormat } from '../locale-format.ts';

/** Refund one redemption with a reason: points back, stock restored, an unused coupon voided. */
export function MallRefundDialog({ redemption: r, onClose, onDone }: { redemption: MallRedemption; onClose: () => void; onDone: (notice: string) => void }) {
  const t = useT();
  const f = useLocaleFormat();
  const issueText = useIssueText();
  const id = useId();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await callRoute(pointsMallRoutes.refund, { params: { id: r.id }, body: { reason } });
      onDone(t('mall.refunded', { points: f.number(r.points), member: r.memberId }));
    } catch (err) {
      const fields = fieldIssues(err);
      setErrors(fields);
      setError(fields.reason ? null : errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog title={t('mall.refundTitle', { item: r.itemName, member: r.memberId })} confirmLabel={t('mall.refund')} danger busy={busy} error={error} onConfirm={confirm} onCancel={onClose}>
      <p>{t('mall.refundIntro', { points: f.number(r.points) })}</p>
      <FieldFrame id={`${id}-reason`} label={t('mall.refundReason')} error={errors.reason && issueText(errors.reason)}>
        <input id={`${id}-reason`} className="input" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="mall-refund-reason" />
      </FieldFrame>
    </ConfirmDialog>
  );
}
