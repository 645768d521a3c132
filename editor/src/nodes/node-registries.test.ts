import { NodeKind, nodeKindsByGroup } from '@memberflow/shared/node-kind';
import { describe, expect, it } from 'vitest';
import { kindIcons } from '../canvas/kind-icons.ts';
import { effectText, effectTexts } from './effect-texts.ts';
import { nodeForms } from './node-forms.ts';

const sorted = (xs: readonly string[]) => [...xs].sort();

describe("the editor's per-kind registries", () => {
  it('every kind has an inspector form and an icon', () => {
    expect(sorted(Object.keys(nodeForms))).toEqual(sorted(NodeKind.options));
    expect(sorted(Object.keys(kindIcons))).toEqual(sorted(NodeKind.options));
    for (const k of NodeKind.options) expect(typeof nodeForms[k].Form, k).toBe('function');
  });

  it('every action kind says what text its effect shows; only a message shows one', () => {
    expect(sorted(Object.keys(effectTexts))).toEqual(sorted(nodeKindsByGroup.action));
    const payload = { body: 'Hi Li Lei', code: 'WB-1', title: 'Call' };
    expect(nodeKindsByGroup.action.filter((k) => effectText(k, payload) !== undefined)).toEqual(['send_message']);
    expect(effectText('send_message', payload)).toBe('Hi Li Lei');
    expect(effectText('send_message', {})).toBeUndefined();
    expect(effectText('no_such_kind', payload)).toBeUndefined();
  });
});
