import { secondPurchaseNudge } from '@memberflow/shared/templates/second-purchase-nudge';
import { describe, expect, it } from 'vitest';
import { draftBody } from './draft-body.ts';
import { editGroup } from './use-undo-history.ts';

const base = draftBody('Nudge', '', structuredClone(secondPurchaseNudge));
const edit = (f: (b: typeof base) => void) => {
  const b = structuredClone(base);
  f(b);
  return b;
};

describe('editGroup', () => {
  it('groups edits of one step or of the workflow settings', () => {
    expect(editGroup(base, edit((b) => (b.definition.nodes[3]!.label = 'x')))).toBe(`node:${base.definition.nodes[3]!.id}`);
    expect(editGroup(base, edit((b) => (b.name = 'Other')))).toBe('workflow');
    expect(editGroup(base, edit((b) => (b.definition.settings.cooldownDays = 9)))).toBe('workflow');
  });

  it('never groups structural changes, moves or edits of two things', () => {
    expect(editGroup(base, edit((b) => b.definition.nodes.pop()))).toBeUndefined();
    expect(editGroup(base, edit((b) => b.definition.edges.pop()))).toBeUndefined();
    expect(editGroup(base, edit((b) => (b.definition.nodes[0]!.position = { x: 5, y: 5 })))).toBeUndefined();
    expect(
      editGroup(
        base,
        edit((b) => {
          b.definition.nodes[0]!.label = 'a';
          b.definition.nodes[1]!.label = 'b';
        }),
      ),
    ).toBeUndefined();
  });
});
