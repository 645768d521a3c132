import { settingsRoutes } from '@memberflow/shared/api/settings-routes';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { callRoute } from '../api/call-route.ts';
import { fieldIssues } from '../api/field-issues.ts';
import { errorMessage } from '../api/http.ts';
import { useCan } from '../auth/session-context.ts';
import { BackOfficeHead } from '../back-office/back-office-head.tsx';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { parsePolicyForm, policyFormOf, type PolicyFormState } from '../back-office/settings/policy-form-state.ts';
import { TextInputField } from '../back-office/text-input-field.tsx';
import { useIssueText } from '../back-office/issue-text.ts';
import { useT } from '../i18n/i18n.ts';
import { Panel } from '../monitoring/panel.tsx';
import { usePolling } from '../monitoring/use-polling.ts';
import '../styles/monitoring.css';
import '../styles/back-office.css';

/** /settings: the cross-workflow contact policy (frequency cap, default quiet hours). */
export function SettingsPage() {
  const t = useT();
  const f = useLocaleFormat();
  const id = useId();
  const issueText = useIssueText();
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

  if (!form || !loaded.data) return <div className="page-message muted">{loaded.error ? t('bo.loadFailed', { message: loaded.error }) : t('common.loading')}</div>;
  const parsed = parsePolicyForm(form);
  const errors = { ...serverErrors, ...(parsed.problems ?? {}) };
  // Worded per field in the user's language; the schema's own words for anything else.
  const err = (k: string) => (!errors[k] ? undefined : k.startsWith('cap.') ? t('points.problem') : k.startsWith('quietHours.') ? t('policy.problemTime') : issueText(errors[k]!));
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
        <fieldset className="bo-fieldset bo-inline-rows" disabled={!canEdit}>
          <div className="bo-section-grid">
            <TextInputField id={`${id}-count`} label={t('policy.capCount')} type="number" value={form.capCount} onChange={(capCount) => set({ capCount })} error={err('cap.count')} hint={t('policy.capHint')} testId="policy-cap-count" />
            <TextInputField id={`${id}-days`} label={t('policy.capDays')} type="number" value={form.capDays} onChange={(capDays) => set({ capDays })} error={err('cap.days')} testId="policy-cap-days" />
          </div>
          <div className="field field--check">
            <label className="check">
              <input type="checkbox" checked={form.quiet} onChange={(e) => set({ quiet: e.target.checked })} data-testid="policy-quiet" />
              <span>{t('policy.quietOn')}</span>
            </label>
            <p className="field__hint">{t('policy.quietHint')}</p>
          </div>
          {form.quiet && (
            <div className="bo-section-grid">
              <TextInputField id={`${id}-start`} label={t('policy.quietStart')} type="time" value={form.start} onChange={(start) => set({ start })} error={err('quietHours.start')} testId="policy-quiet-start" />
              <TextInputField id={`${id}-end`} label={t('policy.quietEnd')} type="time" value={form.end} onChange={(end) => set({ end })} error={err('quietHours.end')} testId="policy-quiet-end" />
              <fieldset className="bo-choice">
                <legend className="field__label">{t('policy.quietMode')}</legend>
                {(['hold', 'skip'] as const).map((m) => (
                  <label key={m} className="check">
                    <input type="radio" name={`${id}-mode`} checked={form.mode === m} onChange={() => set({ mode: m })} data-testid={`policy-mode-${m}`} />
                    <span>{t(`policy.mode.${m}`)}</span>
                  </label>
                ))}
              </fieldset>
            </div>
          )}
        </fieldset>
        <p className="muted bo-footnote" data-testid="policy-source">
          {d.updatedAt ? t('policy.updated', { who: d.updatedBy ?? '', when: f.dateTime(d.updatedAt) }) : t('policy.defaults', { count: f.number(d.defaults.cap.count), days: f.number(d.defaults.cap.days) })}
        </p>
      </Panel>
    </form>
  );
}
