import { useState } from 'react';
import { useCan } from '../../auth/session-context.ts';
import { useT } from '../../i18n/i18n.ts';
import { getMemberCoupons } from '../../monitoring/monitoring-api.ts';
import { MemberMallPanel } from '../points-mall/member-mall-panel.tsx';
import { Panel } from '../../monitoring/panel.tsx';
import { usePolling } from '../../monitoring/use-polling.ts';
import { OrdersPanel, StoredValuePanel, TierHistoryPanel } from './history-panels.tsx';
import { MemberCouponsTable } from './member-coupons-panel.tsx';
import { MemberProfileDialog } from './member-profile-dialog.tsx';
import type { EditableMember } from './member-profile-form.ts';
import { PointsLedgerPanel } from './points-ledger-panel.tsx';

/** The member's loyalty: points ledger, coupons, stored value, orders and tier history. */
export function MemberLoyalty({ memberId, onNotice }: { memberId: string; onNotice: (notice: string) => void }) {
  const t = useT();
  const coupons = usePolling((s) => getMemberCoupons(memberId, s), 10_000, [memberId]);
  // A points-mall redemption or refund changes the ledger and may issue or void a coupon.
  const [ledgerVersion, setLedgerVersion] = useState(0);
  const changed = (n: string) => {
    coupons.reload();
    onNotice(n);
  };
  const mallChanged = (n: string) => {
    setLedgerVersion((v) => v + 1);
    changed(n);
  };
  return (
    <>
      <div className="mon-grid">
        <PointsLedgerPanel key={ledgerVersion} memberId={memberId} onChanged={onNotice} />
        <Panel title={t('member.couponsTitle')} testId="member-coupons-panel">
          {coupons.data ? (
            <MemberCouponsTable memberId={memberId} coupons={coupons.data} onChanged={changed} />
          ) : (
            <p className="muted panel-empty">{coupons.error ?? t('common.loading')}</p>
          )}
        </Panel>
      </div>
      <div className="mon-grid">
        <OrdersPanel memberId={memberId} />
        <StoredValuePanel memberId={memberId} />
      </div>
      <MemberMallPanel memberId={memberId} onChanged={mallChanged} />
      <TierHistoryPanel memberId={memberId} />
    </>
  );
}

/** "Edit profile" for staff who may edit; the dialog saves and the page reloads the member. */
export function MemberEditButton({
  memberId,
  member,
  onSaved,
}: {
  memberId: string;
  member: EditableMember;
  onSaved: (notice: string) => void;
}) {
  const t = useT();
  const canEdit = useCan('edit');
  const [open, setOpen] = useState(false);
  if (!canEdit) return null;
  return (
    <>
      <button className="btn" type="button" onClick={() => setOpen(true)} data-testid="member-edit">
        {t('member.edit')}
      </button>
      {open && (
        <MemberProfileDialog
          memberId={memberId}
          member={member}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            onSaved(t('member.saved'));
          }}
        />
      )}
    </>
  );
}
