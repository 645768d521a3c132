import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/http.ts';
import { listTemplates, type TemplateSummary } from '../api/templates-api.ts';
import { createWorkflow } from '../api/workflows-api.ts';
import { navigate } from '../routing/navigation.ts';
import { workflowPath } from '../routing/routes.ts';
import { XIcon } from '../ui/icons.tsx';

const BLANK = '';

export function NewWorkflowDialog({ onClose }: { onClose: () => void }) {
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [templateKey, setTemplateKey] = useState(BLANK);
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    const ctrl = new AbortController();
    listTemplates(ctrl.signal).then(setTemplates, (err: unknown) => {
      if (!ctrl.signal.aborted) setError(`Could not load templates. ${errorMessage(err)}`);
    });
    nameRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      ctrl.abort();
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  const chooseTemplate = (key: string) => {
    setTemplateKey(key);
    // Suggest the template's name until the user types their own.
    if (!nameTouched) setName(templates?.find((t) => t.key === key)?.name ?? '');
  };

  const nameError = name.trim() === '' ? 'Give the workflow a name' : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNameTouched(true);
    if (nameError) return;
    setBusy(true);
    setError(null);
    try {
      const created = await createWorkflow(templateKey ? { name: name.trim(), templateKey } : { name: name.trim() });
      navigate(workflowPath(created.id));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  const options: TemplateSummary[] = [
    { key: BLANK, name: 'Blank workflow', description: 'Start from scratch and draw your own steps.' },
    ...(templates ?? []),
  ];

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onSubmit={submit}>
        <div className="dialog__head">
          <h2 id={`${id}-title`}>New workflow</h2>
          <button className="btn btn--ghost" type="button" onClick={onClose} aria-label="Close">
            <XIcon size={16} />
          </button>
        </div>

        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            Name
          </label>
          <input
            id={`${id}-name`}
            ref={nameRef}
            className="input"
            value={name}
            maxLength={120}
            placeholder="e.g. Spring win-back"
            aria-invalid={nameTouched && nameError ? true : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setNameTouched(true);
            }}
          />
          {nameTouched && nameError && <p className="field__error">{nameError}</p>}
        </div>

        <fieldset className="template-picker">
          <legend className="field__label">Start from</legend>
          {templates === null && !error && <p className="muted">Loading templates…</p>}
          <div className="template-picker__grid">
            {options.map((t) => (
              <label
                key={t.key || 'blank'}
                className={`template-option${templateKey === t.key ? ' template-option--chosen' : ''}`}
              >
                <input type="radio" name="template" checked={templateKey === t.key} onChange={() => chooseTemplate(t.key)} />
                <span>
                  <span className="template-option__name">{t.name}</span>
                  <span className="template-option__description">{t.description}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        {error && (
          <div className="banner banner--error" role="alert">
            {error}
          </div>
        )}

        <div className="dialog__actions">
          <button className="btn" type="button" onClick={onClose}>
            Cancel
          </button>
          <button className="btn btn--primary" type="submit" disabled={busy}>
            {busy ? 'Creating…' : 'Create workflow'}
          </button>
        </div>
      </form>
    </div>
  );
}
