import { memberRoutes } from '@memberflow/shared/api/member-routes';
import { pointsMallRoutes } from '@memberflow/shared/api/points-mall-routes';
import { useId, useState } from 'react';
import { callRoute } from '../../api/call-route.ts';
import { fieldIssues } from '../../api/field-issues.ts';
import { errorMessage } from '../../api/http.ts';
import { FieldFrame } from '../../inspector/fields/field-frame.tsx';
import { useT } from '../../i18n/i18n.ts';
import { ConfirmDialog } from '../../monitoring/confirm-dialog.tsx';
import { usePolling } from '../../monitoring/use-polling.ts';
import { useIssueText } from '../issue-text.ts';
import { useLocaleFormat } from '../locale-format.ts';
import { priceText } from './mall-text.ts';

/** Staff redeem a reward for the member (audited by the server); one idempotency key per dialog, so a double click spends once. */
export function RedeemRewardDialog({ memberId, onClose, onDone }: { memberId: string; onClose: () => void; onDone: (notice: string) => void }) {
  const t = useT();
  const f = useLocaleFormat();
  const id = useId();
  const issueText = useIssueText();
  const [key] = useState(() => `staff-${crypto.randomUUID()}`);
  const items = usePolling((s) => callRoute(pointsMallRoutes.items, { signal: s }), 0, []);
  const points = usePolling((s) => callRoute(memberRoutes.points, { params: { id: memberId }, signal: s }), 0, [memberId]);
  const active = (items.data?.items ?? []).filter((i) => i.archivedAt === null);
  const [picked, setPicked] = useState('');
  const [spend, setSpend] = useState('');
  const [orderId, setOrderId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const item = active.find((i) => i.key === picked) ?? active[0];

  const confirm = async () => {
    if (!item) return;
    setBusy(true);
    setError(null);
    try {
      const body = { idempotencyKey: key, orderId: orderId.trim() || undefined, points: item.pricing === 'deduction' && spend.trim() ? Number(spend) : undefined };
      const r = await callRoute(pointsMallRoutes.staffRedeem, { params: { id: memberId, item: item.key }, body });
      onDone(t('mall.redeemed', { item: r.itemName, points: f.number(r.points) }));
    } catch (err) {
      const fields = fieldIssues(err);
      setErrors(fields);
      // A refusal (stock, limit, points) is shown whole: it says why in the server's words.
      setError(fields.points && item.pricing === 'deduction' ? null : errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog title={t('mall.redeemTitle', { member: memberId })} confirmLabel={t('mall.redeemSubmit')} busy={busy} confirmDisabled={!item} error={error} onConfirm={confirm} onCancel={onClose}>
      <p>{t('mall.redeemIntro', { balance: points.data ? f.number(points.data.balance) : '…' })}</p>
      {items.data && !item ? (
        <p className="muted">{t('mall.noRewards')}</p>
      ) : (
        <div className="bo-form-grid">
          <FieldFrame id={`${id}-item`} label={t('mall.redeemPick')}>
            <select id={`${id}-item`} className="select" value={item?.key ?? ''} onChange={(e) => setPicked(e.target.value)} data-testid="mall-redeem-item">
              {active.map((i) => (
                <option key={i.key} value={i.key} disabled={i.stock === 0}>
                  {`${i.name} · ${priceText(t, f, i)}${i.stock !== null ? ` · ${t('mall.col.stock')} ${f.number(i.stock)}` : ''}`}
                </option>
              ))}
            </select>
          </FieldFrame>
          {item?.pricing === 'deduction' && (
            <FieldFrame id={`${id}-points`} label={t('mall.redeemPoints')} error={errors.points && issueText(errors.points)}>
              <input id={`${id}-points`} className="input" type="number" min={0} step={item.points} placeholder={String(item.deductionMinPoints ?? item.points)} value={spend} onChange={(e) => setSpend(e.target.value)} />
            </FieldFrame>
          )}
          <FieldFrame id={`${id}-order`} label={t('mall.redeemOrder')} error={errors.orderId && issueText(errors.orderId)}>
            <input id={`${id}-order`} className="input" maxLength={100} value={orderId} onChange={(e) => setOrderId(e.target.value)} />
          </FieldFrame>
        </div>
      )}
    </ConfirmDialog>
  );
}
