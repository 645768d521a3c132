import type { CouponTemplate } from '@memberflow/shared/api/loyalty';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { fieldIssues } from '../../api/field-issues.ts';
import { loyaltyRoutes } from '@memberflow/shared/api/loyalty-routes';
import { callRoute } from '../../api/call-route.ts';
import { errorMessage } from '../../api/http.ts';
import { useT } from '../../i18n/i18n.ts';
import { DialogFooter, DialogHead } from '../../ui/dialog-parts.tsx';
import { couponBody, couponFormOf, couponProblems, emptyCouponForm, type CouponFormState } from './coupon-form-state.ts';
import { CouponFormFields } from './coupon-form-fields.tsx';
import { useIssueText } from '../issue-text.ts';
import { couponProblemText } from './coupon-text.ts';

interface Props {
  /** The template to edit; none creates one. */
  template?: CouponTemplate;
  /** Keys taken already, to say so before the server would overwrite one. */
  takenKeys: readonly string[];
  /** A key to start from (the inspector's "create new" passes what was typed). */
  initialKey?: string;
  onClose: () => void;
  onSaved: (t: CouponTemplate) => void;
}

/** Create or edit a coupon template: what it gives, when it is valid, who may get it and how many. */
export function CouponTemplateDialog({ template, takenKeys, initialKey, onClose, onSaved }: Props) {
  const t = useT();
  const id = useId();
  const issueText = useIssueText();
  const [form, setForm] = useState<CouponFormState>(() =>
    template ? couponFormOf(template) : { ...emptyCouponForm(), key: initialKey ?? '' },
  );
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
    const problems = couponProblems(form);
    if (!template && takenKeys.includes(form.key.trim())) problems.key = t('couponForm.taken');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    setError(null);
    try {
      const { key, ...body } = couponBody(form);
      onSaved(await callRoute(loyaltyRoutes.saveCouponTemplate, { params: { key }, body }));
    } catch (err) {
      const fields = fieldIssues(err);
      if (Object.keys(fields).length) setErrors(fields);
      else setError(errorMessage(err));
      setBusy(false);
    }
  };

  // Each field's problem in the user's language; a field without its own wording keeps the schema's.
  const shown = Object.fromEntries(
    Object.entries(errors).map(([k, v]) => [k, couponProblemText(t, k, form.kind) ?? issueText(v)]),
  );
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <form
        className="dialog bo-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onSubmit={submit}
        noValidate
        data-testid="coupon-template-dialog"
      >
        <DialogHead
          titleId={`${id}-title`}
          title={template ? t('couponForm.editTitle', { key: template.key }) : t('couponForm.createTitle')}
          onClose={onClose}
        />
        <CouponFormFields idPrefix={id} form={form} editing={!!template} errors={shown} onChange={setForm} />
        <DialogFooter
          error={error}
          busy={busy}
          submitLabel={template ? t('bo.save') : t('couponForm.create')}
          onCancel={onClose}
          submitTestId="coupon-template-save"
        />
      </form>
    </div>
  );
}
