import { pickerHint, segmentOption } from '../catalog/catalog-options.ts';
import { useCatalog } from '../catalog/use-catalog.ts';
import { useT } from '../i18n/i18n.ts';
import { ConditionField } from '../inspector/condition/condition-field.tsx';
import { TextField } from '../inspector/fields/text-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const segmentTriggerFieldLabels = { segmentKey: 'Saved segment (optional)', condition: 'Members who match' };

export function SegmentTriggerForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  const segments = useCatalog('segments');
  const options = segments?.map((s) => segmentOption(t, s)) ?? null;
  return (
    <>
      <TextField
        id={`${idPrefix}-segmentKey`}
        label={t('form.segment_trigger.segmentKey')}
        value={config.segmentKey}
        maxLength={80}
        placeholder="e.g. at_risk_vips"
        suggestions={options ?? undefined}
        hint={pickerHint(t, options, config.segmentKey, t('catalog.segment.empty'), t('catalog.segment.what'), t('catalog.segment.hint'))}
        error={errors.segmentKey}
        onChange={(segmentKey) => onChange({ ...config, segmentKey })}
      />
      {/* A new tab: the canvas and its unsaved edits stay where they are. */}
      <a className="field__hint" href="/segments" target="_blank" rel="noopener" data-testid="open-segments">
        {t('segments.openPage')}
      </a>
      {/* A saved segment replaces the condition (the runner reads one or the other): hide the unused one. */}
      {typeof config.segmentKey === 'string' && config.segmentKey.trim() ? (
        <p className="field__hint" data-testid="segment-replaces-condition">
          {t('segments.replacesCondition')}
        </p>
      ) : (
        <ConditionField
          id={`${idPrefix}-condition`}
          label={t('form.segment_trigger.condition')}
          value={config.condition}
          errors={errors}
          path="condition"
          hint={t('form.segment_trigger.conditionHint')}
          onChange={(condition) => onChange({ ...config, condition })}
        />
      )}
    </>
  );
}
