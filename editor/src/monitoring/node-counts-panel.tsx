import type { WorkflowStats } from '@memberflow/shared/api/workflows';
import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { nodeModule } from '@memberflow/shared/node-registry';
import { useState } from 'react';
import { effectsCsvUrl, membersCsvUrl } from './monitoring-api.ts';

export const nodeLabelOf = (definition: WorkflowDefinition | null, id: string | null): string => {
  if (!id) return '—';
  const n = definition?.nodes.find((x) => x.id === id);
  return n ? n.label || nodeModule(n.kind).title : id;
};

/** Members at each node of the live version, pushed live; and the CSV exports. */
export function NodeCountsPanel({ workflowId, definition, stats }: { workflowId: string; definition: WorkflowDefinition | null; stats: WorkflowStats | null }) {
  const [node, setNode] = useState('');
  const nodes = definition?.nodes ?? [];
  return (
    <div className="node-counts">
      {nodes.length === 0 ? (
        <p className="muted panel-empty">Not published yet: no live version to count.</p>
      ) : (
        <table className="mon-table" data-testid="node-counts">
          <thead>
            <tr>
              <th>Node</th>
              <th className="num">Now here</th>
              <th className="num">Ever entered</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((n) => (
              <tr key={n.id} data-testid={`node-row-${n.id}`}>
                <td>
                  {n.label || nodeModule(n.kind).title} <span className="muted node-counts__kind">{nodeModule(n.kind).title}</span>
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
          <span className="field__label">Export members</span>
          <select className="select" value={node} onChange={(e) => setNode(e.target.value)} data-testid="export-node">
            <option value="">Every member who entered</option>
            {nodes.map((n) => (
              <option key={n.id} value={n.id}>
                Now at: {n.label || nodeModule(n.kind).title}
              </option>
            ))}
          </select>
        </label>
        <a className="btn" href={membersCsvUrl(workflowId, node || null)} download data-testid="export-members">
          Members CSV
        </a>
        <a className="btn" href={effectsCsvUrl(workflowId)} download data-testid="export-effects">
          Effects CSV
        </a>
      </div>
    </div>
  );
}
