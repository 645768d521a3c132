import type { Segment } from '@memberflow/shared/api/segments';
import { useState } from 'react';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { useT } from '../i18n/i18n.ts';
import { Panel } from '../monitoring/panel.tsx';
import { usePolling } from '../monitoring/use-polling.ts';
import { callRoute, segmentCsvUrl, segmentRoutes } from './insights-api.ts';
import { MemberTable } from './member-table.tsx';

const PAGE = 25;

/** Who is in a saved segment as of its last count, with the CSV export of all of them. */
export function SegmentMembersPanel({ segment }: { segment: Segment }) {
  const t = useT();
  const f = useLocaleFormat();
  const [offset, setOffset] = useState(0);
  const page = usePolling((signal) => callRoute(segmentRoutes.members, { params: { key: segment.key }, query: { limit: PAGE, offset }, signal }), 0, [segment.key, segment.countedAt, offset]);
  return (
    <Panel
      title={t('segments.members')}
      testId="segment-members"
      aside={
        <span className="panel__aside ins-aside">
          <span className="muted">{segment.countedAt ? t('segments.countedAt', { date: f.dateTime(segment.countedAt) }) : t('segments.notCounted')}</span>
          <a className="btn btn--small" href={segmentCsvUrl(segment.key)} download data-testid="segment-csv">
            {t('segments.exportCsv')}
          </a>
        </span>
      }
    >
      <MemberTable page={page.data} error={page.error} offset={offset} pageSize={PAGE} onOffset={setOffset} />
    </Panel>
  );
}
