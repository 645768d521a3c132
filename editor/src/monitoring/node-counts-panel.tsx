import type { WorkflowStats } from '@memberflow/shared/api/workflows';
import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { nodeModule } from '@memberflow/shared/node-registry';
import { useState } from 'react';
import { kindTitle, useT } from '../i18n/i18n.ts';
import { effectsCsvUrl, membersCsvUrl } from './monitoring-api.ts';

export const nodeLabelOf = (definition: WorkflowDefinition | null, id: string | null): string => {
  if (!id) return '—';
  const n = definition?.nodes.find((x) => x.id === id);
  return n ? n.label || nodeModule(n.kind).title : id;
};

/** Members at each node of the live version, pushed live; and the CSV exports. */
export function NodeCountsPanel({ workflowId, definition, stats }: { workflowId: string; definition: WorkflowDefinition | null; stats: WorkflowStats | null }) {
  const t = useT();
  const [node, setNode] = useState('');
  const nodes = definition?.nodes ?? [];
  return (
    <div className="node-counts">
      {nodes.length === 0 ? (
        <p className="muted panel-empty">{t('nodeCounts.notPublished')}</p>
      ) : (
        <table className="mon-table" data-testid="node-counts">
          <thead>
            <tr>
              <th>{t('nodeCounts.node')}</th>
              <th className="num">{t('nodeCounts.now')}</th>
              <th className="num">{t('nodeCounts.entered')}</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((n) => (
              <tr key={n.id} data-testid={`node-row-${n.id}`}>
                <td>
                  {n.label || kindTitle(t, n.kind)} <span className="muted node-counts__kind">{kindTitle(t, n.kind)}</span>
                </td>
                <td className="num" data-testid={`node-current-${n.id}`}>
                  {stats ? (stats.nodes[n.id]?.current ?? 0).toLocaleString() : '…'}
                </td>
                <td className="num" data-testid={`node-entered-${n.id}`}>
                  {stats ? (stats.nodes[n.id]?.entered ?? 0).toLocaleString() : '…'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="exports">
        <label className="exports__field">
          <span className="field__label">{t('nodeCounts.export')}</span>
          <select className="select" value={node} onChange={(e) => setNode(e.target.value)} data-testid="export-node">
            <option value="">{t('nodeCounts.everyone')}</option>
            {nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {t('nodeCounts.nowAt', { node: n.label || kindTitle(t, n.kind) })}
              </option>
            ))}
          </select>
        </label>
        <a className="btn" href={membersCsvUrl(workflowId, node || null)} download data-testid="export-members">
          {t('nodeCounts.membersCsv')}
        </a>
        <a className="btn" href={effectsCsvUrl(workflowId)} download data-testid="export-effects">
          {t('nodeCounts.effectsCsv')}
        </a>
      </div>
    </div>
  );
}
