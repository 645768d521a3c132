import { describe, expect, it } from 'vitest';
import { designWarnings } from '../src/design-warnings.ts';
import { buildWorkflow } from '../src/templates/build.ts';
import { workflowTemplates } from '../src/templates/catalog.ts';

const bigSpenders = (entry: 'once_ever' | 'every_time', rule: Record<string, unknown>) => {
  const def = buildWorkflow({
    nodes: [
      ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
      ['c', 'condition', 'Spent 200?', { condition: { type: 'group', combinator: 'and', rules: [rule] } }],
      ['y', 'exit', 'Yes', { reason: 'big' }],
      ['n', 'exit', 'No', { reason: 'small' }],
    ],
    edges: [
      ['t', 'next', 'c'],
      ['c', 'yes', 'y'],
      ['c', 'no', 'n'],
    ],
  });
  return { ...def, settings: { ...def.settings, entry } };
};

describe('design warnings', () => {
  it('a purchase trigger, a condition on total spent and entry once ever: checked only at the first purchase', () => {
    const w = designWarnings(bigSpenders('once_ever', { type: 'field', field: 'member.totalSpent', op: 'gte', value: 200 }));
    expect(w).toEqual([expect.objectContaining({ code: 'entry_once_grows', nodeId: 'c', fields: ['member.totalSpent'], eventType: 'purchase' })]);
    expect(w[0]!.message).toMatch(/segment-entry trigger/);
  });

  it('says nothing for "every time", for facts that do not build up, or for the shipped recipes', () => {
    expect(designWarnings(bigSpenders('every_time', { type: 'field', field: 'member.totalSpent', op: 'gte', value: 200 }))).toEqual([]);
    expect(designWarnings(bigSpenders('once_ever', { type: 'field', field: 'trigger.amount', op: 'gte', value: 200 }))).toEqual([]);
    for (const t of workflowTemplates) expect([t.key, designWarnings(t.definition)]).toEqual([t.key, []]);
  });
});
