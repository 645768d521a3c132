import type { AriaLabelConfig } from '@xyflow/react';
import { useMemo } from 'react';
import type { FlowEdge, FlowNode } from '../flow/flow-types.ts';
import { useT } from '../i18n/i18n.ts';

/** React Flow's own screen-reader texts (controls, minimap, keyboard hints) in the user's language. */
export function useFlowAria(): Partial<AriaLabelConfig> {
  const t = useT();
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('flowAria.nodeHint'),
      'node.a11yDescription.keyboardDisabled': t('flowAria.nodeHintKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) => t('flowAria.moved', { direction, x, y }),
      'edge.a11yDescription.default': t('flowAria.edgeHint'),
      'controls.ariaLabel': t('flowAria.controls'),
      'controls.zoomIn.ariaLabel': t('flowAria.zoomIn'),
      'controls.zoomOut.ariaLabel': t('flowAria.zoomOut'),
      'controls.fitView.ariaLabel': t('flowAria.fitView'),
      'controls.interactive.ariaLabel': t('flowAria.interactive'),
      'minimap.ariaLabel': t('flowAria.minimap'),
      'handle.ariaLabel': t('flowAria.handle'),
    }),
    [t],
  );
}

/** Edges named by the steps they join (React Flow would say "Edge from <id> to <id>" in English). */
export function useEdgeAriaLabels(nodes: readonly FlowNode[], edges: FlowEdge[]): FlowEdge[] {
  const t = useT();
  return useMemo(() => {
    const label = (id: string) => nodes.find((n) => n.id === id)?.data.label || id;
    return edges.map((e) => ({ ...e, ariaLabel: t('flowAria.edge', { from: label(e.source), to: label(e.target) }) }));
  }, [nodes, edges, t]);
}
