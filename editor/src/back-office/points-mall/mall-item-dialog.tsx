import type { MallItem } from '@memberflow/shared/api/points-mall';
import type { CouponTemplate } from '@memberflow/shared/api/loyalty';
import { pointsMallRoutes } from '@memberflow/shared/api/points-mall-routes';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { callRoute } from '../../api/call-route.ts';
import { fieldIssues } from '../../api/field-issues.ts';
import { errorMessage } from '../../api/http.ts';
import { useT } from '../../i18n/i18n.ts';
import { DialogFooter, DialogHead } from '../../ui/dialog-parts.tsx';
import { useIssueText } from '../issue-text.ts';
import { emptyMallForm, mallBody, mallFormOf, mallProblems, type MallFormState } from './mall-form-state.ts';
import { MallItemFields } from './mall-item-fields.tsx';
import { mallProblemText } from './mall-text.ts';

interface Props {
  /** The reward to edit; none creates one. */
  item?: MallItem;
  takenKeys: readonly string[];
  templates: CouponTemplate[];
  onClose: () => void;
  onSaved: (item: MallItem) => void;
}

/** Create or edit a reward; each field's problem comes from the shared schema (here first, then the server's). */
export function MallItemDialog({ item, takenKeys, templates, onClose, onSaved }: Props) {
  const t = useT();
  const id = useId();
  const issueText = useIssueText();
  const [form, setForm] = useState<MallFormState>(() => (item ? mallFormOf(item) : emptyMallForm()));
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
    const problems = mallProblems(form);
    if (!item && takenKeys.includes(form.key.trim())) problems.key = t('mallForm.keyTaken');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    setError(null);
    try {
      const { key, ...body } = mallBody(form);
      onSaved(await callRoute(pointsMallRoutes.saveItem, { params: { key }, body }));
    } catch (err) {
      const fields = fieldIssues(err);
      if (Object.keys(fields).length) setErrors(fields);
      else setError(errorMessage(err));
      setBusy(false);
    }
  };

  const shown = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, mallProblemText(t, v) ?? issueText(v)]));
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <form className="dialog bo-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate data-testid="mall-item-dialog">
        <DialogHead titleId={`${id}-title`} title={item ? t('mallForm.editTitle', { key: item.key }) : t('mallForm.createTitle')} onClose={onClose} />
        <MallItemFields idPrefix={id} form={form} editing={!!item} errors={shown} templates={templates} onChange={setForm} />
        <DialogFooter error={error} busy={busy} submitLabel={item ? t('bo.save') : t('mallForm.create')} onCancel={onClose} submitTestId="mall-item-save" />
      </form>
    </div>
  );
}
