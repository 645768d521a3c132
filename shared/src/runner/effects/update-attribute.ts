import { UpdateAttributeConfig } from '../../nodes/update-attribute.ts';
import { effectBase, type NodeExecutor } from './node-executor.ts';

export const updateAttributeExecutor: NodeExecutor = {
  execute: (ctx) => {
    const c = UpdateAttributeConfig.parse(ctx.action.config);
    ctx.member.attributes = { ...ctx.member.attributes, [c.attribute]: c.value };
    ctx.writes.attributePatch[c.attribute] = c.value;
    ctx.writes.effects.push({ ...effectBase(ctx, 'update_attribute'), payload: { attribute: c.attribute, value: c.value }, status: 'done' });
  },
};
