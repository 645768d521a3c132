import { useT } from '../i18n/i18n.ts';
import { ConditionField } from '../inspector/condition/condition-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const conditionFieldLabels = { condition: 'Yes when' };

export function ConditionForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  return (
    <ConditionField
      id={`${idPrefix}-condition`}
      label={t('form.condition.condition')}
      value={config.condition}
      errors={errors}
      path="condition"
      hint="Members who match go down Yes, everyone else down No."
      emptyText="No rules: every member goes down Yes."
      onChange={(condition) => onChange({ ...config, condition })}
    />
  );
}
