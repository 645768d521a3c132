import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/http.ts';
import { listTemplates, type TemplateSummary } from '../api/templates-api.ts';
import { createWorkflow } from '../api/workflows-api.ts';
import { navigate } from '../routing/navigation.ts';
import { workflowPath } from '../routing/routes.ts';
import { DialogFooter, DialogHead } from '../ui/dialog-parts.tsx';
import { enMessages, type MessageKey } from '../i18n/en.ts';
import { useT, type Translate } from '../i18n/i18n.ts';

const BLANK = '';

export function NewWorkflowDialog({ onClose }: { onClose: () => void }) {
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [templateKey, setTemplateKey] = useState(BLANK);
  const [name, setName] = useState('');
  const t = useT();
  const [nameTouched, setNameTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    const ctrl = new AbortController();
    listTemplates(ctrl.signal).then(setTemplates, (err: unknown) => {
      if (!ctrl.signal.aborted) setError(t('newWorkflow.loadFailed', { error: errorMessage(err) }));
    });
    nameRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      ctrl.abort();
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose, t]);

  const chooseTemplate = (key: string) => {
    setTemplateKey(key);
    // Suggest the template's name until the user types their own.
    const tpl = templates?.find((x) => x.key === key);
    if (!nameTouched) setName(tpl ? templateText(tpl, 'name', t) : '');
  };

  const nameError = name.trim() === '' ? t('newWorkflow.nameRequired') : null;

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
    { key: BLANK, name: t('newWorkflow.blank'), description: t('newWorkflow.blankDescription') },
    ...(templates ?? []),
  ];

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onSubmit={submit}>
        <DialogHead titleId={`${id}-title`} title={t('newWorkflow.title')} onClose={onClose} />

        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            {t('newWorkflow.name')}
          </label>
          <input
            id={`${id}-name`}
            ref={nameRef}
            className="input"
            value={name}
            maxLength={120}
            placeholder={t('newWorkflow.namePlaceholder')}
            aria-invalid={nameTouched && nameError ? true : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setNameTouched(true);
            }}
          />
          {nameTouched && nameError && <p className="field__error">{nameError}</p>}
        </div>

        <fieldset className="template-picker">
          <legend className="field__label">{t('newWorkflow.startFrom')}</legend>
          {templates === null && !error && <p className="muted">{t('newWorkflow.loading')}</p>}
          <div className="template-picker__grid">
            {options.map((tpl) => (
              <label
                key={tpl.key || 'blank'}
                className={`template-option${templateKey === tpl.key ? ' template-option--chosen' : ''}`}
              >
                <input type="radio" name="template" checked={templateKey === tpl.key} onChange={() => chooseTemplate(tpl.key)} />
                <span>
                  <span className="template-option__name">{templateText(tpl, 'name', t)}</span>
                  <span className="template-option__description">{templateText(tpl, 'description', t)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        <DialogFooter error={error} busy={busy} submitLabel={t('newWorkflow.create')} busyLabel={t('newWorkflow.creating')} onCancel={onClose} />
      </form>
    </div>
  );
}

/** The recipes are named in the user's language by key; a template the tables do not know keeps the server's words. */
function templateText(tpl: { key: string; name: string; description: string }, field: 'name' | 'description', t: Translate): string {
  const key = `template.${tpl.key}.${field}`;
  return key in enMessages ? t(key as MessageKey) : tpl[field];
}
