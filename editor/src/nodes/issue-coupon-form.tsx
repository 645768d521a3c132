import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useCan } from '../auth/session-context.ts';
import { CouponTemplateDialog } from '../back-office/coupons/coupon-template-dialog.tsx';
import { couponOption, couponValidity, pickerHint } from '../catalog/catalog-options.ts';
import { forgetCatalog, useCatalog } from '../catalog/use-catalog.ts';
import { useT } from '../i18n/i18n.ts';
import { NumberField } from '../inspector/fields/number-field.tsx';
import { TextField } from '../inspector/fields/text-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';
import '../styles/back-office.css';

export const issueCouponFieldLabels = {
  template: 'Coupon template',
  validityDays: 'Valid for (days)',
};

export function IssueCouponForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  const canEdit = useCan('edit');
  const [creating, setCreating] = useState(false);
  const templates = useCatalog('couponTemplates');
  // Archived templates issue nothing: not offered, and named when a step still uses one.
  const options = templates?.filter((c) => c.archivedAt === null).map((c) => couponOption(t, c)) ?? null;
  const typed = typeof config.template === 'string' ? config.template.trim() : '';
  const template = templates?.find((c) => c.key === typed) ?? null;
  const known = template !== null;
  return (
    <>
      <TextField
        id={`${idPrefix}-template`}
        label={t('form.issue_coupon.template')}
        value={config.template}
        placeholder="COMEBACK10"
        maxLength={40}
        suggestions={options ?? undefined}
        hint={
          template?.archivedAt != null
            ? `${template.name} · ${t('catalog.coupon.archived')}`
            : pickerHint(t, options, config.template, t('catalog.coupon.empty'), t('catalog.coupon.what'), t('catalog.coupon.hint'))
        }
        error={errors.template}
        onChange={(template) => onChange({ ...config, template })}
      />
      {canEdit && (
        <button type="button" className="btn btn--small" title={t('picker.newCouponTitle')} onClick={() => setCreating(true)} data-testid="issue-coupon-new-template">
          {t('picker.newCoupon')}
        </button>
      )}
      <NumberField
        id={`${idPrefix}-validityDays`}
        label={t('form.issue_coupon.validityDays')}
        value={config.validityDays}
        integer
        // A template's own validity wins over this field: say so, or the canvas would seem to promise 30 days.
        hint={template ? t('picker.templateValidity', { validity: couponValidity(t, template) }) : undefined}
        error={errors.validityDays}
        onChange={(validityDays) => onChange({ ...config, validityDays })}
      />
      {/* On the page, not in the inspector's panel: the dialog must cover the canvas. */}
      {creating &&
        createPortal(
          <CouponTemplateDialog
            takenKeys={templates?.map((c) => c.key) ?? []}
            initialKey={known ? '' : typed.toUpperCase()}
            onClose={() => setCreating(false)}
            onSaved={(c) => {
              setCreating(false);
              forgetCatalog('couponTemplates');
              onChange({ ...config, template: c.key });
            }}
          />,
          document.body,
        )}
    </>
  );
}
