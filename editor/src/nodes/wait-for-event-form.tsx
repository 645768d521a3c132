import { useT } from '../i18n/i18n.ts';
import { knownEventTypes } from '@memberflow/shared/member-event';
import { DurationField } from '../inspector/fields/duration-field.tsx';
import { FiltersField } from '../inspector/fields/filters-field.tsx';
import { TextField } from '../inspector/fields/text-field.tsx';
import { subErrors } from '../inspector/sub-errors.ts';
import type { NodeFormProps } from './node-form-props.ts';

export const waitForEventFieldLabels = {
  eventType: 'Wait for event',
  timeout: 'Give up after',
  filters: 'Only count events where',
  matchTriggerProperty: "Same as the trigger's (optional)",
};

export function WaitForEventForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  return (
    <>
      <TextField
        id={`${idPrefix}-eventType`}
        label={t('form.wait_for_event.eventType')}
        value={config.eventType}
        suggestions={knownEventTypes}
        placeholder="purchase"
        error={errors.eventType}
        onChange={(eventType) => onChange({ ...config, eventType })}
      />
      <DurationField
        id={`${idPrefix}-timeout`}
        label={t('form.wait_for_event.timeout')}
        value={config.timeout}
        hint={t('hint.wait_for_event.timeout')}
        amountError={errors['timeout.amount'] ?? errors.timeout}
        unitError={errors['timeout.unit']}
        onChange={(timeout) => onChange({ ...config, timeout })}
      />
      <FiltersField
        id={`${idPrefix}-filters`}
        label={t('form.wait_for_event.filters')}
        value={config.filters}
        hint={t('hint.wait_for_event.filters')}
        errors={subErrors(errors, 'filters')}
        onChange={(filters) => onChange({ ...config, filters })}
      />
      <TextField
        id={`${idPrefix}-matchTriggerProperty`}
        label={t('form.wait_for_event.matchTriggerProperty')}
        value={config.matchTriggerProperty}
        placeholder={t('hint.wait_for_event.matchPlaceholder')}
        hint={t('hint.wait_for_event.match')}
        error={errors.matchTriggerProperty}
        // An emptied box means "no matching", which the schema spells as an absent field.
        onChange={(v) => onChange({ ...config, matchTriggerProperty: v.trim() === '' ? undefined : v })}
      />
    </>
  );
}
