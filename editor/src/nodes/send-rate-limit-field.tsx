import { SendRateLimit } from '@memberflow/shared/send-rate-limit';
import { useState } from 'react';
import { useT } from '../i18n/i18n.ts';
import { CheckField } from '../inspector/fields/check-field.tsx';
import { NumberInput } from '../inspector/fields/number-field.tsx';

const PER = SendRateLimit.shape.per.options;
type Per = (typeof PER)[number];

interface SendRateLimitFieldProps {
  idPrefix: string;
  value: unknown;
  errors: Record<string, string>;
  onChange: (value: { count: number | undefined; per: Per } | null) => void;
}

function readLimit(value: unknown): { count: unknown; per: Per } | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { count?: unknown; per?: unknown };
  return { count: v.count, per: PER.find((p) => p === v.per) ?? 'hour' };
}

/** "At most N per hour" for a large blast: off by default; the number and the window side by side. */
export function SendRateLimitField({ idPrefix, value, errors, onChange }: SendRateLimitFieldProps) {
  const t = useT();
  const [localError, setLocalError] = useState<string | null>(null);
  const limit = readLimit(value);
  const id = `${idPrefix}-rate-limit`;
  const error = localError ?? errors['rateLimit.count'] ?? errors['rateLimit.per'] ?? errors.rateLimit;
  return (
    <div data-testid="send-rate-limit">
      <CheckField
        id={`${id}-on`}
        label={t('rateLimit.label')}
        checked={limit !== null}
        hint={limit === null ? t('rateLimit.offHint') : undefined}
        onChange={(on) => onChange(on ? { count: 1000, per: 'hour' } : null)}
      />
      {limit && (
        <div className="field">
          <label className="field__label" htmlFor={id}>
            {t('rateLimit.count')}
          </label>
          <div className="field__row">
            <NumberInput
              id={id}
              value={limit.count}
              integer
              error={error}
              describedById={`${id}-message`}
              onLocalError={setLocalError}
              onChange={(count) => onChange({ count, per: limit.per })}
            />
            <select
              className="select"
              aria-label={t('rateLimit.per')}
              value={limit.per}
              onChange={(e) => onChange({ count: typeof limit.count === 'number' ? limit.count : undefined, per: e.target.value as Per })}
            >
              {PER.map((p) => (
                <option key={p} value={p}>
                  {t(`rateLimit.per.${p}`)}
                </option>
              ))}
            </select>
          </div>
          {error ? (
            <p className="field__error" id={`${id}-message`} role="alert">
              {error}
            </p>
          ) : (
            <p className="field__hint" id={`${id}-message`}>
              {t('rateLimit.hint')}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
