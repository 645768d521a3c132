import { cardRoutes } from '@memberflow/shared/api/card-routes';
import type { MemberCardView } from '@memberflow/shared/loyalty/cards';
import { useState } from 'react';
import { callRoute } from '../../api/call-route.ts';
import { useCan } from '../../auth/session-context.ts';
import { useT } from '../../i18n/i18n.ts';
import { Panel } from '../../monitoring/panel.tsx';
import { usePolling } from '../../monitoring/use-polling.ts';
import { useLocaleFormat } from '../locale-format.ts';
import { CardStatusBadge } from './card-status-badge.tsx';
import { benefitLines } from './card-text.ts';
import { CancelCardDialog, IssueCardDialog } from './issue-card-dialog.tsx';

/** The member's cards as card faces: number, status, dates and the benefits each carries. */
export function MemberCardsPanel({ memberId, onNotice }: { memberId: string; onNotice: (n: string) => void }) {
  const t = useT();
  const canEdit = useCan('edit');
  const cards = usePolling((s) => callRoute(cardRoutes.memberCards, { params: { id: memberId }, signal: s }), 30_000, [memberId]);
  const kinds = usePolling((s) => (canEdit ? callRoute(cardRoutes.kinds, { signal: s }) : Promise.resolve({ kinds: [] })), 0, [
    canEdit,
  ]);
  const [dialog, setDialog] = useState<'issue' | MemberCardView | null>(null);
  const done = (n: string) => {
    setDialog(null);
    cards.reload();
    onNotice(n);
  };
  const aside = canEdit && (
    <button
      className="btn btn--small"
      type="button"
      onClick={() => setDialog('issue')}
      disabled={!kinds.data?.kinds.length}
      data-testid="issue-card"
    >
      {t('member.issueCard')}
    </button>
  );
  return (
    <Panel title={t('member.cards')} aside={aside} testId="member-cards">
      {!cards.data ? (
        <p className="muted panel-empty">{cards.error ?? t('common.loading')}</p>
      ) : cards.data.cards.length === 0 ? (
        <p className="muted panel-empty">{t('member.noCards')}</p>
      ) : (
        <div className="cards-faces">
          {cards.data.cards.map((c) => (
            <CardFace
              key={c.id}
              card={c}
              onCancel={canEdit && (c.status === 'active' || c.status === 'expiring') ? () => setDialog(c) : undefined}
            />
          ))}
        </div>
      )}
      {dialog === 'issue' && (
        <IssueCardDialog memberId={memberId} kinds={kinds.data?.kinds ?? []} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog && dialog !== 'issue' && (
        <CancelCardDialog memberId={memberId} card={dialog} onClose={() => setDialog(null)} onDone={done} />
      )}
    </Panel>
  );
}

function CardFace({ card, onCancel }: { card: MemberCardView; onCancel: (() => void) | undefined }) {
  const t = useT();
  const f = useLocaleFormat();
  return (
    <div className={`cards-face cards-face--${card.status}`} data-testid="member-card">
      <div className="cards-face__head">
        <strong>{card.kindName}</strong>
        <CardStatusBadge status={card.status} />
      </div>
      <div className="cards-face__number" data-testid="member-card-number">
        {card.number}
      </div>
      <p className="cards-face__meta">
        {t(`cards.type.${card.type}`)}
        {card.endsAt && ` · ${t('member.cardTerm', { term: card.term })}`}
      </p>
      <p className="cards-face__meta">
        {card.endsAt
          ? t('member.cardDates', { issued: f.date(card.issuedAt), ends: f.date(card.endsAt) })
          : t('member.cardIssued', { issued: f.date(card.issuedAt) })}
      </p>
      {card.lapsesAt && (card.status === 'active' || card.status === 'expiring') && (
        <p className="cards-face__meta">{t('member.cardLapses', { date: f.date(card.lapsesAt) })}</p>
      )}
      {card.couponsIssued > 0 && <p className="cards-face__meta">{t('member.cardCoupons', { count: card.couponsIssued })}</p>}
      <ul className="cards-benefits" data-testid="member-card-benefits">
        {benefitLines(card.benefits, t, f).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {onCancel && (
        <button className="btn btn--small" type="button" onClick={onCancel} data-testid="cancel-card">
          {t('member.cancelCard')}
        </button>
      )}
    </div>
  );
}
