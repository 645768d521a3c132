import { useT } from '../i18n/i18n.ts';
import { ConditionBuilder } from '../inspector/condition/condition-builder.tsx';
import { subErrors } from '../inspector/sub-errors.ts';
import { AddBranchButton, BranchNameInput, RemoveBranchButton, branchEditing } from './branch-row-parts.tsx';
import { moveItem, newBranchId } from './branch-list.ts';
import type { NodeFormProps } from './node-form-props.ts';

export const multiSplitFieldLabels = { branches: 'Branches' };

export function MultiSplitForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  const { branches, set, update, remove } = branchEditing({ config, onChange });
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
              <BranchNameInput id={`${idPrefix}-branches-${i}-label`} index={i} value={b.label} invalid={!!sub.label} onChange={(label) => update(i, { label })} />
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
              <RemoveBranchButton index={i} onRemove={() => remove(i)} />
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
      <AddBranchButton count={branches.length} onAdd={add} />
    </div>
  );
}
