import { TextField } from '../inspector/fields/text-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const goalFieldLabels = { goal: 'Goal' };

export function GoalForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  return (
    <TextField
      id={`${idPrefix}-goal`}
      label={goalFieldLabels.goal}
      value={config.goal}
      maxLength={200}
      placeholder="Second purchase"
      hint="Members who reach this node count as converted."
      error={errors.goal}
      onChange={(goal) => onChange({ ...config, goal })}
    />
  );
}
