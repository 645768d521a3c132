import { EntryRule } from '@memberflow/shared/definition';
import { knownEventTypes } from '@memberflow/shared/member-event';
import { CheckField } from './fields/check-field.tsx';
import { NumberField } from './fields/number-field.tsx';
import { asRecord } from './fields/read-config.ts';
import { SelectField } from './fields/select-field.tsx';
import { TextField } from './fields/text-field.tsx';
import { TimeField } from './fields/time-field.tsx';

const entryLabels = {
  once_ever: 'Once per member, ever',
  once_at_a_time: 'Once at a time (again after finishing)',
  every_time: 'Every time the trigger fires',
  cooldown: 'Again after a cooldown',
} satisfies Record<EntryRule, string>;

export interface WorkflowSettingsValue {
  name: string;
  description: string;
  /** The definition's settings as edited: may be half-filled, so validation reports on them. */
  settings: Record<string, unknown>;
}

interface WorkflowSettingsFormProps {
  value: WorkflowSettingsValue;
  /** Messages keyed by path inside the settings, e.g. "quietHours.start". */
  errors: Record<string, string>;
  onChange: (patch: Partial<WorkflowSettingsValue>) => void;
}

export function WorkflowSettingsForm({ value, errors, onChange }: WorkflowSettingsFormProps) {
  const s = value.settings;
  // An emptied number box stores null, not undefined: the schema would quietly fill in its default.
  const set = (patch: Record<string, unknown>) => onChange({ settings: { ...s, ...patch } });
  const exitOnGoal = s.exitOnGoal === null || s.exitOnGoal === undefined ? null : asRecord(s.exitOnGoal);
  const conversion = asRecord(s.conversion);
  const quiet = s.quietHours === null || s.quietHours === undefined ? null : asRecord(s.quietHours);
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

      <h3 className="settings-section">Entry</h3>
      <SelectField
        id="workflow-entry"
        label="Members can enter"
        value={s.entry}
        options={EntryRule.options.map((v) => ({ value: v, label: entryLabels[v] }))}
        error={errors.entry}
        onChange={(entry) => set({ entry })}
      />
      {s.entry === 'cooldown' && (
        <NumberField
          id="workflow-cooldownDays"
          label="Cooldown (days since the last entry)"
          value={s.cooldownDays}
          integer
          error={errors.cooldownDays}
          onChange={(cooldownDays) => set({ cooldownDays: cooldownDays ?? null })}
        />
      )}
      <NumberField
        id="workflow-holdoutPercent"
        label="Holdout group (%)"
        value={s.holdoutPercent}
        hint="0–50% of entering members get no actions, to measure lift."
        error={errors.holdoutPercent}
        onChange={(holdoutPercent) => set({ holdoutPercent: holdoutPercent ?? null })}
      />

      <h3 className="settings-section">Goals</h3>
      <CheckField
        id="workflow-exitOnGoal"
        label="Leave as converted when the goal event happens"
        checked={exitOnGoal !== null}
        onChange={(on) => set({ exitOnGoal: on ? { eventType: 'purchase', filters: [], withinDays: null } : null })}
      />
      {exitOnGoal && (
        <div className="settings-indent">
          <TextField
            id="workflow-exitOnGoal-eventType"
            label="Goal event"
            value={exitOnGoal.eventType}
            suggestions={knownEventTypes}
            error={errors['exitOnGoal.eventType']}
            onChange={(eventType) => set({ exitOnGoal: { ...exitOnGoal, eventType } })}
          />
          <NumberField
            id="workflow-exitOnGoal-withinDays"
            label="Within (days of entry, optional)"
            value={exitOnGoal.withinDays}
            integer
            hint="Empty: any time while in the journey."
            error={errors['exitOnGoal.withinDays']}
            onChange={(withinDays) => set({ exitOnGoal: { ...exitOnGoal, withinDays: withinDays ?? null } })}
          />
        </div>
      )}
      <div className="field-pair">
        <TextField
          id="workflow-conversion-eventType"
          label="Conversion event"
          value={conversion.eventType}
          suggestions={knownEventTypes}
          error={errors['conversion.eventType']}
          onChange={(eventType) => set({ conversion: { ...conversion, eventType } })}
        />
        <NumberField
          id="workflow-conversion-withinDays"
          label="Within (days)"
          value={conversion.withinDays}
          integer
          error={errors['conversion.withinDays']}
          onChange={(withinDays) => set({ conversion: { ...conversion, withinDays: withinDays ?? null } })}
        />
      </div>

      <h3 className="settings-section">Contact policy</h3>
      <CheckField
        id="workflow-quietHours"
        label="Respect quiet hours (member time)"
        checked={quiet !== null}
        onChange={(on) => set({ quietHours: on ? { start: '21:00', end: '08:00', mode: 'hold' } : null })}
      />
      {quiet && (
        <div className="settings-indent">
          <div className="field-pair">
            <TimeField
              id="workflow-quietHours-start"
              label="From"
              value={quiet.start}
              error={errors['quietHours.start']}
              onChange={(start) => set({ quietHours: { ...quiet, start } })}
            />
            <TimeField
              id="workflow-quietHours-end"
              label="Until"
              value={quiet.end}
              error={errors['quietHours.end']}
              onChange={(end) => set({ quietHours: { ...quiet, end } })}
            />
          </div>
          <SelectField
            id="workflow-quietHours-mode"
            label="Marketing messages in quiet hours"
            value={quiet.mode}
            options={[
              { value: 'hold', label: 'Hold until quiet hours end' },
              { value: 'skip', label: 'Skip them' },
            ]}
            error={errors['quietHours.mode']}
            onChange={(mode) => set({ quietHours: { ...quiet, mode } })}
          />
        </div>
      )}
      <CheckField
        id="workflow-frequencyCap"
        label="Count toward the cross-workflow frequency cap"
        checked={s.frequencyCap !== false}
        onChange={(frequencyCap) => set({ frequencyCap })}
      />
    </div>
  );
}
