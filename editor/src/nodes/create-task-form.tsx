import { useT } from '../i18n/i18n.ts';
import { CreateTaskConfig } from '@memberflow/shared/nodes/create-task';
import { NumberField } from '../inspector/fields/number-field.tsx';
import { SelectField } from '../inspector/fields/select-field.tsx';
import { TextField } from '../inspector/fields/text-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const createTaskFieldLabels = {
  title: 'Task title',
  type: 'Type',
  assignee: 'Assignee',
  dueInDays: 'Due in (days)',
  priority: 'Priority',
};

type TaskType = CreateTaskConfig['type'];
type Priority = CreateTaskConfig['priority'];

const typeKey = (type: TaskType) => `task.type.${type}` as const;
const priorityKey = (priority: Priority) => `task.priority.${priority}` as const;

export function CreateTaskForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  return (
    <>
      <TextField
        id={`${idPrefix}-title`}
        label={t('form.create_task.title')}
        value={config.title}
        maxLength={200}
        placeholder={t('task.titlePlaceholder')}
        hint={t('task.titleHint')}
        error={errors.title}
        onChange={(title) => onChange({ ...config, title })}
      />
      <SelectField
        id={`${idPrefix}-type`}
        label={t('form.create_task.type')}
        value={config.type}
        options={CreateTaskConfig.shape.type.options.map((type) => ({ value: type, label: t(typeKey(type)) }))}
        error={errors.type}
        onChange={(type) => onChange({ ...config, type })}
      />
      <TextField
        id={`${idPrefix}-assignee`}
        label={t('form.create_task.assignee')}
        value={config.assignee}
        maxLength={80}
        placeholder={t('task.defaultQueue')}
        error={errors.assignee}
        onChange={(assignee) => onChange({ ...config, assignee })}
      />
      <div className="field-pair">
        <NumberField
          id={`${idPrefix}-dueInDays`}
          label={t('form.create_task.dueInDays')}
          value={config.dueInDays}
          integer
          error={errors.dueInDays}
          onChange={(dueInDays) => onChange({ ...config, dueInDays })}
        />
        <SelectField
          id={`${idPrefix}-priority`}
          label={t('form.create_task.priority')}
          value={config.priority}
          options={(['low', 'normal', 'high'] as const).map((p) => ({ value: p, label: t(priorityKey(p)) }))}
          error={errors.priority}
          onChange={(priority) => onChange({ ...config, priority })}
        />
      </div>
    </>
  );
}
