import { useState, type MouseEvent } from 'react';
import { useCan } from '../auth/session-context.ts';
import { BackOfficeHead } from '../back-office/back-office-head.tsx';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { useT } from '../i18n/i18n.ts';
import { callRoute, rfmRoutes } from '../insights/insights-api.ts';
import { MemberTable } from '../insights/member-table.tsx';
import { RfmGridView, type RfmSelection } from '../insights/rfm-grid-view.tsx';
import { useRfmGroupName } from '../insights/rfm-group-name.ts';
import { RfmGroupsTable } from '../insights/rfm-groups-table.tsx';
import { RfmRecomputeButton } from '../insights/rfm-recompute-button.tsx';
import { RfmShareChart } from '../insights/rfm-share-chart.tsx';
import { Panel } from '../monitoring/panel.tsx';
import { usePolling } from '../monitoring/use-polling.ts';
import { navigate } from '../routing/navigation.ts';
import '../styles/monitoring.css';
import '../styles/back-office.css';
import '../styles/insights.css';

const PAGE = 25;

/** /rfm: the R×FM grid of the ten groups, their shares of members and revenue, and the members behind each. */
export function RfmPage() {
  const t = useT();
  const f = useLocaleFormat();
  const grid = usePolling((signal) => callRoute(rfmRoutes.grid, { signal }), 0, []);
  const [selection, setSelection] = useState<RfmSelection>(null);
  const g = grid.data;
  return (
    <div className="mon-page ins-page" data-testid="rfm-page">
      <BackOfficeHead title={t('rfm.title')} intro={t('rfm.intro')} action={<RfmRecomputeButton onDone={grid.reload} />} />
      {!g ? (
        <p className="muted">{grid.error ?? t('common.loading')}</p>
      ) : (
        <>
          <p className="muted" data-testid="rfm-status">
            {g.computedAt ? t('rfm.computedAt', { date: f.dateTime(g.computedAt), scored: f.number(g.scored), unscored: f.number(g.unscored) }) : t('rfm.never')}
          </p>
          <div className="ins-rfm">
            <Panel title={t('rfm.gridTitle')}>
              <RfmGridView grid={g} selection={selection} onSelect={setSelection} />
            </Panel>
            <Panel title={t('rfm.shareTitle')}>
              <RfmShareChart grid={g} />
            </Panel>
          </div>
          <Panel title={t('rfm.groupsTitle')}>
            <RfmGroupsTable grid={g} selection={selection} onSelect={setSelection} />
          </Panel>
          {selection && <RfmMembers key={JSON.stringify(selection)} selection={selection} />}
        </>
      )}
    </div>
  );
}

function RfmMembers({ selection }: { selection: NonNullable<RfmSelection> }) {
  const t = useT();
  const canEdit = useCan('edit');
  const go = (href: string) => (e: MouseEvent) => {
    e.preventDefault();
    navigate(href);
  };
  const groupName = useRfmGroupName();
  const [offset, setOffset] = useState(0);
  const query = 'group' in selection ? { group: selection.group as never } : { r: selection.r, fm: selection.fm };
  const page = usePolling((signal) => callRoute(rfmRoutes.members, { query: { ...query, limit: PAGE, offset }, signal }), 0, [offset]);
  const title = 'group' in selection ? t('rfm.membersOfGroup', { group: groupName(selection.group) }) : t('rfm.membersOfCell', { r: selection.r, fm: selection.fm });
  return (
    <Panel
      title={title}
      testId="rfm-members"
      aside={
        canEdit && 'group' in selection ? (
          <a className="btn btn--small" href={`/segments?rfm=${encodeURIComponent(selection.group)}`} onClick={go(`/segments?rfm=${encodeURIComponent(selection.group)}`)} data-testid="rfm-save-segment">
            {t('rfm.saveAsSegment')}
          </a>
        ) : undefined
      }
    >
      <MemberTable page={page.data} error={page.error} offset={offset} pageSize={PAGE} onOffset={setOffset} />
    </Panel>
  );
}
