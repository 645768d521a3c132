import type { ReactNode } from 'react';
import { useCan } from '../auth/session-context.ts';
import { ReadOnlyBadge } from '../ui/read-only-badge.tsx';

/** A back-office page's title, intro, its main action (or the read-only badge) and the last notice. */
export function BackOfficeHead({
  title,
  intro,
  action,
  notice,
}: {
  title: string;
  intro: string;
  action?: ReactNode;
  notice?: string | null;
}) {
  const canEdit = useCan('edit');
  return (
    <>
      <div className="mon-page__head">
        <div>
          <h1>{title}</h1>
          <p className="muted">{intro}</p>
        </div>
        <div className="mon-page__actions">{canEdit ? action : <ReadOnlyBadge />}</div>
      </div>
      {notice && (
        <div className="banner bo-notice" role="status" data-testid="notice">
          {notice}
        </div>
      )}
    </>
  );
}
