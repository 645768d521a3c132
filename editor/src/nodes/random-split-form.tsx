import { useT } from '../i18n/i18n.ts';
import { NumberInput } from '../inspector/fields/number-field.tsx';
import { subErrors } from '../inspector/sub-errors.ts';
import { AddBranchButton, BranchNameInput, RemoveBranchButton, branchEditing } from './branch-row-parts.tsx';
import { evenPercents, newBranchId, nextBranchLabel, percentTotal } from './branch-list.ts';
import type { NodeFormProps } from './node-form-props.ts';

export const randomSplitFieldLabels = { branches: 'Branches' };

export function RandomSplitForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  const { branches, set, update, remove } = branchEditing({ config, onChange });
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
              <BranchNameInput id={`${idPrefix}-branches-${i}-label`} index={i} value={b.label} invalid={!!sub.label} onChange={(label) => update(i, { label })} />
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
              <RemoveBranchButton index={i} onRemove={() => remove(i)} />
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
        <AddBranchButton count={branches.length} onAdd={add} />
        <button type="button" className="btn btn--ghost filter-add" disabled={branches.length === 0} onClick={even}>
          Split evenly
        </button>
      </div>
    </div>
  );
}
