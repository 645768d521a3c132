import { useT } from '../../i18n/i18n.ts';
import { describedBy, FieldFrame } from './field-frame.tsx';

interface DateAttributeFieldProps {
  id: string;
  label: string;
  value: unknown;
  onChange: (value: string) => void;
  error?: string | null | undefined;
  hint?: string;
}

/** birthday, anniversary (membership start) or attributes.<name> holding a YYYY-MM-DD date. */
export function DateAttributeField({ id, label, value, onChange, error, hint }: DateAttributeFieldProps) {
  const t = useT();
  const v = typeof value === 'string' ? value : '';
  const kind = v === 'birthday' || v === 'anniversary' ? v : 'attribute';
  const name = v.startsWith('attributes.') ? v.slice('attributes.'.length) : '';
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <div className="field__row">
        <select
          id={id}
          className="select"
          value={kind}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, hint)}
          onChange={(e) => onChange(e.target.value === 'attribute' ? 'attributes.' : e.target.value)}
        >
          <option value="birthday">{t('dateAttr.birthday')}</option>
          <option value="anniversary">{t('dateAttr.anniversary')}</option>
          <option value="attribute">{t('dateAttr.attribute')}</option>
        </select>
        {kind === 'attribute' && (
          <input
            className="input"
            aria-label={t('dateAttr.nameLabel', { label })}
            placeholder={t('dateAttr.namePlaceholder')}
            value={name}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(`attributes.${e.target.value}`)}
          />
        )}
      </div>
    </FieldFrame>
  );
}
