import { messageRoutes } from '@memberflow/shared/api/message-routes';
import type { SendMessageConfig } from '@memberflow/shared/nodes/send-message';
import { useState } from 'react';
import { callRoute } from '../api/call-route.ts';
import { ApiRequestError } from '../api/http.ts';
import { useT } from '../i18n/i18n.ts';

interface TestSendFormProps {
  idPrefix: string;
  config: Partial<SendMessageConfig>;
  variables: Record<string, unknown>;
  locale: string | null;
  timeZone: string | null;
}

/** Sends the message as previewed to a phone or address, through the channel's real provider. */
export function TestSendForm({ idPrefix, config, variables, locale, timeZone }: TestSendFormProps) {
  const t = useT();
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const send = async () => {
    setBusy(true);
    setResult(null);
    try {
      const a = await callRoute(messageRoutes.testSend, {
        body: {
          channel: config.channel!,
          to,
          subject: config.subject ?? '',
          body: config.body ?? '',
          ...(config.wechat ? { wechat: config.wechat } : {}),
          variables,
          locale,
          timeZone,
        },
      });
      setResult({ ok: true, text: t('testSend.sent', { to: a.to, provider: a.provider }) });
    } catch (e) {
      const issue = e instanceof ApiRequestError ? e.body?.issues?.[0] : undefined;
      const own = issue?.field === 'to' ? t(config.channel === 'email' ? 'testSend.badEmail' : 'testSend.badPhone') : null;
      setResult({
        ok: false,
        text: t('testSend.failed', {
          error: own ?? (issue ? `${issue.field} ${issue.message}` : e instanceof Error ? e.message : String(e)),
        }),
      });
    } finally {
      setBusy(false);
    }
  };
  const id = `${idPrefix}-test-to`;
  return (
    <div className="test-send">
      <label className="field__label" htmlFor={id}>
        {t('testSend.to')}
      </label>
      <div className="test-send__row">
        <input id={id} className="input input--small" value={to} maxLength={200} onChange={(e) => setTo(e.target.value)} />
        <button
          type="button"
          className="btn btn--small"
          data-testid="test-send"
          disabled={busy || !to.trim()}
          onClick={() => void send()}
        >
          {t('testSend.send')}
        </button>
      </div>
      {result && (
        <p className={result.ok ? 'field__hint' : 'field__error'} role="status" data-testid="test-send-result">
          {result.text}
        </p>
      )}
    </div>
  );
}
