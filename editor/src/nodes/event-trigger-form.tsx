import { knownEventTypes } from '@memberflow/shared/member-event';
import { FiltersField } from '../inspector/fields/filters-field.tsx';
import { TextField } from '../inspector/fields/text-field.tsx';
import { subErrors } from '../inspector/sub-errors.ts';
import type { NodeFormProps } from './node-form-props.ts';

export const eventTriggerFieldLabels = { eventType: 'Event', filters: 'Only when' };

export function EventTriggerForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  return (
    <>
      <TextField
        id={`${idPrefix}-eventType`}
        label={eventTriggerFieldLabels.eventType}
        value={config.eventType}
        suggestions={knownEventTypes}
        placeholder="purchase"
        hint="The member event that starts a journey."
        error={errors.eventType}
        onChange={(eventType) => onChange({ ...config, eventType })}
      />
      <FiltersField
        id={`${idPrefix}-filters`}
        label={eventTriggerFieldLabels.filters}
        value={config.filters}
        hint="Optional: compare properties of the event, e.g. amount is at least 100."
        errors={subErrors(errors, 'filters')}
        onChange={(filters) => onChange({ ...config, filters })}
      />
    </>
  );
}
