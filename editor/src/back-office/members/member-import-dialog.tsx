import type { ImportJobStatus } from '@memberflow/shared/api/member-admin';
import { useEffect, useId, useState } from 'react';
import { errorMessage } from '../../api/http.ts';
import { useCan } from '../../auth/session-context.ts';
import { useT } from '../../i18n/i18n.ts';
import { DialogHead } from '../../ui/dialog-parts.tsx';
import { useLocaleFormat } from '../locale-format.ts';
import { importStatus, startMemberImport } from './import-api.ts';
import { ImportProgress } from './import-progress.tsx';

/** Import members from a CSV file (header with "id"), with a progress bar and the problems by line. */
export function MemberImportDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const f = useLocaleFormat();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [job, setJob] = useState<ImportJobStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!jobId) return;
    const ctrl = new AbortController();
    let timer: number | undefined;
    const poll = async () => {
      try {
        const s = await importStatus(jobId, ctrl.signal);
        setJob(s);
        if (s.status === 'running') timer = window.setTimeout(poll, 400);
      } catch (e) {
        if (!ctrl.signal.aborted) setError(errorMessage(e));
      }
    };
    void poll();
    return () => {
      ctrl.abort();
      window.clearTimeout(timer);
    };
  }, [jobId]);

  const start = async () => {
    if (!file) return;
    setError(null);
    try {
      setJobId((await startMemberImport(await file.text())).jobId);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="dialog bo-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        data-testid="member-import-dialog"
      >
        <DialogHead titleId={`${id}-title`} title={t('import.title')} onClose={onClose} />
        <p className="muted bo-intro">{t('import.intro')}</p>
        {!jobId && (
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            aria-label={t('import.file')}
            data-testid="import-file"
          />
        )}
        {job && <ImportProgress job={job} />}
        {error && (
          <div className="banner banner--error" role="alert">
            {error}
          </div>
        )}
        <div className="dialog__actions">
          <button className="btn" type="button" onClick={onClose}>
            {job && job.status !== 'running' ? t('common.close') : t('common.cancel')}
          </button>
          {!jobId && (
            <button className="btn btn--primary" type="button" disabled={!file} onClick={start} data-testid="import-start">
              {file ? t('import.start', { name: file.name, size: f.number(Math.ceil(file.size / 1024)) }) : t('import.choose')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

/** "Import CSV" on the Members page, for people who may edit. */
export function MemberImportButton() {
  const t = useT();
  const canEdit = useCan('edit');
  const [open, setOpen] = useState(false);
  if (!canEdit) return null;
  return (
    <>
      <button className="btn" type="button" onClick={() => setOpen(true)} data-testid="member-import">
        {t('import.button')}
      </button>
      {open && <MemberImportDialog onClose={() => setOpen(false)} />}
    </>
  );
}
