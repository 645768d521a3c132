import { useT } from '../i18n/i18n.ts';
import { renderTemplate } from '@memberflow/shared/template';
import { SelectField } from '../inspector/fields/select-field.tsx';
import { TemplateTextField } from '../inspector/fields/template-text-field.tsx';
import { TextField } from '../inspector/fields/text-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';
import { sampleVariables } from './sample-variables.ts';

export const callWebhookFieldLabels = { url: 'URL', method: 'Method', body: 'JSON body' };

/** The body must still be JSON once variables are filled in; checked on a sample member. */
export function jsonBodyError(template: string): string | null {
  if (template.trim() === '') return null;
  try {
    JSON.parse(renderTemplate(template, sampleVariables));
    return null;
  } catch {
    return 'Not valid JSON once variables are filled in (check quotes and commas)';
  }
}

export function CallWebhookForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  const body = typeof config.body === 'string' ? config.body : '';
  return (
    <>
      <TextField
        id={`${idPrefix}-url`}
        label={t('form.call_webhook.url')}
        value={config.url}
        placeholder="https://example.com/hook"
        error={errors.url}
        onChange={(url) => onChange({ ...config, url })}
      />
      <SelectField
        id={`${idPrefix}-method`}
        label={t('form.call_webhook.method')}
        value={config.method}
        options={[
          { value: 'POST', label: 'POST' },
          { value: 'PUT', label: 'PUT' },
        ]}
        error={errors.method}
        onChange={(method) => onChange({ ...config, method })}
      />
      <TemplateTextField
        id={`${idPrefix}-body`}
        label={t('form.call_webhook.body')}
        value={config.body}
        rows={5}
        monospace
        hint={t('hint.call_webhook.body')}
        error={errors.body ?? jsonBodyError(body)}
        onChange={(b) => onChange({ ...config, body: b })}
      />
    </>
  );
}
