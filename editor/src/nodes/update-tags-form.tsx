import { useT } from '../i18n/i18n.ts';
import { SelectField } from '../inspector/fields/select-field.tsx';
import { TagsField } from '../inspector/fields/tags-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const updateTagsFieldLabels = { action: 'Action', tags: 'Tags' };

export function UpdateTagsForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  const tagError = errors.tags ?? Object.entries(errors).find(([k]) => k.startsWith('tags.'))?.[1];
  return (
    <>
      <SelectField
        id={`${idPrefix}-action`}
        label={t('form.update_tags.action')}
        value={config.action}
        options={[
          { value: 'add', label: 'Add tags' },
          { value: 'remove', label: 'Remove tags' },
        ]}
        error={errors.action}
        onChange={(action) => onChange({ ...config, action })}
      />
      <TagsField
        id={`${idPrefix}-tags`}
        label={t('form.update_tags.tags')}
        value={config.tags}
        placeholder="e.g. lost — press Enter"
        error={tagError}
        onChange={(tags) => onChange({ ...config, tags })}
      />
    </>
  );
}
