import { useT } from '../i18n/i18n.ts';
import { EyeIcon } from './icons.tsx';

/** Only analysts lack the edit permission. Shown where editing controls would be, so a missing Publish button does not look like a bug. */
export function ReadOnlyBadge() {
  const t = useT();
  return (
    <span className="read-only-badge" title={t('access.readOnlyTitle')} data-testid="read-only-badge">
      <EyeIcon size={13} /> {t('access.readOnly')}
    </span>
  );
}
