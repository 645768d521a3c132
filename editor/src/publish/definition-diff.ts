import type { WorkflowDefinition } from '@memberflow/shared/definition';
import type { Duration } from '@memberflow/shared/duration';
import { latestVersion } from '@memberflow/shared/node-registry';
import { enMessages, type MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/i18n.ts';
import { durationText } from '../flow/node-text.ts';

type DefNode = WorkflowDefinition['nodes'][number];
type DefEdge = WorkflowDefinition['edges'][number];

export interface NodeRef {
  id: string;
  kind: DefNode['kind'];
  label: string;
}

export interface ChangedNode extends NodeRef {
  /**
   * 'label', 'kind', 'version' (publishing moves the step to its kind's newer behaviour) or
   * 'config.<field>'; moving a step on the canvas is not a change members notice.
   */
  fields: string[];
}

export interface DefinitionDiff {
  addedNodes: NodeRef[];
  removedNodes: NodeRef[];
  changedNodes: ChangedNode[];
  addedEdges: DefEdge[];
  removedEdges: DefEdge[];
  /** Top-level settings keys whose value differs. */
  settings: string[];
}

/** What publishing the draft changes compared with the live version; ids match nodes across versions. */
export function diffDefinitions(live: WorkflowDefinition, draft: WorkflowDefinition): DefinitionDiff {
  const liveNodes = new Map(live.nodes.map((n) => [n.id, n]));
  const draftNodes = new Map(draft.nodes.map((n) => [n.id, n]));
  const ref = (n: DefNode): NodeRef => ({ id: n.id, kind: n.kind, label: n.label });

  const changedNodes: ChangedNode[] = [];
  for (const d of draft.nodes) {
    const l = liveNodes.get(d.id);
    if (!l) continue;
    const fields: string[] = [];
    if (l.kind !== d.kind) fields.push('kind');
    if (l.label !== d.label) fields.push('label');
    // The live node runs its pinned version (1 if published before pinning); publishing pins the latest.
    if (l.kind === d.kind && (l.typeVersion ?? 1) !== latestVersion(d.kind)) fields.push('version');
    fields.push(...changedKeys(l.config, d.config).map((k) => `config.${k}`));
    if (fields.length > 0) changedNodes.push({ ...ref(d), fields });
  }

  // A connection is its endpoints: ids are regenerated when an edge is redrawn, the route is what matters.
  const edgeKey = (e: DefEdge) => `${e.source}\u0000${e.sourceHandle}\u0000${e.target}`;
  const liveEdges = new Set(live.edges.map(edgeKey));
  const draftEdges = new Set(draft.edges.map(edgeKey));

  return {
    addedNodes: draft.nodes.filter((n) => !liveNodes.has(n.id)).map(ref),
    removedNodes: live.nodes.filter((n) => !draftNodes.has(n.id)).map(ref),
    changedNodes,
    addedEdges: draft.edges.filter((e) => !liveEdges.has(edgeKey(e))),
    removedEdges: live.edges.filter((e) => !draftEdges.has(edgeKey(e))),
    settings: changedKeys(live.settings as Record<string, unknown>, draft.settings as Record<string, unknown>),
  };
}

export function isEmptyDiff(d: DefinitionDiff): boolean {
  return (
    d.addedNodes.length + d.removedNodes.length + d.changedNodes.length + d.addedEdges.length + d.removedEdges.length + d.settings.length ===
    0
  );
}

function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => stableJson(a[k]) !== stableJson(b[k]));
}

/** JSON with sorted object keys, so key order (which the forms do not preserve) is not a change. */
export function stableJson(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(',')}}`;
}

/**
 * A value as the publish dialog shows it: short, quoted if text, a duration in words; with `t`,
 * in the user's language (on/off, units, and the settings' named choices such as the entry rule).
 */
export function shortValue(v: unknown, t?: Translate, field?: string): string {
  if (v === undefined || v === null || v === '') return '—';
  const choice = field !== undefined && typeof v === 'string' ? `settings.${field}.${v}` : '';
  if (t && choice in enMessages) return t(choice as MessageKey);
  if (typeof v === 'string') return `“${v.length > 40 ? `${v.slice(0, 39)}…` : v}”`;
  if (typeof v === 'boolean') return t ? t(v ? 'diff.on' : 'diff.off') : v ? 'on' : 'off';
  if (typeof v !== 'object') return String(v);
  const d = v as { amount?: unknown; unit?: unknown };
  if (Object.keys(d).length === 2 && typeof d.amount === 'number' && typeof d.unit === 'string') {
    return t ? durationText(d as Duration, t) : `${d.amount} ${d.unit}`;
  }
  const json = stableJson(v);
  return json.length > 40 ? `${json.slice(0, 39)}…` : json;
}

/** Before → after of one field the diff named ('label', 'kind', 'version', 'config.<key>'; or a settings key when nodeId is null). */
export function fieldValues(live: WorkflowDefinition, draft: WorkflowDefinition, nodeId: string | null, field: string, t?: Translate): { before: string; after: string } {
  if (nodeId === null) {
    const setting = (d: WorkflowDefinition) => shortValue((d.settings as Record<string, unknown>)[field], t, field);
    return { before: setting(live), after: setting(draft) };
  }
  const l = live.nodes.find((n) => n.id === nodeId);
  const d = draft.nodes.find((n) => n.id === nodeId);
  const read = (n: DefNode | undefined, which: 'live' | 'draft'): unknown => {
    if (!n) return undefined;
    if (field === 'label' || field === 'kind') return n[field];
    if (field === 'version') return `v${which === 'live' ? (n.typeVersion ?? 1) : latestVersion(n.kind)}`;
    return (n.config as Record<string, unknown>)[field.slice('config.'.length)];
  };
  const version = field === 'version';
  const [before, after] = [read(l, 'live'), read(d, 'draft')];
  return version ? { before: String(before), after: String(after) } : { before: shortValue(before, t), after: shortValue(after, t) };
}
