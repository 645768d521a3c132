import { ApiKeyScope, type CreatedApiKey } from '@memberflow/shared/api/auth';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { createApiKey } from '../api/api-keys-api.ts';
import { fieldIssues } from '../api/field-issues.ts';
import { errorMessage } from '../api/http.ts';
import { FieldFrame } from '../inspector/fields/field-frame.tsx';
import { useT } from '../i18n/i18n.ts';
import { ChoiceCards } from '../ui/choice-cards.tsx';
import { DialogFooter, DialogHead } from '../ui/dialog-parts.tsx';
import { CheckIcon, CopyIcon } from '../ui/icons.tsx';
import { copyText } from './copy-text.ts';

/**
 * Two steps: name and scope, then the key itself. The server keeps only a hash, so the second
 * step is the one chance to copy it; it closes only through "Done", never by a stray click.
 */
export function CreateApiKeyDialog({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiKeyScope>('ingest');
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    nameRef.current?.focus();
  }, []);
  useEffect(() => {
    if (created) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [created, onClose]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') {
      setNameError(t('keys.nameRequired'));
      return;
    }
    setNameError(null);
    setBusy(true);
    setError(null);
    try {
      setCreated(await createApiKey({ name: name.trim(), scope }));
      onCreated();
    } catch (err) {
      const fields = fieldIssues(err);
      if (fields.name) setNameError(fields.name);
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && !created && onClose()}>
      {created ? (
        <ShowKeyOnce created={created} onDone={onClose} />
      ) : (
        <form className="dialog admin-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate data-testid="create-key-dialog">
          <DialogHead titleId={`${id}-title`} title={t('keys.createTitle')} onClose={onClose} />
          <FieldFrame id={`${id}-name`} label={t('keys.name')} error={nameError} hint={t('keys.nameHint')}>
            <input
              ref={nameRef}
              id={`${id}-name`}
              className="input"
              autoComplete="off"
              maxLength={120}
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={nameError ? true : undefined}
              data-testid="key-name"
            />
          </FieldFrame>
          <ChoiceCards
            legend={t('keys.scope')}
            name="scope"
            options={ApiKeyScope.options}
            value={scope}
            onChange={setScope}
            label={(s) => t(`keys.scope.${s}`)}
            description={(s) => t(`keys.scope.${s}.description`)}
            testIdPrefix="key-scope"
          />
          <DialogFooter error={error} busy={busy} submitLabel={t('keys.create')} onCancel={onClose} submitTestId="create-key-submit" />
        </form>
      )}
    </div>
  );
}

function ShowKeyOnce({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const t = useT();
  const id = useId();
  const [copied, setCopied] = useState<boolean | null>(null);
  const keyRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    keyRef.current?.select();
  }, []);
  const copy = async () => {
    const ok = await copyText(created.key);
    setCopied(ok);
    // When the clipboard refuses, the selected text is the fallback: Ctrl+C still works.
    if (!ok) keyRef.current?.select();
  };
  return (
    <div className="dialog admin-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} data-testid="created-key-dialog">
      <div className="dialog__head">
        <h2 id={`${id}-title`}>{t('keys.createdTitle', { name: created.name })}</h2>
      </div>
      <div className="banner banner--warning" role="note">
        {t('keys.shownOnce')}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-key`}>
          {t('keys.key', { scope: t(`keys.scope.${created.scope}`) })}
        </label>
        <div className="field__row">
          <input ref={keyRef} id={`${id}-key`} className="input input--mono" readOnly value={created.key} onFocus={(e) => e.target.select()} data-testid="created-key" />
          <button type="button" className="btn" onClick={() => void copy()} data-testid="copy-key">
            {copied ? <CheckIcon size={14} /> : <CopyIcon size={14} />} {copied ? t('keys.copied') : t('keys.copy')}
          </button>
        </div>
        {copied === false && <p className="field__error">{t('keys.copyFailed')}</p>}
      </div>
      <p className="muted admin-dialog__text">{t('keys.usage')}</p>
      <div className="dialog__actions">
        <button className="btn btn--primary" type="button" onClick={onDone} data-testid="key-done">
          {t('common.done')}
        </button>
      </div>
    </div>
  );
}
