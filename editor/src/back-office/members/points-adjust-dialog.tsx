import { memberAdminRoutes } from '@memberflow/shared/api/member-admin';
import { useId, useState } from 'react';
import { callRoute } from '../../api/call-route.ts';
import { fieldIssues } from '../../api/field-issues.ts';
import { errorMessage } from '../../api/http.ts';
import { useT } from '../../i18n/i18n.ts';
import { ConfirmDialog } from '../../monitoring/confirm-dialog.tsx';
import { useIssueText } from '../issue-text.ts';
import { useLocaleFormat } from '../locale-format.ts';
import { TextInputField } from '../text-input-field.tsx';

/** Adds or deducts points by hand; the reason is required and audited. */
export function PointsAdjustDialog({
  memberId,
  onClose,
  onDone,
}: {
  memberId: string;
  onClose: () => void;
  onDone: (notice: string) => void;
}) {
  const t = useT();
  const f = useLocaleFormat();
  const id = useId();
  const issueText = useIssueText();
  // Gift: points given (never capped, spendable at once) as its own ledger kind; adjust: a signed correction.
  const [mode, setMode] = useState<'adjust' | 'gift'>('adjust');
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const amount = delta.trim() === '' ? Number.NaN : Number(delta);
      if (mode === 'gift') {
        const r = await callRoute(memberAdminRoutes.giftPoints, { params: { id: memberId }, body: { points: amount, reason } });
        onDone(t('earning.gifted', { balance: f.number(r.balance) }));
      } else {
        const r = await callRoute(memberAdminRoutes.adjustPoints, { params: { id: memberId }, body: { delta: amount, reason } });
        onDone(t('member.adjusted', { balance: f.number(r.balance) }));
      }
    } catch (err) {
      const fields = fieldIssues(err);
      setErrors(fields);
      setError(Object.keys(fields).length ? null : errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      title={t('member.adjustTitle', { id: memberId })}
      confirmLabel={t('member.adjust')}
      busy={busy}
      error={error}
      onConfirm={confirm}
      onCancel={onClose}
    >
      <div className="field field--check" role="radiogroup">
        {(['adjust', 'gift'] as const).map((m) => (
          <label className="check" key={m}>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === m}
              onChange={() => {
                setMode(m);
                setErrors({});
              }}
              data-testid={`points-mode-${m}`}
            />
            <span>{t(m === 'gift' ? 'earning.modeGift' : 'earning.modeAdjust')}</span>
          </label>
        ))}
      </div>
      <p>{t(mode === 'gift' ? 'earning.giftText' : 'member.adjustText')}</p>
      <div className="bo-form-grid">
        <TextInputField
          id={`${id}-delta`}
          label={t(mode === 'gift' ? 'earning.giftPoints' : 'member.adjustDelta')}
          type="number"
          value={delta}
          onChange={setDelta}
          error={(errors.delta ?? errors.points) && issueText((errors.delta ?? errors.points)!)}
          testId="adjust-delta"
        />
        <TextInputField
          id={`${id}-reason`}
          label={t('member.adjustReason')}
          value={reason}
          onChange={setReason}
          maxLength={200}
          error={errors.reason && issueText(errors.reason)}
          testId="adjust-reason"
        />
      </div>
    </ConfirmDialog>
  );
}
