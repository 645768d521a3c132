import type { WorkflowStats } from '@memberflow/shared/api/workflows';
import type { NodeGroup } from '@memberflow/shared/node-kind';
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { useEffect, useRef, type CSSProperties } from 'react';
import type { FlowNode } from '../../flow/flow-types.ts';
import { nodeDrawConfig, nodeOutputs, nodeSummary } from '../../flow/node-outputs.ts';
import { localOutputLabel, localSummary } from '../../flow/node-text.ts';
import { localFieldLabels } from '../../nodes/local-field-labels.ts';
import { problemMessage } from '../../validation/describe-violation.ts';
import { AlertIcon, UsersIcon } from '../../ui/icons.tsx';
import { groupStyles } from '../group-style.ts';
import { kindIcons } from '../kind-icons.ts';
import { cardWidth } from '../node-size.ts';
import { useNodeDecorations } from '../node-decorations.ts';
import { kindTitle, useT } from '../../i18n/i18n.ts';
import { badgeValue, flowLine, nodeCounts } from '../node-live-stats.ts';
import '../../styles/canvas-node.css';

interface NodeCardProps extends NodeProps<FlowNode> {
  group: NodeGroup;
}

/** The card every group's node component draws; groups differ in colour, icon and whether they take input. */
export function NodeCard({ id, data, selected, group }: NodeCardProps) {
  const style = groupStyles[group];
  const t = useT();
  const outputs = nodeOutputs(data.kind, data.config);
  const shared = nodeSummary(data.kind, data.config);
  const drawn = nodeDrawConfig(data.kind, data.config);
  const summary = shared === null ? null : localSummary(data.kind, drawn, shared, t);
  const { problems, stats, simulation, backtest } = useNodeDecorations();
  const Icon = kindIcons[data.kind];
  const visits = simulation?.visits.get(id) ?? 0;
  const nodeProblems = problems.get(id) ?? [];
  const updateNodeInternals = useUpdateNodeInternals();
  const handleKey = outputs.map((o) => o.id).join('|');

  // React Flow caches handle positions; tell it when a config change alters the outputs. Not on
  // mount: that would measure this node alone and let the initial fitView frame just this node.
  const measuredKey = useRef(handleKey);
  useEffect(() => {
    if (measuredKey.current === handleKey) return;
    measuredKey.current = handleKey;
    updateNodeInternals(id);
  }, [id, handleKey, updateNodeInternals]);

  const cssVars = { '--group-color': style.color, '--group-tint': style.tint, width: cardWidth(outputs.length) } as CSSProperties;
  const className = [
    'wf-node',
    selected && 'wf-node--selected',
    nodeProblems.length > 0 && 'wf-node--invalid',
    outputs.length > 3 && 'wf-node--many-outputs',
    simulation && (visits > 0 ? 'wf-node--visited' : 'wf-node--unvisited'),
    simulation?.current === id && 'wf-node--current',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      className={className}
      style={cssVars}
      data-testid={`node-${id}`}
      data-kind={data.kind}
      data-invalid={nodeProblems.length > 0}
      data-visited={simulation ? visits > 0 : undefined}
      data-current={simulation?.current === id ? true : undefined}
    >
      {group !== 'trigger' && <Handle type="target" position={Position.Top} className="wf-handle wf-handle--target" />}

      <div className="wf-node__head">
        <span className="wf-node__icon">
          <Icon size={14} />
        </span>
        <span className="wf-node__kind" title={t(`kinds.${data.kind}.description`)}>{kindTitle(t, data.kind)}</span>
        {nodeProblems.length > 0 && (
          <span
            className="wf-node__problems"
            title={nodeProblems.map((v) => problemMessage(v, localFieldLabels(data.kind, t), t, data.kind)).join('\n')}
          >
            <AlertIcon size={13} />
            {nodeProblems.length}
          </span>
        )}
      </div>
      <div className="wf-node__label" title={data.label}>
        {data.label || <span className="wf-node__placeholder">{t('node.untitled')}</span>}
      </div>
      <div className={`wf-node__summary${summary === null ? ' wf-node__summary--invalid' : ''}`} title={summary ?? undefined}>
        {summary ?? t('node.incomplete')}
      </div>

      {simulation && visits > 0 && (
        <span className="wf-node__visits" title={t('node.visitsTitle', { count: visits })}>
          {visits > 1 ? t('node.visitedTimes', { count: visits }) : t('node.visited')}
        </span>
      )}
      {!simulation && backtest && <BacktestBadge nodeId={id} entered={backtest[id]?.entered ?? 0} />}
      {!simulation && !backtest && stats?.version != null && <LiveCounts nodeId={id} trigger={group === 'trigger'} stats={stats} />}

      {outputs.length > 0 && (
        <div className="wf-node__outputs">
          {outputs.map((o) => (
            <div key={o.id} className="wf-node__output" data-testid={`handle-label-${id}-${o.id}`}>
              <span className="wf-node__output-label" title={localOutputLabel(data.kind, drawn, o, t)}>
                {localOutputLabel(data.kind, drawn, o, t)}
              </span>
              <Handle type="source" position={Position.Bottom} id={o.id} className="wf-handle wf-handle--source" />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function LiveCounts({ nodeId, trigger, stats }: { nodeId: string; trigger: boolean; stats: WorkflowStats }) {
  const t = useT();
  const counts = nodeCounts(stats, nodeId);
  const value = badgeValue(counts, trigger);
  const line = flowLine(counts);
  const detail = line?.map((p) => `${t(`node.flow.${p.key}`)} ${p.value.toLocaleString()}`).join(' · ');
  const title = trigger
    ? t('node.countStarted', { count: value.toLocaleString() })
    : t('node.countNow', { count: value.toLocaleString(), entered: counts.entered.toLocaleString() });
  return (
    <>
      <span
        className={`wf-node__count${value === 0 ? ' wf-node__count--zero' : ''}`}
        title={detail ? `${title}\n${detail}` : title}
        data-testid={`node-count-${nodeId}`}
      >
        <UsersIcon size={11} />
        <span className="wf-node__count-value">{value.toLocaleString()}</span>
      </span>
      {line && (
        // A second line rather than only a tooltip: admins scan the whole canvas at once.
        <div className="wf-node__flow" title={`${t('node.live')}: ${detail}`} data-testid={`node-flow-${nodeId}`}>
          {line.map((p) => (
            <span key={p.key} className={`wf-node__flow-item wf-node__flow-item--${p.key}${p.value === 0 ? ' wf-node__flow-item--zero' : ''}`} data-key={p.key}>
              {t(`node.flow.${p.key}`)} <b>{p.value.toLocaleString()}</b>
            </span>
          ))}
        </div>
      )}
    </>
  );
}

function BacktestBadge({ nodeId, entered }: { nodeId: string; entered: number }) {
  const t = useT();
  return (
    <span
      className={`wf-node__count wf-node__count--backtest${entered === 0 ? ' wf-node__count--zero' : ''}`}
      title={t('node.backtestCount', { count: entered.toLocaleString() })}
      data-testid={`backtest-count-${nodeId}`}
    >
      <UsersIcon size={11} />
      <span className="wf-node__count-value">{entered.toLocaleString()}</span>
    </span>
  );
}
