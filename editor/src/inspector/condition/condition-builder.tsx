import { ConditionOp, memberFields } from '@memberflow/shared/condition';
import { useT, type Translate } from '../../i18n/i18n.ts';
import { useRfmGroupName } from '../../insights/rfm-group-name.ts';
import { PlusIcon, TrashIcon } from '../../ui/icons.tsx';
import { NumberInput } from '../fields/number-field.tsx';
import { asRecord, asRecords } from '../fields/read-config.ts';
import { subErrors } from '../sub-errors.ts';
import {
  fieldSuggestions,
  newFieldRule,
  newGroup,
  pickerKey,
  prefixes,
  propertyName,
  ruleForPicker,
  type PickerKey,
} from './condition-fields.ts';
import { convertValue } from './condition-value.ts';
import { ConditionValueInput } from './condition-value-input.tsx';

/** A comparison in the user's language ("is", "≥", "is one of"). */
export const opLabel = (t: Translate, op: ConditionOp) => t(`condition.op.${op}`);

const metricOps: readonly ConditionOp[] = ['gte', 'gt', 'eq', 'neq', 'lte', 'lt'];

/** Groups may hold groups this deep; the language allows more, but two levels stay readable. */
const MAX_DEPTH = 2;

interface ConditionBuilderProps {
  id: string;
  value: unknown;
  /** Errors keyed by path inside the group, e.g. "rules.1.value". */
  errors: Record<string, string>;
  onChange: (group: Record<string, unknown>) => void;
  emptyText?: string;
}

export function ConditionBuilder({ id, value, errors, onChange, emptyText }: ConditionBuilderProps) {
  return <GroupEditor id={id} group={asRecord(value)} errors={errors} depth={1} onChange={onChange} emptyText={emptyText} />;
}

interface GroupEditorProps {
  id: string;
  group: Record<string, unknown>;
  errors: Record<string, string>;
  depth: number;
  onChange: (group: Record<string, unknown>) => void;
  onRemove?: () => void;
  emptyText?: string | undefined;
}

function GroupEditor({ id, group, errors, depth, onChange, onRemove, emptyText }: GroupEditorProps) {
  const t = useT();
  const rules = asRecords(group.rules);
  const combinator = group.combinator === 'or' ? 'or' : 'and';
  const base = { type: 'group', combinator, ...group, rules };
  const setRules = (next: Record<string, unknown>[]) => onChange({ ...base, rules: next });
  const update = (i: number, rule: Record<string, unknown>) => setRules(rules.map((r, j) => (j === i ? rule : r)));
  const remove = (i: number) => setRules(rules.filter((_, j) => j !== i));
  const own = errors.rules ?? errors[''];
  return (
    <div
      className={`cond-group cond-group--depth-${depth}`}
      id={id}
      tabIndex={-1}
      role="group"
      aria-label={depth === 1 ? t('condition.condition') : t('condition.group')}
    >
      <div className="cond-group__head">
        <span className="cond-group__lead">{rules.length > 0 ? t('condition.match') : ''}</span>
        {rules.length > 1 && (
          <div className="segmented segmented--small" role="radiogroup" aria-label={t('condition.combine')}>
            {(['and', 'or'] as const).map((c) => (
              <button
                key={c}
                type="button"
                role="radio"
                aria-checked={combinator === c}
                className="segmented__item"
                onClick={() => onChange({ ...base, combinator: c })}
              >
                {c === 'and' ? t('condition.all') : t('condition.any')}
              </button>
            ))}
          </div>
        )}
        {rules.length === 1 && <span className="cond-group__lead">{t('condition.thisRule')}</span>}
        {onRemove && (
          <button
            type="button"
            className="btn btn--ghost cond-remove"
            aria-label={t('condition.removeGroup')}
            title={t('condition.removeGroup')}
            onClick={onRemove}
          >
            <TrashIcon size={14} />
          </button>
        )}
      </div>
      {rules.length === 0 && <p className="field__hint cond-group__empty">{emptyText ?? t('condition.empty')}</p>}
      {rules.map((rule, i) => {
        const sub = subErrors(errors, `rules.${i}`);
        const joiner = i > 0 ? <div className="cond-joiner">{combinator === 'and' ? t('condition.and') : t('condition.or')}</div> : null;
        return (
          <div key={i} className="cond-item">
            {joiner}
            {rule.type === 'group' ? (
              <GroupEditor
                id={`${id}-${i}`}
                group={rule}
                errors={sub}
                depth={depth + 1}
                onChange={(g) => update(i, g)}
                onRemove={() => remove(i)}
              />
            ) : (
              <RuleEditor
                id={`${id}-${i}`}
                index={i}
                rule={rule}
                errors={sub}
                onChange={(r) => update(i, r)}
                onRemove={() => remove(i)}
              />
            )}
          </div>
        );
      })}
      {own && (
        <p className="field__error" role="alert">
          {own}
        </p>
      )}
      <div className="cond-group__actions">
        <button type="button" className="btn btn--ghost filter-add" onClick={() => setRules([...rules, newFieldRule()])}>
          <PlusIcon size={14} /> {t('condition.addRule')}
        </button>
        {depth < MAX_DEPTH && (
          <button
            type="button"
            className="btn btn--ghost filter-add"
            onClick={() => setRules([...rules, newGroup(combinator === 'and' ? 'or' : 'and')])}
          >
            <PlusIcon size={14} /> {t('condition.addGroup')}
          </button>
        )}
      </div>
    </div>
  );
}

