import { useT } from '../i18n/i18n.ts';
import { knownEventTypes } from '@memberflow/shared/member-event';
import { CheckField } from '../inspector/fields/check-field.tsx';
import { FiltersField } from '../inspector/fields/filters-field.tsx';
import { TextField } from '../inspector/fields/text-field.tsx';
import { subErrors } from '../inspector/sub-errors.ts';
import type { NodeFormProps } from './node-form-props.ts';

export const eventTriggerFieldLabels = { eventType: 'Event', filters: 'Only when', firstPurchaseOnly: 'First purchase only' };

export function EventTriggerForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  return (
    <>
      <TextField
        id={`${idPrefix}-eventType`}
        label={t('form.event_trigger.eventType')}
        value={config.eventType}
        suggestions={knownEventTypes}
        placeholder="purchase"
        hint={t('hint.event_trigger.eventType')}
        error={errors.eventType}
        onChange={(eventType) => onChange({ ...config, eventType, ...(eventType === 'purchase' ? {} : { firstPurchaseOnly: false }) })}
      />
      {config.eventType === 'purchase' && (
        <CheckField
          id={`${idPrefix}-firstPurchaseOnly`}
          label={t('form.event_trigger.firstPurchaseOnly')}
          checked={config.firstPurchaseOnly === true}
          hint={t('form.event_trigger.firstPurchaseOnlyHint')}
          onChange={(firstPurchaseOnly) => onChange({ ...config, firstPurchaseOnly })}
        />
      )}
      <FiltersField
        id={`${idPrefix}-filters`}
        label={t('form.event_trigger.filters')}
        value={config.filters}
        hint={t('hint.event_trigger.filters')}
        errors={subErrors(errors, 'filters')}
        onChange={(filters) => onChange({ ...config, filters })}
      />
    </>
  );
}
