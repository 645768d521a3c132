import { useT } from '../i18n/i18n.ts';
import { NumberInput } from '../inspector/fields/number-field.tsx';
import { asRecords } from '../inspector/fields/read-config.ts';
import { subErrors } from '../inspector/sub-errors.ts';
import { PlusIcon, TrashIcon } from '../ui/icons.tsx';
import { evenPercents, newBranchId, nextBranchLabel, percentTotal } from './branch-list.ts';
import type { NodeFormProps } from './node-form-props.ts';

export const randomSplitFieldLabels = { branches: 'Branches' };

const MAX_BRANCHES = 10;

export function RandomSplitForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  const branches = asRecords(config.branches);
  const set = (next: Record<string, unknown>[]) => onChange({ ...config, branches: next });
  const update = (i: number, patch: Record<string, unknown>) => set(branches.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const total = percentTotal(branches);
  const add = () => {
    const label = nextBranchLabel(branches.length);
    const id = newBranchId(label, new Set(branches.map((b) => String(b.id))));
    set([...branches, { id, label, percent: Math.max(0, Math.round((100 - total) * 1000) / 1000) }]);
  };
  const even = () => {
    const shares = evenPercents(branches.length);
    set(branches.map((b, i) => ({ ...b, percent: shares[i] })));
  };
  return (
    <div className="field" id={`${idPrefix}-branches`} tabIndex={-1}>
      <span className="field__label">{t('form.random_split.branches')}</span>
      <p className="field__hint">A member always gets the same branch, so re-runs and replays agree.</p>
      {branches.map((b, i) => {
        const sub = subErrors(errors, `branches.${i}`);
        const message = sub.label ?? sub.percent ?? sub.id;
        return (
          <div key={String(b.id ?? i)} className="branch branch--inline" data-testid="branch">
            <div className="branch__head">
              <input
                id={`${idPrefix}-branches-${i}-label`}
                className="input"
                aria-label={`Branch ${i + 1} name`}
                value={typeof b.label === 'string' ? b.label : ''}
                maxLength={60}
                aria-invalid={sub.label ? true : undefined}
                onChange={(e) => update(i, { label: e.target.value })}
              />
              <span className="branch__percent">
                <NumberInput
                  id={`${idPrefix}-branches-${i}-percent`}
                  label={`Branch ${i + 1} percent`}
                  value={b.percent}
                  error={sub.percent}
                  onChange={(percent) => update(i, { percent })}
                />
                %
              </span>
              <button
                type="button"
                className="btn btn--ghost cond-remove"
                aria-label={`Remove branch ${i + 1}`}
                title="Remove branch"
                onClick={() => set(branches.filter((_, j) => j !== i))}
              >
                <TrashIcon size={14} />
              </button>
            </div>
            {message && (
              <p className="field__error" role="alert">
                {message}
              </p>
            )}
          </div>
        );
      })}
      <p className={`split-total${total === 100 ? ' split-total--ok' : ' split-total--bad'}`} data-testid="split-total">
        Total {total}% {total === 100 ? '✓' : '— must be 100%'}
      </p>
      {errors.branches && total === 100 && (
        <p className="field__error" role="alert">
          {errors.branches}
        </p>
      )}
      <div className="cond-group__actions">
        <button type="button" className="btn btn--ghost filter-add" disabled={branches.length >= MAX_BRANCHES} onClick={add}>
          <PlusIcon size={14} /> Add branch
        </button>
        <button type="button" className="btn btn--ghost filter-add" disabled={branches.length === 0} onClick={even}>
          Split evenly
        </button>
      </div>
    </div>
  );
}
