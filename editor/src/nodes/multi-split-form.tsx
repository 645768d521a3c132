import { useT } from '../i18n/i18n.ts';
import { ConditionBuilder } from '../inspector/condition/condition-builder.tsx';
import { asRecords } from '../inspector/fields/read-config.ts';
import { subErrors } from '../inspector/sub-errors.ts';
import { PlusIcon, TrashIcon } from '../ui/icons.tsx';
import { moveItem, newBranchId } from './branch-list.ts';
import type { NodeFormProps } from './node-form-props.ts';

export const multiSplitFieldLabels = { branches: 'Branches' };

const MAX_BRANCHES = 10;

export function MultiSplitForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  const branches = asRecords(config.branches);
  const set = (next: Record<string, unknown>[]) => onChange({ ...config, branches: next });
  const update = (i: number, patch: Record<string, unknown>) => set(branches.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const add = () => {
    const label = `Branch ${branches.length + 1}`;
    const id = newBranchId(label, new Set(branches.map((b) => String(b.id))));
    set([...branches, { id, label, condition: { type: 'group', combinator: 'and', rules: [] } }]);
  };
  return (
    <div className="field" id={`${idPrefix}-branches`} tabIndex={-1}>
      <span className="field__label">{t('form.multi_split.branches')}</span>
      <p className="field__hint">The first branch whose condition matches wins; members matching none take “Everyone else”.</p>
      {branches.map((b, i) => {
        const sub = subErrors(errors, `branches.${i}`);
        return (
          <div key={String(b.id ?? i)} className="branch" data-testid="branch">
            <div className="branch__head">
              <span className="branch__index">{i + 1}</span>
              <input
                id={`${idPrefix}-branches-${i}-label`}
                className="input"
                aria-label={`Branch ${i + 1} name`}
                value={typeof b.label === 'string' ? b.label : ''}
                maxLength={60}
                aria-invalid={sub.label ? true : undefined}
                onChange={(e) => update(i, { label: e.target.value })}
              />
              <button
                type="button"
                className="btn btn--ghost cond-remove"
                aria-label={`Move branch ${i + 1} up`}
                title="Move up"
                disabled={i === 0}
                onClick={() => set(moveItem(branches, i, i - 1))}
              >
                ↑
              </button>
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
            {(sub.label ?? sub.id) && (
              <p className="field__error" role="alert">
                {sub.label ?? sub.id}
              </p>
            )}
            <ConditionBuilder
              id={`${idPrefix}-branches-${i}-condition`}
              value={b.condition}
              errors={subErrors(sub, 'condition')}
              emptyText="No rules: every member who reaches this branch takes it."
              onChange={(condition) => update(i, { condition })}
            />
          </div>
        );
      })}
      <div className="branch branch--else">
        <span className="branch__index">∗</span> Everyone else
      </div>
      {errors.branches && (
        <p className="field__error" role="alert">
          {errors.branches}
        </p>
      )}
      <button type="button" className="btn btn--ghost filter-add" disabled={branches.length >= MAX_BRANCHES} onClick={add}>
        <PlusIcon size={14} /> Add branch
      </button>
    </div>
  );
}
