import type { Segment } from '@memberflow/shared/api/segments';
import { useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { useT } from '../i18n/i18n.ts';
import { segmentsApi } from './insights-api.ts';
import { saveIssues, type SegmentDraft } from './segment-draft.ts';

/**
 * Saving (create or update, then count, so the members list and workflows' pickers show who is
 * in it now) and deleting a segment, with a refusal's problems by field and by rule.
 */
export function useSegmentSave(saved: Segment | null, onSaved: (s: Segment, note: string) => void, onDeleted: (key: string) => void) {
  const t = useT();
  const f = useLocaleFormat();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [conditionErrors, setConditionErrors] = useState<Record<string, string>>({});

  const save = async (draft: SegmentDraft) => {
    setBusy(true);
    setProblem(null);
    try {
      const body = { name: draft.name, description: draft.description, condition: draft.condition as never };
      const s = saved ? await segmentsApi.update(saved.key, body) : await segmentsApi.create({ ...body, key: draft.key });
      const counted = await segmentsApi.count(s.key);
      setFieldErrors({});
      setConditionErrors({});
      onSaved({ ...s, memberCount: counted.count, countedAt: counted.countedAt }, t('segments.saved', { name: s.name, count: f.number(counted.count) }));
    } catch (e) {
      const issues = saveIssues(e);
      setFieldErrors(issues.fields);
      setConditionErrors(issues.condition);
      setProblem(Object.keys(issues.fields).length + Object.keys(issues.condition).length ? t('segments.fixFields') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!saved) return;
    try {
      await segmentsApi.remove(saved.key);
      onDeleted(saved.key);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  return { busy, problem, fieldErrors, conditionErrors, save, remove };
}
