import { cardRoutes, type CardKindRow } from '@memberflow/shared/api/card-routes';
import { callRoute } from '../../api/call-route.ts';
import { useT } from '../../i18n/i18n.ts';
import { RouteLink } from '../../monitoring/route-link.tsx';
import { usePolling } from '../../monitoring/use-polling.ts';
import { memberPath } from '../../routing/routes.ts';
import { useLocaleFormat } from '../locale-format.ts';
import { CardStatusBadge } from './card-status-badge.tsx';

/** The members holding one card kind, newest first, each linked to the member page. */
export function CardHolders({ kind }: { kind: CardKindRow }) {
  const t = useT();
  const f = useLocaleFormat();
  const holders = usePolling(
    (s) => callRoute(cardRoutes.holders, { params: { key: kind.key }, query: { limit: 100 }, signal: s }),
    30_000,
    [kind.key],
  );
  if (!holders.data) return <p className="muted panel-empty">{holders.error ?? t('common.loading')}</p>;
  if (!holders.data.cards.length) return <p className="muted panel-empty">{t('cards.noHolders')}</p>;
  return (
    <table className="mon-table" data-testid="card-holder-list">
      <thead>
        <tr>
          <th>{t('cards.col.member')}</th>
          <th>{t('cards.col.number')}</th>
          <th>{t('cards.col.status')}</th>
          <th>{t('cards.col.starts')}</th>
          <th>{t('cards.col.ends')}</th>
          <th>{t('cards.col.lapses')}</th>
        </tr>
      </thead>
      <tbody>
        {holders.data.cards.map((c) => (
          <tr key={c.id}>
            <td>
              <RouteLink to={memberPath(c.memberId)}>{c.memberId}</RouteLink>
            </td>
            <td>
              <code>{c.number}</code>
            </td>
            <td>
              <CardStatusBadge status={c.status} />
            </td>
            <td className="mon-table__time">{f.date(c.startsAt)}</td>
            <td className="mon-table__time">{c.endsAt ? f.date(c.endsAt) : t('cards.noTerm')}</td>
            <td className="mon-table__time">{f.date(c.lapsesAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
