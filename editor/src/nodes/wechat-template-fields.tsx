import type { WechatTemplate } from '@memberflow/shared/nodes/send-message';
import { useT } from '../i18n/i18n.ts';
import { TextField } from '../inspector/fields/text-field.tsx';

interface WechatTemplateFieldsProps {
  idPrefix: string;
  value: unknown;
  errors: Record<string, string>;
  onChange: (value: WechatTemplate) => void;
}

function read(value: unknown): WechatTemplate {
  const v = (value ?? {}) as Partial<WechatTemplate>;
  return {
    templateId: typeof v.templateId === 'string' ? v.templateId : '',
    keywords: Array.isArray(v.keywords) ? v.keywords : [],
  };
}

/** A WeChat template message: the official account's template id and a value per keyword (keyword1, remark, …). */
export function WechatTemplateFields({ idPrefix, value, errors, onChange }: WechatTemplateFieldsProps) {
  const t = useT();
  const w = read(value);
  const setKeyword = (i: number, patch: Partial<WechatTemplate['keywords'][number]>) =>
    onChange({ ...w, keywords: w.keywords.map((k, j) => (j === i ? { ...k, ...patch } : k)) });
  return (
    <fieldset className="wechat-template" data-testid="wechat-template">
      <TextField
        id={`${idPrefix}-wechat-template`}
        label={t('wechat.templateId')}
        value={w.templateId}
        maxLength={100}
        placeholder="TM00015"
        hint={t('wechat.templateIdHint')}
        error={errors['wechat.templateId']}
        onChange={(templateId) => onChange({ ...w, templateId })}
      />
      <p className="field__label">{t('wechat.keywords')}</p>
      {w.keywords.map((k, i) => (
        <div className="wechat-template__row" key={i}>
          <input
            className="input input--small"
            aria-label={`${t('wechat.keyword')} ${i + 1}`}
            value={k.key}
            maxLength={40}
            placeholder={`keyword${i + 1}`}
            onChange={(e) => setKeyword(i, { key: e.target.value })}
          />
          <input
            className="input input--small"
            aria-label={`${t('wechat.value')} ${i + 1}`}
            aria-invalid={errors[`wechat.keywords.${i}.value`] ? true : undefined}
            value={k.value}
            maxLength={200}
            placeholder="{{coupon.expiresAt | date}}"
            onChange={(e) => setKeyword(i, { value: e.target.value })}
          />
          <button
            type="button"
            className="btn btn--ghost btn--small"
            onClick={() => onChange({ ...w, keywords: w.keywords.filter((_, j) => j !== i) })}
          >
            {t('wechat.remove')}
          </button>
          {errors[`wechat.keywords.${i}.value`] && <p className="field__error">{errors[`wechat.keywords.${i}.value`]}</p>}
        </div>
      ))}
      <button
        type="button"
        className="btn btn--small"
        disabled={w.keywords.length >= 20}
        onClick={() => onChange({ ...w, keywords: [...w.keywords, { key: `keyword${w.keywords.length + 1}`, value: '' }] })}
      >
        {t('wechat.addKeyword')}
      </button>
    </fieldset>
  );
}
