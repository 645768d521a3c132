/** Radio buttons drawn as cards with a name and a line of description (roles, key scopes). */
export function ChoiceCards<T extends string>(props: {
  legend: string;
  name: string;
  options: readonly T[];
  /** Null: nothing chosen yet (a required choice with no default). */
  value: T | null;
  onChange: (value: T) => void;
  label: (option: T) => string;
  description: (option: T) => string;
  testIdPrefix: string;
  error?: string | null;
}) {
  const { legend, name, options, value, onChange, label, description, testIdPrefix, error } = props;
  return (
    <fieldset className="role-picker">
      <legend className="field__label">{legend}</legend>
      {options.map((o) => (
        <label key={o} className={`role-option${value === o ? ' role-option--chosen' : ''}`}>
          <input type="radio" name={name} value={o} checked={value === o} onChange={() => onChange(o)} data-testid={`${testIdPrefix}-${o}`} />
          <span>
            <span className="role-option__name">{label(o)}</span>
            <span className="role-option__description">{description(o)}</span>
          </span>
        </label>
      ))}
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
