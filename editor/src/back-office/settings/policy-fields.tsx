import { useT } from '../../i18n/i18n.ts';
import { useIssueText } from '../issue-text.ts';
import { TextInputField } from '../text-input-field.tsx';
import type { PolicyFormState } from './policy-form-state.ts';

interface Props {
  idPrefix: string;
  form: PolicyFormState;
  errors: Record<string, string>;
  disabled: boolean;
  onChange: (patch: Partial<PolicyFormState>) => void;
}

/** The frequency cap and the default quiet hours. */
export function PolicyFields({ idPrefix, form, errors, disabled, onChange: set }: Props) {
  const t = useT();
  const issueText = useIssueText();
  // Worded per field in the user's language; the schema's own words for anything else.
  const err = (k: string) =>
    !errors[k]
      ? undefined
      : k.startsWith('cap.')
        ? t('points.problem')
        : k.startsWith('quietHours.')
          ? t('policy.problemTime')
          : issueText(errors[k]!);
  return (
    <fieldset className="bo-fieldset bo-inline-rows" disabled={disabled}>
      <div className="bo-section-grid">
        <TextInputField
          id={`${idPrefix}-count`}
          label={t('policy.capCount')}
          type="number"
          value={form.capCount}
          onChange={(capCount) => set({ capCount })}
          error={err('cap.count')}
          hint={t('policy.capHint')}
          testId="policy-cap-count"
        />
        <TextInputField
          id={`${idPrefix}-days`}
          label={t('policy.capDays')}
          type="number"
          value={form.capDays}
          onChange={(capDays) => set({ capDays })}
          error={err('cap.days')}
          testId="policy-cap-days"
        />
      </div>
      <div className="field field--check">
        <label className="check">
          <input
            type="checkbox"
            checked={form.quiet}
            onChange={(e) => set({ quiet: e.target.checked })}
            data-testid="policy-quiet"
          />
          <span>{t('policy.quietOn')}</span>
        </label>
        <p className="field__hint">{t('policy.quietHint')}</p>
      </div>
      {form.quiet && (
        <div className="bo-section-grid">
          <TextInputField
            id={`${idPrefix}-start`}
            label={t('policy.quietStart')}
            type="time"
            value={form.start}
            onChange={(start) => set({ start })}
            error={err('quietHours.start')}
            testId="policy-quiet-start"
          />
          <TextInputField
            id={`${idPrefix}-end`}
            label={t('policy.quietEnd')}
            type="time"
            value={form.end}
            onChange={(end) => set({ end })}
            error={err('quietHours.end')}
            testId="policy-quiet-end"
          />
          <fieldset className="bo-choice">
            <legend className="field__label">{t('policy.quietMode')}</legend>
            {(['hold', 'skip'] as const).map((m) => (
              <label key={m} className="check">
                <input
                  type="radio"
                  name={`${idPrefix}-mode`}
                  checked={form.mode === m}
                  onChange={() => set({ mode: m })}
                  data-testid={`policy-mode-${m}`}
                />
                <span>{t(`policy.mode.${m}`)}</span>
              </label>
            ))}
          </fieldset>
        </div>
      )}
    </fieldset>
  );
}
