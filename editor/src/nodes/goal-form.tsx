import { useT } from '../i18n/i18n.ts';
import { TextField } from '../inspector/fields/text-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const goalFieldLabels = { goal: 'Goal' };

export function GoalForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  return (
    <TextField
      id={`${idPrefix}-goal`}
      label={t('form.goal.goal')}
      value={config.goal}
      maxLength={200}
      placeholder={t('hint.goal.placeholder')}
      hint={t('hint.goal.goal')}
      error={errors.goal}
      onChange={(goal) => onChange({ ...config, goal })}
    />
  );
}
