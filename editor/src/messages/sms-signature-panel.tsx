import { messageRoutes } from '@memberflow/shared/api/message-routes';
import { useEffect, useState } from 'react';
import { callRoute } from '../api/call-route.ts';
import { fieldIssues } from '../api/field-issues.ts';
import { errorMessage } from '../api/http.ts';
import { forgetSmsSignature } from '../api/message-api.ts';
import { useCan } from '../auth/session-context.ts';
import { useT } from '../i18n/i18n.ts';
import { TextField } from '../inspector/fields/text-field.tsx';
import { Panel } from '../monitoring/panel.tsx';

/**
 * The SMS signature on the Settings page: its own setting, saved on its own (this panel sits
 * inside the contact policy's form, so it submits nothing of that form's and Enter saves here).
 */
export function SmsSignaturePanel() {
  const t = useT();
  const canEdit = useCan('edit');
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    callRoute(messageRoutes.smsSignature).then(
      // What the user typed while the setting loaded wins: a late answer must not erase it
      // (it did: the field took the stored '' back and Save wrote '').
      (a) => setValue((v) => v ?? a.signature),
      (e) => setError(errorMessage(e)),
    );
  }, []);
  const save = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const a = await callRoute(messageRoutes.saveSmsSignature, { body: { signature: value ?? '' } });
      setValue(a.signature);
      forgetSmsSignature();
      setNotice(t('smsSignature.saved'));
    } catch (e) {
      setError(fieldIssues(e).signature ? t('smsSignature.tooLong') : errorMessage(e));
    }
    setBusy(false);
  };
  return (
    <Panel title={t('smsSignature.title')} testId="sms-signature">
      <div
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          if (canEdit && !busy) void save();
        }}
      >
        <TextField
          id="sms-signature-input"
          label={t('smsSignature.label')}
          value={value ?? ''}
          maxLength={20}
          placeholder="【品牌】"
          hint={notice ?? t('smsSignature.hint')}
          error={error}
          onChange={(v) => setValue(v)}
        />
        {canEdit && (
          <button
            type="button"
            className="btn"
            data-testid="sms-signature-save"
            disabled={busy || value === null}
            onClick={() => void save()}
          >
            {busy ? t('common.working') : t('smsSignature.save')}
          </button>
        )}
      </div>
    </Panel>
  );
}
