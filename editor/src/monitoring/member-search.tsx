import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n.ts';
import { useRfmGroupName } from '../insights/rfm-group-name.ts';
import { memberPath } from '../routing/routes.ts';
import { formatDateTime } from '../ui/format-date.ts';
import { searchMembers } from './monitoring-api.ts';
import type { Member } from './monitoring-types.ts';
import { RouteLink } from './route-link.tsx';
import { usePolling } from './use-polling.ts';

// Typing fires a search only after a short pause, not on every key.
const DEBOUNCE_MS = 250;

export function MemberSearch({ initial = '' }: { initial?: string }) {
  const t = useT();
  const [text, setText] = useState(initial);
  const [q, setQ] = useState(initial);
  useEffect(() => {
    const t = window.setTimeout(() => setQ(text), DEBOUNCE_MS);
    return () => window.clearTimeout(t);
  }, [text]);
  const result = usePolling((s) => searchMembers(q, 25, s), 0, [q]);
  return (
    <div className="member-search">
      <input
        className="input member-search__input"
        type="search"
        placeholder={t('memberSearch.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label={t('memberSearch.label')}
        data-testid="member-search"
        autoFocus
      />
      {result.error && (
        <div className="banner banner--error" role="alert">
          {result.error}
        </div>
      )}
      <div className="card">
        <table className="mon-table" data-testid="member-results">
          <thead>
            <tr>
              <th>{t('memberSearch.col.member')}</th>
              <th>{t('memberSearch.col.tier')}</th>
              <th>{t('memberSearch.col.rfm')}</th>
              <th className="num">{t('memberSearch.col.orders')}</th>
              <th className="num">{t('memberSearch.col.points')}</th>
              <th>{t('memberSearch.col.lastPurchase')}</th>
            </tr>
          </thead>
          <tbody>
            {result.data === null && !result.error && (
              <tr>
                <td colSpan={6} className="mon-table__empty">
                  {t('memberSearch.searching')}
                </td>
              </tr>
            )}
            {result.data?.length === 0 && (
              <tr>
                <td colSpan={6} className="mon-table__empty">
                  {t('memberSearch.noMatch', { query: q })}
                </td>
              </tr>
            )}
            {result.data?.map((m) => <MemberRow key={m.id} member={m} />)}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function MemberRow({ member: m }: { member: Member }) {
  const t = useT();
  const rfmName = useRfmGroupName();
  return (
    <tr data-testid="member-result">
      <td>
        <RouteLink to={memberPath(m.id)} className="mon-table__strong">
          {m.id}
        </RouteLink>
        {m.name && <span className="muted"> · {m.name}</span>}
      </td>
      <td>{m.tier ?? <span className="muted">—</span>}</td>
      <td>{m.rfm ? rfmName(m.rfm.segment) : <span className="muted">{t('member.fact.notScored')}</span>}</td>
      <td className="num">{m.orderCount.toLocaleString()}</td>
      <td className="num">{m.pointsBalance.toLocaleString()}</td>
      <td className="muted">{m.lastPurchaseAt ? formatDateTime(m.lastPurchaseAt) : '—'}</td>
    </tr>
  );
}

