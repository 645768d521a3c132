import { EntryRule } from '@memberflow/shared/definition';
import { knownEventTypes } from '@memberflow/shared/member-event';
import { CheckField } from './fields/check-field.tsx';
import { InstantField } from './fields/instant-field.tsx';
import { NumberField } from './fields/number-field.tsx';
import { asRecord } from './fields/read-config.ts';
import { SelectField } from './fields/select-field.tsx';
import { TextField } from './fields/text-field.tsx';
import { TimeField } from './fields/time-field.tsx';
import { useT } from '../i18n/i18n.ts';


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
  const t = useT();
  const s = value.settings;
  // An emptied number box stores null, not undefined: the schema would quietly fill in its default.
  const set = (patch: Record<string, unknown>) => onChange({ settings: { ...s, ...patch } });
  const exitOnGoal = s.exitOnGoal === null || s.exitOnGoal === undefined ? null : asRecord(s.exitOnGoal);
  const conversion = asRecord(s.conversion);
  const quiet = s.quietHours === null || s.quietHours === undefined ? null : asRecord(s.quietHours);
  const stored = s.window ? asRecord(s.window) : {};
  const campaign = { from: typeof stored.from === 'string' ? stored.from : null, until: typeof stored.until === 'string' ? stored.until : null };
  // Both ends empty: no window at all, so an untouched workflow's settings stay as they were.
  const setWindow = (patch: Partial<typeof campaign>) => {
    const next = { ...campaign, ...patch };
    const rest = Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'window'));
    onChange({ settings: next.from === null && next.until === null ? rest : { ...rest, window: next } });
  };
  return (
    <div className="inspector__body" data-testid="workflow-settings">
      <div>
        <h2 className="inspector__title">{t('settings.title')}</h2>
        <p className="inspector__description">{t('settings.selectStep')}</p>
      </div>
      <TextField
        id="workflow-name"
        label={t('settings.name')}
        value={value.name}
        maxLength={120}
        error={value.name.trim() === '' ? t('settings.nameRequired') : null}
        onChange={(name) => onChange({ name })}
      />
      <TextField
        id="workflow-description"
        label={t('settings.description')}
        value={value.description}
        maxLength={2000}
        multiline
        placeholder={t('settings.descriptionPlaceholder')}
        onChange={(description) => onChange({ description })}
      />

      <h3 className="settings-section">{t('settings.entrySection')}</h3>
      <SelectField
        id="workflow-entry"
        label={t('settings.entryLabel')}
        value={s.entry}
        options={EntryRule.options.map((v) => ({ value: v, label: t(`settings.entry.${v}`) }))}
        error={errors.entry}
        onChange={(entry) => set({ entry })}
      />
      {s.entry === 'cooldown' && (
        <NumberField
          id="workflow-cooldownDays"
          label={t('settings.cooldownDays')}
          value={s.cooldownDays}
          integer
          error={errors.cooldownDays}
          onChange={(cooldownDays) => set({ cooldownDays: cooldownDays ?? null })}
        />
      )}
      <InstantField
        id="workflow-window-from"
        label={t('settings.windowFrom')}
        value={campaign.from}
        error={errors['window.from']}
        onChange={(from) => setWindow({ from })}
      />
      <InstantField
        id="workflow-window-until"
        label={t('settings.windowUntil')}
        value={campaign.until}
        hint={t('settings.windowHint')}
        error={errors['window.until']}
        onChange={(until) => setWindow({ until })}
      />
      <NumberField
        id="workflow-holdoutPercent"
        label={t('settings.holdout')}
        value={s.holdoutPercent}
        hint={t('settings.holdoutHint')}
        error={errors.holdoutPercent}
        onChange={(holdoutPercent) => set({ holdoutPercent: holdoutPercent ?? null })}
      />

      <h3 className="settings-section">{t('settings.goals')}</h3>
      <CheckField
        id="workflow-exitOnGoal"
        label={t('settings.exitOnGoal')}
        checked={exitOnGoal !== null}
        onChange={(on) => set({ exitOnGoal: on ? { eventType: 'purchase', filters: [], withinDays: null } : null })}
      />
      {exitOnGoal && (
        <div className="settings-indent">
          <TextField
            id="workflow-exitOnGoal-eventType"
            label={t('settings.goalEvent')}
            value={exitOnGoal.eventType}
            suggestions={knownEventTypes}
            error={errors['exitOnGoal.eventType']}
            onChange={(eventType) => set({ exitOnGoal: { ...exitOnGoal, eventType } })}
          />
          <NumberField
            id="workflow-exitOnGoal-withinDays"
            label={t('settings.goalWithin')}
            value={exitOnGoal.withinDays}
            integer
            hint={t('settings.goalWithinHint')}
            error={errors['exitOnGoal.withinDays']}
            onChange={(withinDays) => set({ exitOnGoal: { ...exitOnGoal, withinDays: withinDays ?? null } })}
          />
        </div>
      )}
      <div className="field-pair">
        <TextField
          id="workflow-conversion-eventType"
          label={t('settings.conversionEvent')}
          value={conversion.eventType}
          suggestions={knownEventTypes}
          error={errors['conversion.eventType']}
          onChange={(eventType) => set({ conversion: { ...conversion, eventType } })}
        />
        <NumberField
          id="workflow-conversion-withinDays"
          label={t('settings.conversionWithin')}
          value={conversion.withinDays}
          integer
          error={errors['conversion.withinDays']}
          onChange={(withinDays) => set({ conversion: { ...conversion, withinDays: withinDays ?? null } })}
        />
      </div>

      <h3 className="settings-section">{t('settings.contactPolicy')}</h3>
      <CheckField
        id="workflow-quietHours"
        label={t('settings.quietHours')}
        checked={quiet !== null}
        onChange={(on) => set({ quietHours: on ? { start: '21:00', end: '08:00', mode: 'hold' } : null })}
      />
      {quiet && (
        <div className="settings-indent">
          <div className="field-pair">
            <TimeField
              id="workflow-quietHours-start"
              label={t('settings.quietFrom')}
              value={quiet.start}
              error={errors['quietHours.start']}
              onChange={(start) => set({ quietHours: { ...quiet, start } })}
            />
            <TimeField
              id="workflow-quietHours-end"
              label={t('settings.quietUntil')}
              value={quiet.end}
              error={errors['quietHours.end']}
              onChange={(end) => set({ quietHours: { ...quiet, end } })}
            />
          </div>
          <SelectField
            id="workflow-quietHours-mode"
            label={t('settings.quietMode')}
            value={quiet.mode}
            options={[
              { value: 'hold', label: t('settings.quietHold') },
              { value: 'skip', label: t('settings.quietSkip') },
            ]}
            error={errors['quietHours.mode']}
            onChange={(mode) => set({ quietHours: { ...quiet, mode } })}
          />
        </div>
      )}
      <CheckField
        id="workflow-frequencyCap"
        label={t('settings.frequencyCap')}
        checked={s.frequencyCap !== false}
        onChange={(frequencyCap) => set({ frequencyCap })}
      />
    </div>
  );
}
