import { emptyMember } from '@memberflow/shared/member-facts';
import { simulate } from '@memberflow/shared/simulate';
import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import { describe, expect, it } from 'vitest';
import { translate, type Translate } from '../i18n/i18n.ts';
import { noteText, type NodeOf } from './note-text.ts';

const T0 = Date.UTC(2026, 11, 1, 2);
const DAY = 86_400_000;
const tIn =
  (locale: 'en' | 'zh-CN'): Translate =>
  (key, vars) =>
    translate(locale, key, vars);

/** Every recipe, a member who buys twice and signs up, recharges and goes quiet: traces with every kind of sentence. */
const traces = workflowTemplates.map((tpl) => {
  const nodeOf: NodeOf = (id) => tpl.definition.nodes.find((n) => n.id === id);
  const r = simulate({
    definition: tpl.definition,
    member: { ...emptyMember('m1', 'Asia/Shanghai'), name: 'Li', phone: '13800000000', birthday: '1990-12-05', tier: 'silver' },
    timeline: [
      { type: 'signup', at: T0, properties: {} },
      { type: 'purchase', at: T0 + DAY, properties: { amount: 1200 } },
      { type: 'recharge', at: T0 + 2 * DAY, properties: { amount: 200 } },
      { type: 'purchase', at: T0 + 40 * DAY, properties: { amount: 30 } },
    ],
    from: T0,
    until: T0 + 200 * DAY,
  });
  return { key: tpl.key, trace: r.trace, nodeOf };
});

describe('trace sentences from their parts', () => {
  // Step reasons are what the member trace stores; times in wait notes are formatted for reading instead.
  it('in English, a step says exactly what the runner wrote', () => {
    let checked = 0;
    for (const { key, trace, nodeOf } of traces) {
      for (const e of trace.filter((x) => x.parts?.length && (x.kind === 'enter' || x.kind === 'step'))) {
        expect(`${key}: ${noteText(e, nodeOf, tIn('en'))}`).toBe(`${key}: ${e.reason}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('in Chinese, say it without the English', () => {
    for (const { trace, nodeOf } of traces) {
      for (const e of trace.filter((x) => x.parts?.length && (x.kind === 'enter' || x.kind === 'step'))) {
        const zh = noteText(e, nodeOf, tIn('zh-CN'));
        expect(zh).not.toBe(e.reason);
        expect(zh).not.toMatch(/\b(Entered|matched the trigger|arrived while|took)\b/);
      }
    }
  });
});
