import { PlusIcon, TrashIcon } from '../ui/icons.tsx';
import { asRecords } from '../inspector/fields/read-config.ts';
import type { NodeFormProps } from './node-form-props.ts';

// What the multi-way and random split forms share: the branch list, a branch's name and
// remove button, and the add button.

export const MAX_BRANCHES = 10;

export function branchEditing({ config, onChange }: Pick<NodeFormProps, 'config' | 'onChange'>) {
  const branches = asRecords(config.branches);
  const set = (next: Record<string, unknown>[]) => onChange({ ...config, branches: next });
  const update = (i: number, patch: Record<string, unknown>) => set(branches.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const remove = (i: number) => set(branches.filter((_, j) => j !== i));
  return { branches, set, update, remove };
}

export function BranchNameInput(props: { id: string; index: number; value: unknown; invalid: boolean; onChange: (label: string) => void }) {
  return (
    <input
      id={props.id}
      className="input"
      aria-label={`Branch ${props.index + 1} name`}
      value={typeof props.value === 'string' ? props.value : ''}
      maxLength={60}
      aria-invalid={props.invalid ? true : undefined}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

export function RemoveBranchButton({ index, onRemove }: { index: number; onRemove: () => void }) {
  return (
    <button type="button" className="btn btn--ghost cond-remove" aria-label={`Remove branch ${index + 1}`} title="Remove branch" onClick={onRemove}>
      <TrashIcon size={14} />
    </button>
  );
}

export function AddBranchButton({ count, onAdd }: { count: number; onAdd: () => void }) {
  return (
    <button type="button" className="btn btn--ghost filter-add" disabled={count >= MAX_BRANCHES} onClick={onAdd}>
      <PlusIcon size={14} /> Add branch
    </button>
  );
}
