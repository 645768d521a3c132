import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { secondPurchaseNudge } from '@memberflow/shared/templates/second-purchase-nudge';
import { describe, expect, it } from 'vitest';
import { translate, type Translate } from '../i18n/i18n.ts';
import { diffDefinitions, fieldValues, isEmptyDiff, shortValue, stableJson } from './definition-diff.ts';

const live: WorkflowDefinition = structuredClone(secondPurchaseNudge);

describe('diffDefinitions', () => {
  it('finds nothing between a definition and its copy, moved steps included', () => {
    const draft = structuredClone(live);
    draft.nodes[0]!.position = { x: 999, y: 999 };
    expect(isEmptyDiff(diffDefinitions(live, draft))).toBe(true);
  });

  it('reports added, removed and changed steps with the changed fields', () => {
    const draft = structuredClone(live);
    const coupon = draft.nodes.find((n) => n.kind === 'issue_coupon')!;
    coupon.label = 'Renamed';
    coupon.config = { ...coupon.config, validityDays: 99 };
    const removed = draft.nodes.pop()!;
    draft.edges = draft.edges.filter((e) => e.target !== removed.id && e.source !== removed.id);
    draft.nodes.push({ id: 'exit_9', kind: 'exit', label: 'New end', position: { x: 0, y: 0 }, config: {} });
    draft.edges.push({ id: 'e_new', source: coupon.id, sourceHandle: 'next', target: 'exit_9' });

    const d = diffDefinitions(live, draft);
    expect(d.addedNodes).toEqual([{ id: 'exit_9', kind: 'exit', label: 'New end' }]);
    expect(d.removedNodes.map((n) => n.id)).toEqual([removed.id]);
    expect(d.changedNodes).toEqual([{ id: coupon.id, kind: 'issue_coupon', label: 'Renamed', fields: ['label', 'config.validityDays'] }]);
    expect(d.addedEdges.map((e) => e.id)).toEqual(['e_new']);
    expect(d.removedEdges.every((e) => e.target === removed.id || e.source === removed.id)).toBe(true);
    expect(d.removedEdges.length).toBeGreaterThan(0);
    expect(isEmptyDiff(d)).toBe(false);
  });

  it('reports a step whose kind has a newer behaviour version than the live one runs', () => {
    const pinned = (version: number): WorkflowDefinition => ({
      ...live,
      nodes: [{ id: 'anniv', kind: 'date_trigger', label: 'Anniversary', position: { x: 0, y: 0 }, config: {}, typeVersion: version }],
      edges: [],
    });
    const draft: WorkflowDefinition = { ...pinned(1), nodes: pinned(1).nodes.map(({ typeVersion: _, ...n }) => n) };
    expect(diffDefinitions(pinned(1), draft).changedNodes).toEqual([{ id: 'anniv', kind: 'date_trigger', label: 'Anniversary', fields: ['version'] }]);
    expect(isEmptyDiff(diffDefinitions(pinned(2), draft))).toBe(true);
  });

  it('treats a redrawn connection with a new id as unchanged', () => {
    const draft = structuredClone(live);
    draft.edges = draft.edges.map((e, i) => ({ ...e, id: `fresh_${i}` }));
    expect(diffDefinitions(live, draft).addedEdges).toEqual([]);
  });

  it('reports changed settings by key, ignoring key order', () => {
    const draft = structuredClone(live);
    draft.settings = Object.fromEntries(Object.entries(draft.settings).reverse()) as typeof draft.settings;
    expect(diffDefinitions(live, draft).settings).toEqual([]);
    draft.settings = { ...draft.settings, cooldownDays: draft.settings.cooldownDays + 1 };
    expect(diffDefinitions(live, draft).settings).toEqual(['cooldownDays']);
  });

  it('stableJson sorts keys and skips undefined values', () => {
    expect(stableJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
  });
});

describe('before and after values', () => {
  it('shows what a changed field and setting were and become', () => {
    const draft = structuredClone(live);
    const coupon = draft.nodes.find((n) => n.kind === 'issue_coupon')!;
    coupon.label = 'Renamed';
    coupon.config = { ...coupon.config, validityDays: 14 };
    draft.settings = { ...draft.settings, holdoutPercent: 10 };
    const wait = draft.nodes.find((n) => n.kind === 'wait_for_event')!;
    wait.config = { ...wait.config, timeout: { amount: 21, unit: 'days' } };
    expect(fieldValues(live, draft, coupon.id, 'label')).toEqual({ before: '“Come-back coupon”', after: '“Renamed”' });
    expect(fieldValues(live, draft, coupon.id, 'config.validityDays')).toEqual({ before: '30', after: '14' });
    expect(fieldValues(live, draft, wait.id, 'config.timeout')).toEqual({ before: '30 days', after: '21 days' });
    expect(fieldValues(live, draft, null, 'holdoutPercent')).toEqual({ before: '0', after: '10' });
  });

  it('says units, switches and the entry rule in Chinese when asked', () => {
    const zh: Translate = (key, vars) => translate('zh-CN', key, vars);
    const draft = structuredClone(live);
    draft.settings = { ...draft.settings, entry: 'once_at_a_time' };
    const wait = draft.nodes.find((n) => n.kind === 'wait_for_event')!;
    wait.config = { ...wait.config, timeout: { amount: 21, unit: 'days' } };
    expect(fieldValues(live, draft, wait.id, 'config.timeout', zh)).toEqual({ before: '30 天', after: '21 天' });
    expect(fieldValues(live, draft, null, 'entry', zh)).toEqual({ before: translate('zh-CN', 'settings.entry.once_ever'), after: translate('zh-CN', 'settings.entry.once_at_a_time') });
    expect(shortValue(true, zh)).toBe('开');
  });
});
