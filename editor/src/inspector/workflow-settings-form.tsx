import { EntryRule } from '@memberflow/shared/definition';
import { SelectField } from './fields/select-field.tsx';
import { TextField } from './fields/text-field.tsx';

const entryLabels = {
  once_ever: 'Once per member, ever',
  once_at_a_time: 'Once at a time (again after finishing)',
  every_time: 'Every time the trigger fires',
} satisfies Record<EntryRule, string>;

export interface WorkflowSettingsValue {
  name: string;
  description: string;
  entry: EntryRule;
}

interface WorkflowSettingsFormProps {
  value: WorkflowSettingsValue;
  onChange: (patch: Partial<WorkflowSettingsValue>) => void;
}

export function WorkflowSettingsForm({ value, onChange }: WorkflowSettingsFormProps) {
  return (
    <div className="inspector__body" data-testid="workflow-settings">
      <div>
        <h2 className="inspector__title">Workflow settings</h2>
        <p className="inspector__description">Select a step on the canvas to edit it.</p>
      </div>
      <TextField
        id="workflow-name"
        label="Name"
        value={value.name}
        maxLength={120}
        error={value.name.trim() === '' ? 'Give the workflow a name' : null}
        onChange={(name) => onChange({ name })}
      />
      <TextField
        id="workflow-description"
        label="Description"
        value={value.description}
        maxLength={2000}
        multiline
        placeholder="What this workflow is for"
        onChange={(description) => onChange({ description })}
      />
      <SelectField
        id="workflow-entry"
        label="Members can enter"
        value={value.entry}
        options={EntryRule.options.map((v) => ({ value: v, label: entryLabels[v] }))}
        onChange={(entry) => onChange({ entry })}
      />
    </div>
  );
}
