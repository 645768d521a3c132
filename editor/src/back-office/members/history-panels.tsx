import { memberRoutes } from '@memberflow/shared/api/member-routes';
import { callRoute } from '../../api/call-route.ts';
import { useT } from '../../i18n/i18n.ts';
import { Panel } from '../../monitoring/panel.tsx';
import { usePolling } from '../../monitoring/use-polling.ts';
import { useLocaleFormat } from '../locale-format.ts';

const events = (id: string, type: string, signal: AbortSignal) => callRoute(memberRoutes.events, { params: { id }, query: { type, limit: 50 }, signal });
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Recharges, bonuses and spends with the balance after each. */
export function StoredValuePanel({ memberId }: { memberId: string }) {
  const t = useT();
  const f = useLocaleFormat();
  const sv = usePolling((s) => callRoute(memberRoutes.storedValue, { params: { id: memberId }, signal: s }), 10_000, [memberId]);
  const d = sv.data;
  return (
    <Panel
      title={t('member.storedValue')}
      aside={d && <strong>{t('member.storedBalance', { amount: f.money(d.balance) })}</strong>}
      testId="stored-value"
    >
      {!d ? (
        <p className="muted panel-empty">{sv.error ?? t('common.loading')}</p>
      ) : d.history.length === 0 ? (
        <p className="muted panel-empty">{t('member.noStoredValue')}</p>
      ) : (
        <table className="mon-table">
          <tbody>
            {d.history.map((h, i) => (
              <tr key={i}>
                <td className="mon-table__time">{f.dateTime(h.at)}</td>
                <td>{t(`member.kind.${h.kind}`)}</td>
                <td className="num">{f.money(h.amount)}</td>
                <td className="num muted">{f.money(h.balanceAfter)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

/** Purchases, newest first: amount and order id. */
export function OrdersPanel({ memberId }: { memberId: string }) {
  const t = useT();
  const f = useLocaleFormat();
  const list = usePolling((s) => events(memberId, 'purchase', s), 10_000, [memberId]);
  const rows = list.data?.events ?? [];
  return (
    <Panel title={t('member.orders')} testId="orders">
      {!list.data ? (
        <p className="muted panel-empty">{list.error ?? t('common.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="muted panel-empty">{t('member.noOrders')}</p>
      ) : (
        <table className="mon-table">
          <thead>
            <tr>
              <th>{t('member.col.at')}</th>
              <th className="num">{t('member.col.amount')}</th>
              <th>{t('member.col.orderId')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.seq} data-testid="order-row">
                <td className="mon-table__time">{f.dateTime(e.occurredAt)}</td>
                <td className="num">{f.money(Number(e.properties.amount) || 0)}</td>
                <td>{text(e.properties.orderId) || t('bo.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

/** Every tier change, from the tier_changed events. */
export function TierHistoryPanel({ memberId }: { memberId: string }) {
  const t = useT();
  const f = useLocaleFormat();
  const list = usePolling((s) => events(memberId, 'tier_changed', s), 10_000, [memberId]);
  const rows = list.data?.events ?? [];
  return (
    <Panel title={t('member.tierHistory')} testId="tier-history">
      {!list.data ? (
        <p className="muted panel-empty">{list.error ?? t('common.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="muted panel-empty">{t('member.noTierChanges')}</p>
      ) : (
        <table className="mon-table">
          <thead>
            <tr>
              <th>{t('member.col.at')}</th>
              <th>{t('member.col.from')}</th>
              <th>{t('member.col.to')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.seq}>
                <td className="mon-table__time">{f.dateTime(e.occurredAt)}</td>
                <td>{text(e.properties.from) || t('bo.none')}</td>
                <td>{text(e.properties.tier)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
