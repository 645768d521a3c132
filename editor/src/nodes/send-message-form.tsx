import { useT } from '../i18n/i18n.ts';
import { Channel, type SendMessageConfig } from '@memberflow/shared/nodes/send-message';
import { useSmsSignature } from '../api/message-api.ts';
import { CheckField } from '../inspector/fields/check-field.tsx';
import { SelectField } from '../inspector/fields/select-field.tsx';
import { TemplateTextField } from '../inspector/fields/template-text-field.tsx';
import { TextField } from '../inspector/fields/text-field.tsx';
import { MessagePreview } from './message-preview.tsx';
import type { NodeFormProps } from './node-form-props.ts';
import { SendRateLimitField } from './send-rate-limit-field.tsx';
import { SmsLengthMeter } from './sms-length-meter.tsx';
import { WechatTemplateFields } from './wechat-template-fields.tsx';
import '../styles/message-form.css';

export const sendMessageFieldLabels = {
  channel: 'Channel',
  subject: 'Subject',
  body: 'Message',
  marketing: 'Marketing message',
  wechat: 'WeChat template',
  rateLimit: 'Send rate limit',
};

const channelKey = (c: Channel) => `channel.${c}` as const;

const bodyLimit = { sms: 500, email: 4000, wechat: 2000, push: 240, webhook: 4000 } satisfies Record<Channel, number>;

export function SendMessageForm({ idPrefix, nodeId, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  const signature = useSmsSignature();
  const channel = Channel.safeParse(config.channel).data;
  const body = typeof config.body === 'string' ? config.body : '';
  const limit = channel ? bodyLimit[channel] : 4000;
  return (
    <>
      <SelectField
        id={`${idPrefix}-channel`}
        label={t('form.send_message.channel')}
        value={config.channel}
        options={Channel.options.map((c) => ({ value: c, label: t(channelKey(c)) }))}
        error={errors.channel}
        onChange={(c) => onChange({ ...config, channel: c })}
      />
      {channel === 'email' && (
        <TextField
          id={`${idPrefix}-subject`}
          label={t('form.send_message.subject')}
          value={config.subject}
          maxLength={200}
          placeholder="Thank you, {{member.name}}"
          error={errors.subject}
          onChange={(subject) => onChange({ ...config, subject })}
        />
      )}
      {channel === 'wechat' && (
        <WechatTemplateFields
          idPrefix={idPrefix}
          value={config.wechat}
          errors={errors}
          onChange={(wechat) => onChange({ ...config, wechat })}
        />
      )}
      <TemplateTextField
        id={`${idPrefix}-body`}
        label={channel === 'wechat' ? t('wechat.body') : t('form.send_message.body')}
        value={config.body}
        maxLength={4000}
        {...(channel === 'sms'
          ? {}
          : { hint: t(body.length > limit ? 'messageForm.charactersLong' : 'messageForm.characters', { count: body.length, channel: t(channelKey(channel ?? 'sms')) }) })}
        error={errors.body}
        onChange={(b) => onChange({ ...config, body: b })}
      />
      {channel === 'sms' && <SmsLengthMeter body={body} signature={signature} />}
      {body.trim() !== '' && (
        <MessagePreview
          idPrefix={`${idPrefix}-body`}
          nodeId={nodeId}
          config={config as Partial<SendMessageConfig>}
          signature={channel === 'sms' ? signature : ''}
        />
      )}
      <CheckField
        id={`${idPrefix}-marketing`}
        label={t('form.send_message.marketing')}
        checked={config.marketing !== false}
        hint={t('messageForm.marketingHint')}
        onChange={(marketing) => onChange({ ...config, marketing })}
      />
      <SendRateLimitField idPrefix={idPrefix} value={config.rateLimit} errors={errors} onChange={(rateLimit) => onChange({ ...config, rateLimit })} />
    </>
  );
}
