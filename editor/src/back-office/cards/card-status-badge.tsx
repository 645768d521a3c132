import type { CardStatus } from '@memberflow/shared/loyalty/cards';
import { useT } from '../../i18n/i18n.ts';
import '../../styles/cards.css';

/** A card's status as a coloured label. */
export function CardStatusBadge({ status }: { status: CardStatus }) {
  const t = useT();
  return (
    <span className={`bo-status cards-status--${status}`} data-testid="card-status">
      {t(`cards.status.${status}`)}
    </span>
  );
}
