import type { SendMessageConfig } from '@memberflow/shared/nodes/send-message';
import { messageRoutes } from '@memberflow/shared/api/message-routes';
import { withSmsSignature } from '@memberflow/shared/sms-length';
import { renderTemplateDetailed } from '@memberflow/shared/template';
import { useStore } from '@xyflow/react';
import { useState } from 'react';
import { callRoute } from '../api/call-route.ts';
import { useCan } from '../auth/session-context.ts';
import { useCatalog } from '../catalog/use-catalog.ts';
import { localeNames, locales, useLocale, useT, type Locale } from '../i18n/i18n.ts';
import type { FlowEdge, FlowNode } from '../flow/flow-types.ts';
import { couponStepBefore, previewCoupon, previewVariables, sampleMember, type PreviewMember } from './message-preview-vars.ts';
import { TestSendForm } from './test-send-form.tsx';

interface MessagePreviewProps {
  idPrefix: string;
  nodeId: string | undefined;
  config: Partial<SendMessageConfig>;
  signature: string;
}

/** The coupon the step before this one issues, from its real template; null when there is none to read. */
function useCouponBefore(nodeId: string | undefined) {
  const nodes = useStore((s) => s.nodes as FlowNode[]);
  const edges = useStore((s) => s.edges as FlowEdge[]);
  const templates = useCatalog('couponTemplates');
  const step = nodeId ? couponStepBefore(nodeId, nodes, edges) : null;
  const key = typeof step?.data.config.template === 'string' ? step.data.config.template : null;
  const template = key ? templates?.find((t) => t.key === key) : undefined;
  if (!step || !template) return null;
  const days = typeof step.data.config.validityDays === 'number' ? step.data.config.validityDays : 30;
  return { step: step.data.label || key!, coupon: previewCoupon(template, days, Date.now()) };
}

/** Preview as a sample member in a chosen language, or as a real member by id, with the coupon of the step before. */
export function MessagePreview({ idPrefix, nodeId, config, signature }: MessagePreviewProps) {
  const t = useT();
  const uiLocale = useLocale();
  const [language, setLanguage] = useState<Locale>(uiLocale);
  const [memberId, setMemberId] = useState('');
  const [real, setReal] = useState<PreviewMember | null>(null);
  const [notFound, setNotFound] = useState<string | null>(null);
  const canSend = useCan('edit');
  const before = useCouponBefore(nodeId);
  const member = real ?? sampleMember(language);
  const vars = previewVariables(member, before?.coupon ?? null);
  const opts = { locale: member.locale ?? null, timeZone: member.timeZone ?? null };
  const body = renderTemplateDetailed(config.body ?? '', vars, opts);
  const subject = config.channel === 'email' ? renderTemplateDetailed(config.subject ?? '', vars, opts) : null;
  const keywords =
    config.channel === 'wechat'
      ? (config.wechat?.keywords ?? []).map((k) => ({ key: k.key, ...renderTemplateDetailed(k.value, vars, opts) }))
      : [];
  const missing = [...new Set([...body.missing, ...(subject?.missing ?? []), ...keywords.flatMap((k) => k.missing)])];
  const load = async () => {
    setNotFound(null);
    try {
      setReal((await callRoute(messageRoutes.previewMember, { params: { id: memberId.trim() } })).member);
    } catch {
      setReal(null);
      setNotFound(memberId.trim());
    }
  };
  const fmt = (v: unknown, f: string) => renderTemplateDetailed(`{{v | ${f}}}`, { v }, opts).text;
  // Amounts off read as money, percentages with their sign; free shipping and gifts have no value worth showing.
  const couponValue = (c: Record<string, unknown>) =>
    c.kind === 'percent_off' ? `${String(c.value)}%` : c.kind === 'amount_off' ? fmt(c.value, 'money') : String(c.kind ?? '');
  return (
    <div className="message-preview" data-testid={`${idPrefix}-preview`}>
      <select
        className="select select--small"
        aria-label={t('preview.language')}
        value={real ? '' : language}
        onChange={(e) => {
          setReal(null);
          setLanguage(e.target.value as Locale);
        }}
      >
        {real && <option value="">{String(real.name ?? real.id)}</option>}
        {locales.map((l) => (
          <option key={l} value={l}>
            {t('preview.sampleMember')} · {localeNames[l]}
          </option>
        ))}
      </select>
      <div className="message-preview__who">
        <input
          className="input input--small"
          aria-label={t('preview.memberId')}
          placeholder={t('preview.memberId')}
          value={memberId}
          maxLength={128}
          onChange={(e) => setMemberId(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && memberId.trim() && void load()}
        />
        <button type="button" className="btn btn--small" disabled={!memberId.trim()} onClick={() => void load()}>
          {t('preview.load')}
        </button>
      </div>
      {notFound && <p className="field__error">{t('preview.memberNotFound', { id: notFound })}</p>}
      <div className="template-preview">
        <span className="template-preview__label">{t('preview.for', { name: String(member.name || member.id) })}</span>
        {subject && (
          <p className="template-preview__text">
            <strong>{subject.text}</strong>
          </p>
        )}
        {keywords.length > 0 && (
          <ul className="message-preview__keywords" data-testid="message-preview-keywords">
            {keywords.map((k, i) => (
              <li key={i}>
                <strong>{k.key}</strong>: {k.text}
              </li>
            ))}
          </ul>
        )}
        <p className="template-preview__text" data-testid="message-preview-text">
          {config.channel === 'sms' ? withSmsSignature(body.text, signature) : body.text}
        </p>
        <p className="message-preview__coupon">
          {before
            ? t('preview.couponFrom', {
                template: String(before.coupon.template),
                step: before.step,
                value: couponValue(before.coupon),
                until: fmt(before.coupon.expiresAt, 'date'),
              })
            : t('preview.couponSample')}
        </p>
        {missing.length > 0 && (
          <p className="field__error" data-testid="message-preview-missing">
            {t('preview.notSent', { variables: missing.map((m) => `{{${m}}}`).join(', ') })}
          </p>
        )}
      </div>
      {canSend && config.channel && (
        <TestSendForm idPrefix={idPrefix} config={config} variables={vars} locale={opts.locale} timeZone={opts.timeZone} />
      )}
    </div>
  );
}
