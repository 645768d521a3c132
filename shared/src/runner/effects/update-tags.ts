import { UpdateTagsConfig } from '../../nodes/update-tags.ts';
import { effectBase, type NodeExecutor } from './node-executor.ts';

export const updateTagsExecutor: NodeExecutor = {
  execute: (ctx) => {
    const c = UpdateTagsConfig.parse(ctx.action.config);
    const before = ctx.member.tags;
    ctx.member.tags = c.action === 'add' ? [...new Set([...before, ...c.tags])] : before.filter((t) => !c.tags.includes(t));
    ctx.writes.memberChanged = true;
    ctx.writes.effects.push({ ...effectBase(ctx, 'update_tags'), payload: { action: c.action, tags: c.tags }, status: 'done' });
  },
};
