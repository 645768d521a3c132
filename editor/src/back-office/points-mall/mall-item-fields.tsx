import { MALL_ITEM_KINDS, MALL_LIMIT_PERIODS, MALL_PRICINGS } from '@memberflow/shared/api/points-mall';
import type { CouponTemplate } from '@memberflow/shared/api/loyalty';
import type { ReactNode } from 'react';
import { FieldFrame } from '../../inspector/fields/field-frame.tsx';
import { useT } from '../../i18n/i18n.ts';
import type { MallFormState } from './mall-form-state.ts';

type TextField = 'key' | 'name' | 'description' | 'points' | 'cash' | 'deductionValue' | 'deductionMinPoints' | 'deductionMaxPoints' | 'stock' | 'perMemberLimit';

interface Props {
  idPrefix: string;
  form: MallFormState;
  editing: boolean;
  errors: Record<string, string>;
  templates: CouponTemplate[];
  onChange: (form: MallFormState) => void;
}

/** A reward's fields: what it is, its price (the fields of the chosen pricing only), stock and limits. */
export function MallItemFields({ idPrefix, form, editing, errors, templates, onChange }: Props) {
  const t = useT();
  const set = <K extends keyof MallFormState>(k: K, v: MallFormState[K]) => onChange({ ...form, [k]: v });
  const field = (k: TextField, label: string, control: ReactNode, hint?: string) => (
    <FieldFrame id={`${idPrefix}-${k}`} label={label} error={errors[k]} hint={hint}>
      {control}
    </FieldFrame>
  );
  const input = (k: TextField, extra: Record<string, unknown> = {}) => (
    <input
      id={`${idPrefix}-${k}`}
      className="input"
      value={form[k]}
      onChange={(e) => set(k, k === 'key' ? e.target.value.toUpperCase() : e.target.value)}
      aria-invalid={errors[k] ? true : undefined}
      data-testid={`mall-${k}`}
      {...extra}
    />
  );
  const numeric = (k: TextField) => input(k, { type: 'number', min: 0, step: k === 'cash' || k === 'deductionValue' ? 'any' : 1 });
  const select = <K extends 'kind' | 'pricing' | 'couponTemplate' | 'limitPeriod'>(k: K, options: [string, string][]) => (
    <FieldFrame id={`${idPrefix}-${k}`} label={t(`mallForm.${k}`)} error={errors[k]}>
      <select id={`${idPrefix}-${k}`} className="select" value={form[k]} onChange={(e) => set(k, e.target.value as MallFormState[K])} data-testid={`mall-${k}`}>
        {options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
  const deduction = form.pricing === 'deduction';
  return (
    <div className="bo-form-grid">
      {field('key', t('mallForm.key'), input('key', { disabled: editing, maxLength: 40, autoComplete: 'off', autoFocus: !editing }), editing ? undefined : t('mallForm.keyHint'))}
      {field('name', t('mallForm.name'), input('name', { maxLength: 120, autoComplete: 'off', autoFocus: editing }))}
      {select('kind', MALL_ITEM_KINDS.map((k) => [k, t(`mall.kind.${k}`)]))}
      {form.kind === 'coupon' &&
        select('couponTemplate', [['', t('mallForm.couponTemplatePick')], ...templates.filter((c) => c.archivedAt === null || c.key === form.couponTemplate).map((c): [string, string] => [c.key, `${c.name} (${c.key})`])])}
      {select('pricing', MALL_PRICINGS.map((p) => [p, t(`mall.pricing.${p}`)]))}
      {field('points', t(deduction ? 'mallForm.pointsStep' : 'mallForm.points'), numeric('points'))}
      {form.pricing === 'cash_points' && field('cash', t('mallForm.cash'), numeric('cash'))}
      {deduction && field('deductionValue', t('mallForm.deductionValue'), numeric('deductionValue'))}
      {deduction && field('deductionMinPoints', t('mallForm.deductionMin'), numeric('deductionMinPoints'))}
      {deduction && field('deductionMaxPoints', t('mallForm.deductionMax'), numeric('deductionMaxPoints'))}
      {field('stock', t('mallForm.stock'), numeric('stock'), t('mallForm.stockHint'))}
      {field('perMemberLimit', t('mallForm.perMemberLimit'), numeric('perMemberLimit'), t('mallForm.limitHint'))}
      {select('limitPeriod', [['', t('mall.period.none')], ...MALL_LIMIT_PERIODS.map((p): [string, string] => [p, t(`mallForm.per.${p}`)])])}
      {field('description', t('mallForm.description'), input('description', { maxLength: 1000 }))}
    </div>
  );
}
