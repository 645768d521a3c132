import { ConditionField } from '../inspector/condition/condition-field.tsx';
import { TextField } from '../inspector/fields/text-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const segmentTriggerFieldLabels = { segmentKey: 'Saved segment (optional)', condition: 'Members who match' };

export function SegmentTriggerForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  return (
    <>
      <TextField
        id={`${idPrefix}-segmentKey`}
        label={segmentTriggerFieldLabels.segmentKey}
        value={config.segmentKey}
        maxLength={80}
        placeholder="e.g. at_risk_vips"
        hint="Leave empty to use the condition below."
        error={errors.segmentKey}
        onChange={(segmentKey) => onChange({ ...config, segmentKey })}
      />
      <ConditionField
        id={`${idPrefix}-condition`}
        label={segmentTriggerFieldLabels.condition}
        value={config.condition}
        errors={errors}
        path="condition"
        hint="A member enters when they start to match: they did not before, and do now."
        onChange={(condition) => onChange({ ...config, condition })}
      />
    </>
  );
}
