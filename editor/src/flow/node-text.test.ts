import { nodeModule } from '@memberflow/shared/node-registry';
import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import { describe, expect, it } from 'vitest';
import { translate, type Translate } from '../i18n/i18n.ts';
import { localOutputLabel, localSummary } from './node-text.ts';

const en: Translate = (key, vars) => translate('en', key, vars);
const zh: Translate = (key, vars) => translate('zh-CN', key, vars);
const nodes = workflowTemplates.flatMap((tpl) => tpl.definition.nodes);

describe('step summaries and output names in the user language', () => {
  it('say in English exactly what the node modules say, for every step of every template', () => {
    for (const n of nodes) {
      const mod = nodeModule(n.kind);
      const config = mod.config.parse(n.config) as Record<string, unknown>;
      expect(localSummary(n.kind, config, mod.summary(config as never), en), n.id).toBe(mod.summary(config as never));
      for (const o of mod.outputs(config as never)) expect(localOutputLabel(n.kind, config, o, en)).toBe(o.label);
    }
  });

  it('say it in Chinese with the codes and names kept', () => {
    const coupon = nodes.find((n) => n.kind === 'issue_coupon' && n.config.template === 'COMEBACK10')!;
    expect(localSummary('issue_coupon', coupon.config, '', zh)).toBe('COMEBACK10，有效期 30 天');
    const wait = { eventType: 'purchase', timeout: { amount: 30, unit: 'days' }, filters: [] };
    expect(localOutputLabel('wait_for_event', wait, { id: 'timeout', label: 'After 30 days' }, zh)).toBe('30 天后');
    expect(localSummary('update_tags', { action: 'add', tags: ['lost'] }, '', zh)).toBe('添加标签 lost');
  });
});
