import { useCatalog } from '../catalog/use-catalog.ts';
import { useT } from '../i18n/i18n.ts';
import { SelectField } from '../inspector/fields/select-field.tsx';
import { TagsField } from '../inspector/fields/tags-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const updateTagsFieldLabels = { action: 'Action', tags: 'Tags' };

export function UpdateTagsForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  const known = useCatalog('tags');
  const tagError = errors.tags ?? Object.entries(errors).find(([k]) => k.startsWith('tags.'))?.[1];
  return (
    <>
      <SelectField
        id={`${idPrefix}-action`}
        label={t('form.update_tags.action')}
        value={config.action}
        options={[
          { value: 'add', label: t('tags.add') },
          { value: 'remove', label: t('tags.remove') },
        ]}
        error={errors.action}
        onChange={(action) => onChange({ ...config, action })}
      />
      <TagsField
        id={`${idPrefix}-tags`}
        label={t('form.update_tags.tags')}
        value={config.tags}
        placeholder={t('tags.placeholder')}
        error={tagError}
        suggestions={known?.map((k) => ({ value: k.tag, label: t('picker.tagMembers', { count: k.members }) }))}
        hint={known?.length ? t('picker.newTag', { tags: known.slice(0, 5).map((k) => k.tag).join(', ') }) : undefined}
        onChange={(tags) => onChange({ ...config, tags })}
      />
    </>
  );
}
