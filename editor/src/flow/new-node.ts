import type { NodeKind } from '@memberflow/shared/node-kind';
import { nodeModule } from '@memberflow/shared/node-registry';
import type { XYPosition } from '@xyflow/react';
import { kindTitle, type Translate } from '../i18n/i18n.ts';
import type { FlowNode } from './flow-types.ts';
import { newNodeId } from './new-ids.ts';

/**
 * A new step is named and pre-filled in the user's language: the kind's title, and the
 * starting texts a marketer would otherwise have to retype (exit reason, goal, task title…).
 */
function localDefaults(kind: NodeKind, config: Record<string, unknown>, t: Translate): Record<string, unknown> {
  switch (kind) {
    case 'exit':
      return { ...config, reason: t('defaults.exit.reason') };
    case 'goal':
      return { ...config, goal: t('defaults.goal.goal') };
    case 'adjust_points':
      return { ...config, reason: t('defaults.adjust_points.reason') };
    case 'create_task':
      return { ...config, title: t('defaults.create_task.title') };
    case 'multi_split': {
      const names: Record<string, string> = { gold: t('defaults.multi_split.gold'), silver: t('defaults.multi_split.silver') };
      const branches = (config.branches as { id: string; label: string }[]).map((b) => ({ ...b, label: names[b.id] ?? b.label }));
      return { ...config, branches };
    }
    default:
      return config;
  }
}

export function createFlowNode(kind: NodeKind, position: XYPosition, taken: ReadonlySet<string>, t?: Translate): FlowNode {
  const mod = nodeModule(kind);
  const config = mod.defaults() as Record<string, unknown>;
  return {
    id: newNodeId(kind, taken),
    type: mod.group,
    position,
    data: { kind, label: t ? kindTitle(t, kind) : mod.title, config: t ? localDefaults(kind, config, t) : config },
  };
}
