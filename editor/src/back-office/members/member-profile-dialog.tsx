import { memberAdminRoutes } from '@memberflow/shared/api/member-admin';
import { useId, useState, type FormEvent } from 'react';
import { callRoute } from '../../api/call-route.ts';
import { fieldIssues } from '../../api/field-issues.ts';
import { errorMessage } from '../../api/http.ts';
import { FieldFrame } from '../../inspector/fields/field-frame.tsx';
import { useT } from '../../i18n/i18n.ts';
import { DialogFooter, DialogHead } from '../../ui/dialog-parts.tsx';
import { useIssueText } from '../issue-text.ts';
import { TextInputField } from '../text-input-field.tsx';
import { CHANNELS, profileBody, profileFormOf, type EditableMember, type ProfileFormState } from './member-profile-form.ts';

const WORDED = ['email', 'phone', 'birthday', 'timeZone'] as const;

/** Staff edit a member's profile, channel consents, tags and attributes. */
export function MemberProfileDialog({
  memberId,
  member,
  onClose,
  onSaved,
}: {
  memberId: string;
  member: EditableMember;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const id = useId();
  const issueText = useIssueText();
  const [form, setForm] = useState<ProfileFormState>(() => profileFormOf(member));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ProfileFormState>) => setForm({ ...form, ...patch });
  // Each field's problem in the user's language; others as the schema words them.
  const err = (k: string) => {
    if (!errors[k]) return undefined;
    if (k === 'attributes') return t('member.attributesBad');
    return (WORDED as readonly string[]).includes(k)
      ? t(`member.problem.${k as (typeof WORDED)[number]}`)
      : issueText(errors[k]!);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = profileBody(form);
    setErrors(parsed.problems ?? {});
    if (!parsed.body) return;
    setBusy(true);
    setError(null);
    try {
      await callRoute(memberAdminRoutes.updateProfile, { params: { id: memberId }, body: parsed.body });
      onSaved();
    } catch (caught) {
      const fields = fieldIssues(caught);
      setErrors(fields);
      if (!Object.keys(fields).length) setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <form
        className="dialog bo-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onSubmit={submit}
        noValidate
        data-testid="member-profile-dialog"
      >
        <DialogHead titleId={`${id}-title`} title={t('member.editTitle', { id: memberId })} onClose={onClose} />
        <div className="bo-form-grid">
          <TextInputField
            id={`${id}-name`}
            label={t('member.name')}
            value={form.name}
            onChange={(name) => set({ name })}
            error={err('name')}
            testId="member-name"
          />
          <TextInputField
            id={`${id}-phone`}
            label={t('member.phone')}
            type="tel"
            value={form.phone}
            onChange={(phone) => set({ phone })}
            error={err('phone')}
          />
          <TextInputField
            id={`${id}-email`}
            label={t('member.email')}
            type="email"
            value={form.email}
            onChange={(email) => set({ email })}
            error={err('email')}
            testId="member-email"
          />
          <TextInputField
            id={`${id}-birthday`}
            label={t('member.birthday')}
            type="date"
            value={form.birthday}
            onChange={(birthday) => set({ birthday })}
            error={err('birthday')}
          />
          <TextInputField
            id={`${id}-tz`}
            label={t('member.timeZone')}
            value={form.timeZone}
            onChange={(timeZone) => set({ timeZone })}
            error={err('timeZone')}
          />
          <TextInputField
            id={`${id}-tags`}
            label={t('member.tags')}
            hint={t('member.tagsHint')}
            value={form.tags}
            onChange={(tags) => set({ tags })}
            error={err('tags')}
            testId="member-tags"
          />
          <fieldset className="bo-form-grid__wide bo-choice">
            <legend className="field__label">{t('member.consents')}</legend>
            {CHANNELS.map((c) => (
              <label key={c} className="check">
                <input
                  type="checkbox"
                  checked={form.consents[c]}
                  onChange={(e) => set({ consents: { ...form.consents, [c]: e.target.checked } })}
                  data-testid={`member-consent-${c}`}
                />
                <span>{t(`member.channel.${c}`)}</span>
              </label>
            ))}
          </fieldset>
          <div className="bo-form-grid__wide">
            <FieldFrame id={`${id}-attrs`} label={t('member.attributes')} error={err('attributes')}>
              <textarea
                id={`${id}-attrs`}
                className="input bo-json"
                rows={4}
                value={form.attributes}
                onChange={(e) => set({ attributes: e.target.value })}
                aria-invalid={errors.attributes ? true : undefined}
              />
            </FieldFrame>
          </div>
        </div>
        <DialogFooter
          error={error}
          busy={busy}
          submitLabel={t('bo.save')}
          onCancel={onClose}
          submitTestId="member-profile-save"
        />
      </form>
    </div>
  );
}
