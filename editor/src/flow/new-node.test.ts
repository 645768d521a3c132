import { describe, expect, it } from 'vitest';
import { translate, type Translate } from '../i18n/i18n.ts';
import { createFlowNode } from './new-node.ts';

const zh: Translate = (key, vars) => translate('zh-CN', key, vars);

describe('a step added from the palette', () => {
  it('is named and pre-filled in the user language', () => {
    const exit = createFlowNode('exit', { x: 0, y: 0 }, new Set(), zh);
    expect(exit.data.label).toBe(translate('zh-CN', 'kinds.exit.title'));
    expect(exit.data.config).toEqual({ reason: '旅程结束' });
    const split = createFlowNode('multi_split', { x: 0, y: 0 }, new Set(), zh);
    expect((split.data.config.branches as { label: string }[]).map((b) => b.label)).toEqual(['金卡', '银卡']);
  });

  it('keeps the module defaults without a language', () => {
    expect(createFlowNode('exit', { x: 0, y: 0 }, new Set()).data).toMatchObject({ label: 'Exit', config: { reason: 'Journey finished' } });
  });
});
