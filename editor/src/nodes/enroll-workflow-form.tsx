import { useT } from '../i18n/i18n.ts';
import type { WorkflowSummary } from '@memberflow/shared/api/workflows';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { listWorkflows } from '../api/workflows-api.ts';
import { describedBy, FieldFrame } from '../inspector/fields/field-frame.tsx';
import { useCurrentWorkflowId } from './current-workflow.ts';
import type { NodeFormProps } from './node-form-props.ts';

export const enrollWorkflowFieldLabels = { workflowId: 'Workflow', workflowName: 'Workflow name' };

export function EnrollWorkflowForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  const current = useCurrentWorkflowId();
  const [workflows, setWorkflows] = useState<WorkflowSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    listWorkflows(ctrl.signal).then(setWorkflows, (err: unknown) => {
      if (!ctrl.signal.aborted) setLoadError(errorMessage(err));
    });
    return () => ctrl.abort();
  }, []);
  const id = `${idPrefix}-workflowId`;
  const value = typeof config.workflowId === 'string' ? config.workflowId : '';
  const others = (workflows ?? []).filter((w) => w.id !== current);
  const known = others.some((w) => w.id === value);
  const error = loadError ? `Could not load workflows: ${loadError}` : errors.workflowId;
  const hint = 'Its entry rules still apply. Only live workflows take members.';
  return (
    <FieldFrame id={id} label={t('form.enroll_workflow.workflowId')} error={error} hint={hint}>
      <select
        id={id}
        className="select"
        value={known ? value : ''}
        disabled={workflows === null && !loadError}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => {
          const wf = others.find((w) => w.id === e.target.value);
          onChange({ ...config, workflowId: e.target.value, workflowName: wf?.name ?? '' });
        }}
      >
        <option value="" disabled>
          {workflows === null
            ? 'Loading…'
            : value && !known
              ? `${String(config.workflowName || value)} (not found)`
              : 'Choose a workflow…'}
        </option>
        {others.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
            {w.status === 'active' ? '' : ` (${w.status})`}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
