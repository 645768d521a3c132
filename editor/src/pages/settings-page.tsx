import { settingsRoutes } from '@memberflow/shared/api/settings-routes';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { callRoute } from '../api/call-route.ts';
import { fieldIssues } from '../api/field-issues.ts';
import { errorMessage } from '../api/http.ts';
import { useCan } from '../auth/session-context.ts';
import { BackOfficeHead } from '../back-office/back-office-head.tsx';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { PolicyFields } from '../back-office/settings/policy-fields.tsx';
import { parsePolicyForm, policyFormOf, type PolicyFormState } from '../back-office/settings/policy-form-state.ts';
import { useT } from '../i18n/i18n.ts';
import { SmsSignaturePanel } from '../messages/sms-signature-panel.tsx';
import { Panel } from '../monitoring/panel.tsx';
import { usePolling } from '../monitoring/use-polling.ts';
import '../styles/monitoring.css';
import '../styles/back-office.css';

/** /settings: the cross-workflow contact policy (frequency cap, default quiet hours). */
export function SettingsPage() {
  const t = useT();
  const f = useLocaleFormat();
  const id = useId();
  const canEdit = useCan('edit');
  const loaded = usePolling((s) => callRoute(settingsRoutes.contactPolicy, { signal: s }), 0, []);
  const [form, setForm] = useState<PolicyFormState | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (loaded.data && !form) setForm(policyFormOf(loaded.data.policy));
  }, [loaded.data, form]);

  if (!form || !loaded.data)
    return (
      <div className="page-message muted">
        {loaded.error ? t('bo.loadFailed', { message: loaded.error }) : t('common.loading')}
      </div>
    );
  const parsed = parsePolicyForm(form);
  const errors = { ...serverErrors, ...(parsed.problems ?? {}) };
  const set = (patch: Partial<PolicyFormState>) => {
    setForm({ ...form, ...patch });
    setServerErrors({});
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!parsed.policy) return;
    setBusy(true);
    setError(null);
    try {
      await callRoute(settingsRoutes.saveContactPolicy, { body: parsed.policy });
      setNotice(t('policy.saved'));
      loaded.reload();
    } catch (caught) {
      const fields = fieldIssues(caught);
      setServerErrors(fields);
      if (!Object.keys(fields).length) setError(errorMessage(caught));
    }
    setBusy(false);
  };
  const d = loaded.data;
  return (
    <form className="mon-page bo-page" data-testid="settings-page" onSubmit={save} noValidate>
      <BackOfficeHead
        title={t('policy.pageTitle')}
        intro={t('policy.intro')}
        notice={notice}
        action={
          <button className="btn btn--primary" type="submit" disabled={busy || !parsed.policy} data-testid="policy-save">
            {busy ? t('common.working') : t('bo.save')}
          </button>
        }
      />
      {error && <div className="banner banner--error">{error}</div>}
      <Panel title={t('policy.contact')} testId="contact-policy">
        <p className="muted bo-intro">{t('policy.contactIntro')}</p>
        <PolicyFields idPrefix={id} form={form} errors={errors} disabled={!canEdit} onChange={set} />
        <p className="muted bo-footnote" data-testid="policy-source">
          {d.updatedAt
            ? t('policy.updated', { who: d.updatedBy ?? '', when: f.dateTime(d.updatedAt) })
            : t('policy.defaults', { count: f.number(d.defaults.cap.count), days: f.number(d.defaults.cap.days) })}
        </p>
      </Panel>
      <SmsSignaturePanel />
    </form>
  );
}
