import { cardRoutes, type CardKindRow } from '@memberflow/shared/api/card-routes';
import { useId, useState, type FormEvent } from 'react';
import { callRoute } from '../../api/call-route.ts';
import { fieldIssues } from '../../api/field-issues.ts';
import { errorMessage } from '../../api/http.ts';
import { useT } from '../../i18n/i18n.ts';
import { FieldFrame } from '../../inspector/fields/field-frame.tsx';
import { DialogFooter, DialogHead } from '../../ui/dialog-parts.tsx';
import { useIssueText } from '../issue-text.ts';
import { TextInputField } from '../text-input-field.tsx';

/** Staff issue a card to the member: any kind but tier cards (those follow the tier). */
export function IssueCardDialog({
  memberId,
  kinds,
  onClose,
  onDone,
}: {
  memberId: string;
  kinds: CardKindRow[];
  onClose: () => void;
  onDone: (notice: string) => void;
}) {
  const t = useT();
  const id = useId();
  const issueText = useIssueText();
  const usable = kinds.filter((k) => k.type !== 'tier' && !k.archived);
  const [kind, setKind] = useState(usable[0]?.key ?? '');
  const [phone, setPhone] = useState('');
  const [paymentRef, setPaymentRef] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const type = usable.find((k) => k.key === kind)?.type;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = {
        kind,
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(paymentRef.trim() ? { paymentRef: paymentRef.trim() } : {}),
      };
      const r = await callRoute(cardRoutes.issue, { params: { id: memberId }, body });
      onDone(t('member.issued', { number: r.card.number }));
    } catch (err) {
      const fields = Object.fromEntries(Object.entries(fieldIssues(err)).map(([k, v]) => [k, issueText(v)]));
      if (Object.keys(fields).length) setErrors(fields);
      else setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <form
        className="dialog bo-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onSubmit={submit}
        noValidate
        data-testid="issue-card-dialog"
      >
        <DialogHead titleId={`${id}-title`} title={t('member.issueTitle', { member: memberId })} onClose={onClose} />
        <FieldFrame id={`${id}-kind`} label={t('member.issueKind')} error={errors.kind}>
          <select
            id={`${id}-kind`}
            className="select"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            data-testid="issue-card-kind"
          >
            {usable.map((k) => (
              <option key={k.key} value={k.key}>
                {k.name} · {t(`cards.type.${k.type}`)}
              </option>
            ))}
          </select>
        </FieldFrame>
        {type === 'free' && (
          <TextInputField
            id={`${id}-phone`}
            label={t('member.issuePhone')}
            type="tel"
            value={phone}
            onChange={setPhone}
            error={errors.phone}
            testId="issue-card-phone"
          />
        )}
        {type === 'paid' && (
          <TextInputField
            id={`${id}-pay`}
            label={t('member.issuePayment')}
            value={paymentRef}
            onChange={setPaymentRef}
            error={errors.paymentRef}
            testId="issue-card-payment"
          />
        )}
        <DialogFooter
          error={error}
          busy={busy}
          submitLabel={t('member.issue')}
          onCancel={onClose}
          submitTestId="issue-card-submit"
        />
      </form>
    </div>
  );
}

/** Cancel a member's card, saying why (kept on the card and in the audit log). */
export function CancelCardDialog({
  memberId,
  card,
  onClose,
  onDone,
}: {
  memberId: string;
  card: { id: string; number: string };
  onClose: () => void;
  onDone: (notice: string) => void;
}) {
  const t = useT();
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await callRoute(cardRoutes.cancel, { params: { id: memberId, card: card.id }, body: { reason: reason.trim() } });
      onDone(t('member.cancelled', { number: card.number }));
    } catch (err) {
      setError(fieldIssues(err).reason ?? errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <form
        className="dialog bo-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onSubmit={submit}
        noValidate
        data-testid="cancel-card-dialog"
      >
        <DialogHead titleId={`${id}-title`} title={t('member.cancelTitle', { number: card.number })} onClose={onClose} />
        <TextInputField
          id={`${id}-reason`}
          label={t('member.cancelReason')}
          value={reason}
          onChange={setReason}
          testId="cancel-card-reason"
          maxLength={200}
        />
        <DialogFooter
          error={error}
          busy={busy}
          submitLabel={t('member.cancelCard')}
          onCancel={onClose}
          submitTestId="cancel-card-submit"
        />
      </form>
    </div>
  );
}
