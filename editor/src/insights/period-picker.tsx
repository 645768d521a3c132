import { useState } from 'react';
import { useT } from '../i18n/i18n.ts';
import type { PeriodChoice } from './period.ts';

const PRESETS = ['all', '12', '24', 'custom'] as const;

/** Presets and, for "custom", two dates; the period applies when a date is complete. */
export function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange: (p: PeriodChoice) => void }) {
  const t = useT();
  const [from, setFrom] = useState(value.kind === 'custom' ? value.from : '');
  const [to, setTo] = useState(value.kind === 'custom' ? value.to : '');
  const preset = value.kind === 'all' ? 'all' : value.kind === 'months' ? String(value.months) : 'custom';
  const choose = (p: (typeof PRESETS)[number]) => onChange(p === 'all' ? { kind: 'all' } : p === 'custom' ? { kind: 'custom', from, to } : { kind: 'months', months: Number(p) });
  return (
    <div className="ins-period" data-testid="period-picker">
      <div className="segmented" role="radiogroup" aria-label={t('analytics.period')}>
        {PRESETS.map((p) => (
          <button key={p} type="button" role="radio" aria-checked={preset === p} className="segmented__item" onClick={() => choose(p)}>
            {t(`analytics.period.${p}`)}
          </button>
        ))}
      </div>
      {value.kind === 'custom' && (
        <>
          <label>
            {t('analytics.from')}
            <input
              className="input"
              type="date"
              value={from}
              onChange={(e) => {
                setFrom(e.target.value);
                onChange({ kind: 'custom', from: e.target.value, to });
              }}
            />
          </label>
          <label>
            {t('analytics.to')}
            <input
              className="input"
              type="date"
              value={to}
              onChange={(e) => {
                setTo(e.target.value);
                onChange({ kind: 'custom', from, to: e.target.value });
              }}
            />
          </label>
        </>
      )}
    </div>
  );
}
