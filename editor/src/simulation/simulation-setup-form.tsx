import { knownEventTypes } from '@memberflow/shared/member-event';
import { FieldFrame } from '../inspector/fields/field-frame.tsx';
import { TagsField } from '../inspector/fields/tags-field.tsx';
import { PlayIcon, PlusIcon, TrashIcon } from '../ui/icons.tsx';
import { useT } from '../i18n/i18n.ts';
import { simulationPresets } from './simulation-presets.ts';
import { useRfmGroupName } from '../insights/rfm-group-name.ts';
import { rfmScores, type SimEventForm, type SimMemberForm, type SimulationSetup } from './simulation-setup.ts';

const timeZones = [
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Asia/Singapore',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];

interface SimulationSetupFormProps {
  setup: SimulationSetup;
  errors: Record<string, string>;
  onChange: (setup: SimulationSetup) => void;
  onPreset: (key: string) => void;
  onRun: () => void;
}

export function SimulationSetupForm({ setup, errors, onChange, onPreset, onRun }: SimulationSetupFormProps) {
  const rfmName = useRfmGroupName();
  const t = useT();
  const m = setup.member;
  const setMember = (patch: Partial<SimMemberForm>) => onChange({ ...setup, member: { ...m, ...patch } });
  const setEvent = (i: number, patch: Partial<SimEventForm>) =>
    onChange({ ...setup, events: setup.events.map((e, j) => (j === i ? { ...e, ...patch } : e)) });
  const text = (key: keyof SimMemberForm, label: string, props: { type?: string; placeholder?: string; list?: string } = {}) => (
    <FieldFrame id={`sim-${key}`} label={label} error={errors[key]}>
      <input
        id={`sim-${key}`}
        className="input"
        aria-invalid={errors[key] ? true : undefined}
        type={props.type ?? 'text'}
        placeholder={props.placeholder}
        list={props.list}
        value={m[key] as string}
        onChange={(e) => setMember({ [key]: e.target.value })}
      />
    </FieldFrame>
  );
  const lastAt = setup.events.at(-1)?.at ?? setup.from;
  return (
    <div className="sim-setup">
      <section className="sim-section">
        <h3 className="sim-section__title">{t('simulation.quickStart')}</h3>
        <div className="sim-presets">
          {simulationPresets.map((p) => (
            <button key={p.key} type="button" className="sim-preset" onClick={() => onPreset(p.key)}>
              {t(p.label)}
            </button>
          ))}
        </div>
      </section>

      <section className="sim-section">
        <h3 className="sim-section__title">{t('simulation.member')}</h3>
        <div className="sim-grid">
          {text('name', t('simulation.name'))}
          {text('timeZone', t('simulation.timeZone'), { list: 'sim-time-zones' })}
          {text('phone', t('simulation.phone'), { placeholder: t('simulation.noSms') })}
          {text('email', t('simulation.email'), { placeholder: t('simulation.noEmail') })}
          {text('tier', t('simulation.tier'), { placeholder: t('simulation.none'), list: 'sim-tiers' })}
          <FieldFrame id="sim-rfmSegment" label={t('simulation.rfm')}>
            <select
              id="sim-rfmSegment"
              className="select"
              value={m.rfmSegment}
              onChange={(e) => setMember({ rfmSegment: e.target.value })}
            >
              <option value="">{t('simulation.notScored')}</option>
              {Object.keys(rfmScores).map((s) => (
                <option key={s} value={s}>
                  {rfmName(s)}
                </option>
              ))}
            </select>
          </FieldFrame>
          {text('points', t('simulation.points'), { placeholder: '0' })}
          {text('orderCount', t('simulation.orders'), { placeholder: '0' })}
          {text('totalSpent', t('simulation.spent'), { placeholder: '0' })}
          {text('lastPurchase', t('simulation.lastPurchase'), { type: 'date' })}
          {text('birthday', t('simulation.birthday'), { type: 'date' })}
          {text('joined', t('simulation.joined'), { type: 'date' })}
        </div>
        <TagsField id="sim-tags" label={t('simulation.tags')} value={m.tags} onChange={(tags) => setMember({ tags })} />
        <datalist id="sim-time-zones">
          {timeZones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <datalist id="sim-tiers">
          {['bronze', 'silver', 'gold', 'platinum'].map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </section>

      <section className="sim-section">
        <h3 className="sim-section__title">{t('simulation.events')}</h3>
        {setup.events.length === 0 && <p className="field__hint">{t('simulation.noEvents')}</p>}
        {setup.events.map((e, i) => {
          const message = errors[`event.${i}.type`] ?? errors[`event.${i}.at`] ?? errors[`event.${i}.properties`];
          return (
            <div key={i} className="sim-event" data-testid="sim-event">
              <div className="sim-event__line">
                <input
                  className="input sim-event__type"
                  aria-label={t('simForm.eventType', { n: i + 1 })}
                  list="sim-event-types"
                  value={e.type}
                  aria-invalid={errors[`event.${i}.type`] ? true : undefined}
                  onChange={(ev) => setEvent(i, { type: ev.target.value })}
                />
                <input
                  className="input"
                  type="datetime-local"
                  aria-label={t('simForm.eventTime', { n: i + 1 })}
                  value={e.at}
                  aria-invalid={errors[`event.${i}.at`] ? true : undefined}
                  onChange={(ev) => setEvent(i, { at: ev.target.value })}
                />
                <button
                  type="button"
                  className="btn btn--ghost cond-remove"
                  aria-label={t('simForm.removeEvent', { n: i + 1 })}
                  onClick={() => onChange({ ...setup, events: setup.events.filter((_, j) => j !== i) })}
                >
                  <TrashIcon size={14} />
                </button>
              </div>
              <input
                className="input"
                aria-label={t('simForm.eventProperties', { n: i + 1 })}
                placeholder={t('simForm.propertiesPlaceholder')}
                value={e.properties}
                aria-invalid={errors[`event.${i}.properties`] ? true : undefined}
                onChange={(ev) => setEvent(i, { properties: ev.target.value })}
              />
              {message && (
                <p className="field__error" role="alert">
                  {message}
                </p>
              )}
            </div>
          );
        })}
        <datalist id="sim-event-types">
          {knownEventTypes.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
        <button
          type="button"
          className="btn btn--ghost filter-add"
          onClick={() =>
            onChange({ ...setup, events: [...setup.events, { type: 'purchase', at: lastAt, properties: 'amount=100' }] })
          }
        >
          <PlusIcon size={14} /> {t('simulation.addEvent')}
        </button>
      </section>

      <section className="sim-section">
        <h3 className="sim-section__title">{t('simulation.period')}</h3>
        <div className="sim-grid">
          <FieldFrame id="sim-from" label={t('simulation.from')} error={errors.from}>
            <input
              id="sim-from"
              className="input"
              type="datetime-local"
              value={setup.from}
              onChange={(e) => onChange({ ...setup, from: e.target.value })}
            />
          </FieldFrame>
          <FieldFrame id="sim-until" label={t('simulation.until')} error={errors.until}>
            <input
              id="sim-until"
              className="input"
              type="datetime-local"
              value={setup.until}
              onChange={(e) => onChange({ ...setup, until: e.target.value })}
            />
          </FieldFrame>
        </div>
      </section>

      <div className="sim-actions">
        <button type="button" className="btn btn--primary" onClick={onRun} data-testid="sim-run">
          <PlayIcon size={13} /> {t('simulation.run')}
        </button>
      </div>
    </div>
  );
}
