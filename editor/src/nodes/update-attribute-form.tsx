import { useT } from '../i18n/i18n.ts';
import { NumberField } from '../inspector/fields/number-field.tsx';
import { SelectField } from '../inspector/fields/select-field.tsx';
import { TextField } from '../inspector/fields/text-field.tsx';
import { attributeValueType, convertAttributeValue, type AttributeValueType } from './attribute-value.ts';
import type { NodeFormProps } from './node-form-props.ts';

export const updateAttributeFieldLabels = { attribute: 'Attribute', valueType: 'Type', value: 'Value' };

const typeOptions: { value: AttributeValueType; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'boolean', label: 'Yes / no' },
  { value: 'clear', label: 'Clear (remove the value)' },
];

export function UpdateAttributeForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  const type = attributeValueType(config.value);
  return (
    <>
      <TextField
        id={`${idPrefix}-attribute`}
        label={t('form.update_attribute.attribute')}
        value={config.attribute}
        maxLength={60}
        placeholder="winback_stage"
        hint="Conditions read it as member.attributes.<name>."
        error={errors.attribute}
        onChange={(attribute) => onChange({ ...config, attribute })}
      />
      <SelectField
        id={`${idPrefix}-valueType`}
        label={t('form.update_attribute.valueType')}
        value={type}
        options={typeOptions}
        onChange={(t) => onChange({ ...config, value: convertAttributeValue(config.value, t) })}
      />
      {type === 'number' && (
        <NumberField
          id={`${idPrefix}-value`}
          label={t('form.update_attribute.value')}
          value={config.value}
          error={errors.value}
          onChange={(value) => onChange({ ...config, value })}
        />
      )}
      {type === 'text' && (
        <TextField
          id={`${idPrefix}-value`}
          label={t('form.update_attribute.value')}
          value={config.value}
          maxLength={500}
          error={errors.value}
          onChange={(value) => onChange({ ...config, value })}
        />
      )}
      {type === 'boolean' && (
        <SelectField
          id={`${idPrefix}-value`}
          label={t('form.update_attribute.value')}
          value={String(config.value)}
          options={[
            { value: 'true', label: 'Yes (true)' },
            { value: 'false', label: 'No (false)' },
          ]}
          error={errors.value}
          onChange={(v) => onChange({ ...config, value: v === 'true' })}
        />
      )}
    </>
  );
}
