import { cardRoutes, type CardKindRow } from '@memberflow/shared/api/card-routes';
import type { CouponTemplate } from '@memberflow/shared/api/loyalty';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { callRoute } from '../../api/call-route.ts';
import { fieldIssues } from '../../api/field-issues.ts';
import { errorMessage } from '../../api/http.ts';
import { useT } from '../../i18n/i18n.ts';
import { DialogFooter, DialogHead } from '../../ui/dialog-parts.tsx';
import { useIssueText } from '../issue-text.ts';
import { cardBody, cardFormOf, cardProblems, emptyCardForm, type CardFormState } from './card-form-state.ts';
import { CardBenefitFields, CardKindFields } from './card-kind-fields.tsx';

interface Props {
  kind?: CardKindRow;
  takenKeys: readonly string[];
  templates: CouponTemplate[];
  tiers: { key: string; name: string }[];
  onClose: () => void;
  onSaved: (k: CardKindRow) => void;
}

/** Create or edit a card kind and its benefit pack; server problems land on their fields. */
export function CardKindDialog({ kind, takenKeys, templates, tiers, onClose, onSaved }: Props) {
  const t = useT();
  const id = useId();
  const issueText = useIssueText();
  const [form, setForm] = useState<CardFormState>(() => (kind ? cardFormOf(kind) : emptyCardForm()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = Object.fromEntries(
      Object.entries(cardProblems(form)).map(([k, p]) => [k, t(`cardForm.${p}`)]),
    );
    if (!kind && takenKeys.includes(form.key.trim())) found.key = t('cardForm.taken');
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setError(null);
    try {
      const { key, body } = cardBody(form);
      onSaved(await callRoute(cardRoutes.saveKind, { params: { key }, body }));
    } catch (err) {
      // Server fields are paths (billing.price, benefits.couponPack): the form's names are the last part.
      const fields = Object.fromEntries(Object.entries(fieldIssues(err)).map(([k, v]) => [fieldOf(k), issueText(v)]));
      if (Object.keys(fields).length) setErrors(fields);
      else setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <form
        className="dialog bo-dialog cards-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onSubmit={submit}
        noValidate
        data-testid="card-kind-dialog"
      >
        <DialogHead
          titleId={`${id}-title`}
          title={kind ? t('cardForm.editTitle', { key: kind.key }) : t('cardForm.createTitle')}
          onClose={onClose}
        />
        <CardKindFields idPrefix={id} form={form} editing={!!kind} errors={errors} tiers={tiers} onChange={setForm} />
        <CardBenefitFields idPrefix={id} form={form} errors={errors} templates={templates} onChange={setForm} />
        <DialogFooter
          error={error}
          busy={busy}
          submitLabel={kind ? t('bo.save') : t('cardForm.create')}
          onCancel={onClose}
          submitTestId="card-kind-save"
        />
      </form>
    </div>
  );
}

const FIELD: Record<string, string> = { pointsMultiplier: 'multiplier', discountPercent: 'discount', period: 'period' };
function fieldOf(path: string): string {
  const last = path.split('.').find((p, i, all) => i === all.length - 1 || /^\d+$/.test(all[i + 1] ?? '')) ?? path;
  return FIELD[last] ?? last;
}
