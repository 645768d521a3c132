import { subErrors } from '../sub-errors.ts';
import { ConditionBuilder } from './condition-builder.tsx';

interface ConditionFieldProps {
  id: string;
  label: string;
  value: unknown;
  /** The form's errors, keyed by config path; those under `path` belong to this condition. */
  errors: Record<string, string>;
  path: string;
  onChange: (group: Record<string, unknown>) => void;
  hint?: string;
  emptyText?: string;
}

export function ConditionField({ id, label, value, errors, path, onChange, hint, emptyText }: ConditionFieldProps) {
  const own = errors[path];
  return (
    <div className="field">
      <span className="field__label">{label}</span>
      {hint && <p className="field__hint">{hint}</p>}
      <ConditionBuilder id={id} value={value} errors={subErrors(errors, path)} onChange={onChange} emptyText={emptyText} />
      {own && (
        <p className="field__error" role="alert">
          {own}
        </p>
      )}
    </div>
  );
}
