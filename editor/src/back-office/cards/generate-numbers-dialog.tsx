import { cardRoutes, type CardKindRow } from '@memberflow/shared/api/card-routes';
import { useId, useState, type FormEvent } from 'react';
import { callRoute } from '../../api/call-route.ts';
import { fieldIssues } from '../../api/field-issues.ts';
import { errorMessage } from '../../api/http.ts';
import { useT } from '../../i18n/i18n.ts';
import { DialogFooter, DialogHead } from '../../ui/dialog-parts.tsx';
import { TextInputField } from '../text-input-field.tsx';

/** A batch of card numbers for a kind's pool: prefix + digits + Luhn check digit. */
export function GenerateNumbersDialog({
  kind,
  onClose,
  onDone,
}: {
  kind: CardKindRow;
  onClose: () => void;
  onDone: (notice: string) => void;
}) {
  const t = useT();
  const id = useId();
  const [count, setCount] = useState('100');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await callRoute(cardRoutes.generateNumbers, { params: { key: kind.key }, body: { count: Number(count) } });
      onDone(t('cards.generated', { count: r.generated.length, name: kind.name, example: r.generated[0] ?? '' }));
    } catch (err) {
      const f = fieldIssues(err).count;
      if (f) setFieldError(f);
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
        data-testid="card-generate-dialog"
      >
        <DialogHead titleId={`${id}-title`} title={`${t('cards.generate')}: ${kind.name}`} onClose={onClose} />
        <p className="muted">{t('cards.numbersHint', { prefix: kind.numbering.prefix || '—', digits: kind.numbering.digits })}</p>
        <TextInputField
          id={`${id}-count`}
          label={t('cards.generateCount')}
          type="number"
          value={count}
          onChange={setCount}
          error={fieldError}
          testId="card-generate-count"
        />
        <DialogFooter
          error={error}
          busy={busy}
          submitLabel={t('cards.generate')}
          onCancel={onClose}
          submitTestId="card-generate-submit"
        />
      </form>
    </div>
  );
}
