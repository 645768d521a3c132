import { useT } from '../../i18n/i18n.ts';
import { PropertyFilter } from '@memberflow/shared/property-filter';
import { PlusIcon, TrashIcon } from '../../ui/icons.tsx';
import { formatFilterValue, parseFilterValue } from './filter-value.ts';

type FilterOp = PropertyFilter['op'];

const opKey = (op: FilterOp) => `filters.op.${op}` as const;

const ops = PropertyFilter.shape.op.options;

interface FiltersFieldProps {
  id: string;
  label: string;
  value: unknown;
  onChange: (filters: Record<string, unknown>[]) => void;
  /** Errors keyed by path inside the list, e.g. "0.property". */
  errors: Record<string, string>;
  hint?: string;
}

export function FiltersField({ id, label, value, onChange, errors, hint }: FiltersFieldProps) {
  const t = useT();
  const filters: Record<string, unknown>[] = Array.isArray(value) ? value.filter((f) => typeof f === 'object' && f !== null) : [];
  const update = (i: number, patch: Record<string, unknown>) =>
    onChange(filters.map((f, j) => (j === i ? { ...f, ...patch } : f)));

  return (
    <div className="field">
      <span className="field__label" id={id}>
        {label}
      </span>
      {filters.length === 0 && hint && <p className="field__hint">{hint}</p>}
      {filters.map((f, i) => {
        const op = ops.includes(f.op as FilterOp) ? (f.op as FilterOp) : 'eq';
        const rowError = errors[`${i}.property`] ?? errors[`${i}.op`] ?? errors[`${i}.value`] ?? errors[`${i}`];
        return (
          <div key={i} className="filter-row" role="group" aria-labelledby={id}>
            <input
              className="input"
              aria-label={t('filters.property', { n: i + 1 })}
              placeholder={t('filters.propertyPlaceholder')}
              aria-invalid={errors[`${i}.property`] ? true : undefined}
              value={typeof f.property === 'string' ? f.property : ''}
              onChange={(e) => update(i, { property: e.target.value })}
            />
            <div className="filter-row__line">
              <select
                className="select"
                aria-label={t('filters.comparison', { n: i + 1 })}
                value={op}
                onChange={(e) => {
                  const next = e.target.value as FilterOp;
                  update(i, next === 'exists' ? { op: next, value: undefined } : { op: next });
                }}
              >
                {ops.map((o) => (
                  <option key={o} value={o}>
                    {t(opKey(o))}
                  </option>
                ))}
              </select>
              {op !== 'exists' && (
                <input
                  className="input"
                  aria-label={t('filters.value', { n: i + 1 })}
                  placeholder={t('filters.valuePlaceholder')}
                  aria-invalid={errors[`${i}.value`] ? true : undefined}
                  value={formatFilterValue(f.value)}
                  onChange={(e) => update(i, { value: parseFilterValue(e.target.value) })}
                />
              )}
              <button
                className="btn btn--ghost filter-row__remove"
                type="button"
                aria-label={t('filters.remove', { n: i + 1 })}
                title={t('filters.removeTitle')}
                onClick={() => onChange(filters.filter((_, j) => j !== i))}
              >
                <TrashIcon size={14} />
              </button>
            </div>
            {rowError && (
              <p className="field__error" role="alert">
                {rowError}
              </p>
            )}
          </div>
        );
      })}
      <button
        className="btn btn--ghost filter-add"
        type="button"
        onClick={() => onChange([...filters, { property: '', op: 'eq', value: '' }])}
      >
        <PlusIcon size={14} /> {t('filters.add')}
      </button>
    </div>
  );
}
