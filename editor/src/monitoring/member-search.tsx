import { useEffect, useState } from 'react';
import { memberPath } from '../routing/routes.ts';
import { formatDateTime } from '../ui/format-date.ts';
import { searchMembers } from './monitoring-api.ts';
import type { Member } from './monitoring-types.ts';
import { RouteLink } from './route-link.tsx';
import { usePolling } from './use-polling.ts';

// Typing fires a search only after a short pause, not on every key.
const DEBOUNCE_MS = 250;

export function MemberSearch({ initial = '' }: { initial?: string }) {
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
        placeholder="Search by member id, name, email or phone"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label="Search members"
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
              <th>Member</th>
              <th>Tier</th>
              <th>RFM group</th>
              <th className="num">Orders</th>
              <th className="num">Points</th>
              <th>Last purchase</th>
            </tr>
          </thead>
          <tbody>
            {result.data === null && !result.error && (
              <tr>
                <td colSpan={6} className="mon-table__empty">
                  Searching…
                </td>
              </tr>
            )}
            {result.data?.length === 0 && (
              <tr>
                <td colSpan={6} className="mon-table__empty">
                  No member matches “{q}”.
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
  return (
    <tr data-testid="member-result">
      <td>
        <RouteLink to={memberPath(m.id)} className="mon-table__strong">
          {m.id}
        </RouteLink>
        {m.name && <span className="muted"> · {m.name}</span>}
      </td>
      <td>{m.tier ?? <span className="muted">—</span>}</td>
      <td>{m.rfm ? rfmLabel(m.rfm.segment) : <span className="muted">not scored</span>}</td>
      <td className="num">{m.orderCount.toLocaleString()}</td>
      <td className="num">{m.pointsBalance.toLocaleString()}</td>
      <td className="muted">{m.lastPurchaseAt ? formatDateTime(m.lastPurchaseAt) : '—'}</td>
    </tr>
  );
}

/** "at_risk" → "At risk". */
export const rfmLabel = (segment: string) => segment.charAt(0).toUpperCase() + segment.slice(1).replace(/_/g, ' ');
