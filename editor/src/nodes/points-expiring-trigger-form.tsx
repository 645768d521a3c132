import { useT } from '../i18n/i18n.ts';
import { NumberField } from '../inspector/fields/number-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const pointsExpiringTriggerFieldLabels = { withinDays: 'Days before expiry', minPoints: 'Only lots of at least (points)' };

export function PointsExpiringTriggerForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  return (
    <>
      <NumberField
        id={`${idPrefix}-withinDays`}
        label={t('form.points_expiring_trigger.withinDays')}
        value={config.withinDays}
        integer
        error={errors.withinDays}
        onChange={(withinDays) => onChange({ ...config, withinDays })}
      />
      <NumberField
        id={`${idPrefix}-minPoints`}
        label={t('form.points_expiring_trigger.minPoints')}
        value={config.minPoints}
        integer
        hint={t('hint.points_expiring_trigger.minPoints')}
        error={errors.minPoints}
        onChange={(minPoints) => onChange({ ...config, minPoints })}
      />
    </>
  );
}
