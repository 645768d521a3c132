import { programmeRoutes } from '@memberflow/shared/api/programme-routes';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { callRoute } from '../api/call-route.ts';
import { fieldIssues } from '../api/field-issues.ts';
import { errorMessage } from '../api/http.ts';
import { useCan } from '../auth/session-context.ts';
import { BackOfficeHead } from '../back-office/back-office-head.tsx';
import { parsePointsForm, pointsFormOf, type PointsFormState } from '../back-office/points/points-form-state.ts';
import { PointsFields } from '../back-office/points/points-fields.tsx';
import { PointsPreview } from '../back-office/points/points-preview.tsx';
import { useT } from '../i18n/i18n.ts';
import { Panel } from '../monitoring/panel.tsx';
import { usePolling } from '../monitoring/use-polling.ts';
import '../styles/monitoring.css';
import '../styles/back-office.css';

/** /points: earning, expiry, negative balances and recharge bonuses, with a live preview. */
export function PointsPage() {
  const t = useT();
  const id = useId();
  const canEdit = useCan('edit');
  const program = usePolling((s) => callRoute(programmeRoutes.program, { signal: s }), 0, []);
  const tiers = usePolling((s) => callRoute(programmeRoutes.tiers, { signal: s }), 0, []);
  const [form, setForm] = useState<PointsFormState | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (program.data && !form) setForm(pointsFormOf(program.data));
  }, [program.data, form]);

  if (!form)
    return (
      <div className="page-message muted">
        {program.error ? t('bo.loadFailed', { message: program.error }) : t('common.loading')}
      </div>
    );
  const parsed = parsePointsForm(form);
  const errors = { ...serverErrors, ...(parsed.problems ?? {}) };
  const set = (patch: Partial<PointsFormState>) => {
    setForm({ ...form, ...patch });
    setServerErrors({});
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!parsed.settings) return;
    setBusy(true);
    setError(null);
    try {
      setForm(pointsFormOf(await callRoute(programmeRoutes.saveProgram, { body: parsed.settings })));
      setNotice(t('points.saved'));
    } catch (err) {
      const fields = fieldIssues(err);
      setServerErrors(fields);
      if (!Object.keys(fields).length) setError(errorMessage(err));
    }
    setBusy(false);
  };

  return (
    <form className="mon-page bo-page" data-testid="points-page" onSubmit={save} noValidate>
      <BackOfficeHead
        title={t('points.title')}
        intro={t('points.intro')}
        notice={notice}
        action={
          <button className="btn btn--primary" type="submit" disabled={busy || !parsed.settings} data-testid="points-save">
            {busy ? t('common.working') : t('bo.save')}
          </button>
        }
      />
      {error && <div className="banner banner--error">{error}</div>}
      {/* First: what the rules being edited give, before the fields that change it. */}
      <Panel title={t('points.preview')} testId="points-preview-panel">
        <PointsPreview key={tiers.data ? 'tiers' : 'none'} program={parsed.settings} tiers={tiers.data?.tiers ?? []} />
      </Panel>
      <PointsFields
        idPrefix={id}
        form={form}
        errors={errors}
        disabled={!canEdit}
        tiers={tiers.data?.tiers ?? []}
        onChange={set}
      />
    </form>
  );
}
