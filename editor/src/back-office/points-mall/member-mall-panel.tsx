import { useState } from 'react';
import { useCan } from '../../auth/session-context.ts';
import { useT } from '../../i18n/i18n.ts';
import { Panel } from '../../monitoring/panel.tsx';
import { MallRedemptionList } from './mall-redemption-list.tsx';
import { RedeemRewardDialog } from './redeem-reward-dialog.tsx';

/** The member page's points-mall panel: their redemptions (refund from here) and "Redeem reward" for staff. */
export function MemberMallPanel({ memberId, onChanged }: { memberId: string; onChanged: (notice: string) => void }) {
  const t = useT();
  const canEdit = useCan('edit');
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState(0);
  const changed = (n: string) => {
    setVersion((v) => v + 1);
    onChanged(n);
  };
  return (
    <Panel
      title={t('mall.memberRedemptions')}
      testId="member-mall-panel"
      aside={
        canEdit && (
          <button type="button" className="btn btn--small" onClick={() => setOpen(true)} data-testid="member-redeem-reward">
            {t('mall.redeemReward')}
          </button>
        )
      }
    >
      <MallRedemptionList memberId={memberId} canEdit={canEdit} version={version} onChanged={changed} />
      {open && (
        <RedeemRewardDialog
          memberId={memberId}
          onClose={() => setOpen(false)}
          onDone={(n) => {
            setOpen(false);
            changed(n);
          }}
        />
      )}
    </Panel>
  );
}
