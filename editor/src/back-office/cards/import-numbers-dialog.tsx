import { cardRoutes, type CardKindRow } from '@memberflow/shared/api/card-routes';
import { useId, useState, type FormEvent } from 'react';
import { callRoute } from '../../api/call-route.ts';
import { errorMessage } from '../../api/http.ts';
import { useT } from '../../i18n/i18n.ts';
import { FieldFrame } from '../../inspector/fields/field-frame.tsx';
import { DialogFooter, DialogHead } from '../../ui/dialog-parts.tsx';

/** Card numbers printed elsewhere, one per line, into a kind's pool; numbers already known are listed back. */
export function ImportNumbersDialog({
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
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const numbers = text
    .split(/[\s,;]+/)
    .map((n) => n.trim())
    .filter(Boolean);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!numbers.length) return setError(t('cards.importEmpty'));
    setBusy(true);
    setError(null);
    try {
      const r = await callRoute(cardRoutes.importNumbers, { params: { key: kind.key }, body: { numbers } });
      const dup = r.duplicates.length
        ? t('cards.importDuplicates', { count: r.duplicates.length, list: r.duplicates.slice(0, 5).join(', ') })
        : '';
      onDone(`${t('cards.imported', { count: r.imported, name: kind.name })}${dup}`);
    } catch (err) {
      setError(errorMessage(err));
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
        data-testid="card-import-dialog"
      >
        <DialogHead titleId={`${id}-title`} title={`${t('cards.import')}: ${kind.name}`} onClose={onClose} />
        <FieldFrame id={`${id}-numbers`} label={t('cards.importLabel', { count: numbers.length })}>
          <textarea
            id={`${id}-numbers`}
            className="input bo-json"
            rows={8}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="card-import-numbers"
          />
        </FieldFrame>
        <DialogFooter
          error={error}
          busy={busy}
          submitLabel={t('cards.import')}
          onCancel={onClose}
          submitTestId="card-import-submit"
        />
      </form>
    </div>
  );
}