interface RuleEditorProps {
  id: string;
  index: number;
  rule: Record<string, unknown>;
  errors: Record<string, string>;
  onChange: (rule: Record<string, unknown>) => void;
  onRemove: () => void;
}

function RuleEditor({ id, index, rule, errors, onChange, onRemove }: RuleEditorProps) {
  const t = useT();
  const groupName = useRfmGroupName();
  const key = pickerKey(rule);
  const isMetric = rule.type === 'metric';
  const field = typeof rule.field === 'string' ? rule.field : '';
  const ops: readonly ConditionOp[] = isMetric ? metricOps : ConditionOp.options;
  const op: ConditionOp = ops.includes(rule.op as ConditionOp) ? (rule.op as ConditionOp) : 'eq';
  const n = index + 1;
  const message = errors.field ?? errors.metric ?? errors.windowDays ?? errors.op ?? errors.value ?? errors[''];
  return (
    <div className="cond-rule" data-testid="condition-rule">
      <div className="cond-rule__line">
        <select
          id={`${id}-field`}
          className="select"
          aria-label={t('condition.ruleField', { n })}
          value={key}
          aria-invalid={errors.field ? true : undefined}
          onChange={(e) => onChange(ruleForPicker(e.target.value as PickerKey, rule))}
        >
          <optgroup label={t('condition.member')}>
            {memberFields.map((f) => (
              <option key={f} value={f}>
                {t(`condition.field.${f}`)}
              </option>
            ))}
            <option value="attribute">{t('condition.attribute')}</option>
          </optgroup>
          <optgroup label={t('condition.triggerEvent')}>
            <option value="trigger">{t('condition.triggerProperty')}</option>
          </optgroup>
          <optgroup label={t('condition.latestEvent')}>
            <option value="event">{t('condition.eventProperty')}</option>
          </optgroup>
          <optgroup label={t('condition.metric')}>
            <option value="metric:spend">{t('condition.metricSpend')}</option>
            <option value="metric:orders">{t('condition.metricOrders')}</option>
          </optgroup>
        </select>
        <button
          type="button"
          className="btn btn--ghost cond-remove"
          aria-label={t('condition.removeRuleN', { n })}
          title={t('condition.removeRule')}
          onClick={onRemove}
        >
          <TrashIcon size={14} />
        </button>
      </div>
      {key in prefixes && (
        <input
          className="input"
          aria-label={t('condition.rulePropertyName', { n })}
          placeholder={key === 'attribute' ? t('condition.attributePlaceholder') : t('condition.propertyPlaceholder')}
          aria-invalid={errors.field ? true : undefined}
          value={propertyName(field, key)}
          onChange={(e) => onChange({ ...rule, field: `${prefixes[key as keyof typeof prefixes]}${e.target.value.trim()}` })}
        />
      )}
      {isMetric && (
        <label className="cond-rule__window">
          <span>{t('condition.inTheLast')}</span>
          <NumberInput
            id={`${id}-windowDays`}
            label={t('condition.ruleWindow', { n })}
            value={rule.windowDays}
            integer
            error={errors.windowDays}
            onChange={(windowDays) => onChange({ ...rule, windowDays })}
          />
          <span>{t('condition.days')}</span>
        </label>
      )}
      <div className="cond-rule__line">
        <select
          className="select cond-rule__op"
          aria-label={t('condition.ruleComparison', { n })}
          value={op}
          onChange={(e) => {
            const next = e.target.value as ConditionOp;
            const value = isMetric ? rule.value : convertValue(rule.value, next);
            const { value: _drop, ...rest } = rule;
            onChange(value === undefined ? { ...rest, op: next } : { ...rest, op: next, value });
          }}
        >
          {ops.map((o) => (
            <option key={o} value={o}>
              {opLabel(t, o)}
            </option>
          ))}
        </select>
        {isMetric ? (
          <NumberInput
            id={`${id}-value`}
            label={t('condition.ruleValue', { n })}
            value={rule.value}
            error={errors.value}
            onChange={(value) => onChange({ ...rule, value })}
          />
        ) : op === 'exists' || op === 'not_exists' ? null : (
          <ConditionValueInput
            id={`${id}-value`}
            label={t('condition.ruleValue', { n })}
            op={op}
            value={rule.value}
            error={errors.value}
            suggestions={fieldSuggestions[field]}
            suggestionLabel={field === 'member.rfm.segment' ? groupName : undefined}
            onChange={(value) => {
              const { value: _drop, ...rest } = rule;
              onChange(value === undefined ? rest : { ...rest, value });
            }}
          />
        )}
      </div>
      {message && (
        <p className="field__error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
