import type { MemberPage } from '@memberflow/shared/api/member-row';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { useT } from '../i18n/i18n.ts';
import { RouteLink } from '../monitoring/route-link.tsx';
import { memberPath } from '../routing/routes.ts';
import { useRfmGroupName } from './rfm-group-name.ts';

interface MemberTableProps {
  page: MemberPage | null;
  offset: number;
  pageSize: number;
  onOffset: (offset: number) => void;
  error?: string | null;
  testId?: string;
}

/** A page of members (most valuable first) with links to each member's page, and paging. */
export function MemberTable({ page, offset, pageSize, onOffset, error, testId }: MemberTableProps) {
  const t = useT();
  const f = useLocaleFormat();
  const groupName = useRfmGroupName();
  if (!page) return <p className="muted panel-empty">{error ?? t('common.loading')}</p>;
  if (page.total === 0) return <p className="muted panel-empty">{t('insights.noMembers')}</p>;
  const last = Math.min(page.total, offset + page.members.length);
  return (
    <div data-testid={testId}>
      <table className="mon-table">
        <thead>
          <tr>
            <th>{t('insights.member')}</th>
            <th className="num">{t('insights.orders')}</th>
            <th className="num">{t('insights.spent')}</th>
            <th>{t('insights.lastPurchase')}</th>
            <th>{t('insights.rfmGroup')}</th>
          </tr>
        </thead>
        <tbody>
          {page.members.map((m) => (
            <tr key={m.id} data-testid="member-row">
              <td>
                <RouteLink to={memberPath(m.id)}>{m.id}</RouteLink>
                {m.name && <span className="muted"> {m.name}</span>}
              </td>
              <td className="num">{f.number(m.orderCount)}</td>
              <td className="num">{f.money(m.totalSpent)}</td>
              <td>{f.date(m.lastPurchaseAt)}</td>
              <td>{m.rfmSegment ? groupName(m.rfmSegment) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="ins-pager">
        <span className="muted">{t('insights.showing', { from: f.number(offset + 1), to: f.number(last), total: f.number(page.total) })}</span>
        <button type="button" className="btn btn--small" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
          {t('insights.previous')}
        </button>
        <button type="button" className="btn btn--small" disabled={last >= page.total} onClick={() => onOffset(offset + pageSize)}>
          {t('insights.next')}
        </button>
      </div>
    </div>
  );
}
